import rule from '../../../src/rules/dockerfile/apt-get-yes.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get install -y curl\n' },
    { code: 'FROM debian\nRUN apt-get -y install curl\n' },
    { code: 'FROM debian\nRUN apt-get install --yes curl\n' },
    { code: 'FROM debian\nRUN apt-get install --assume-yes curl\n' },
    { code: 'FROM debian\nRUN apt-get -qqy install curl\n' },
    { code: 'FROM debian\nRUN apt-get -qq install curl\n', name: '-qq implies -y' },
    { code: 'FROM debian\nRUN apt-get install -q=2 curl\n', name: '-q=2 implies -y' },
    { code: 'FROM debian\nRUN apt-get install --quiet --quiet curl\n', name: 'two --quiet imply -y' },
    { code: 'FROM debian\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { code: 'FROM debian\nRUN apt-get update\n' },
    { code: 'FROM debian\nRUN apt-get -o Dpkg::Options::=--force-confnew -y install x\n' },
    { code: 'FROM debian\nRUN echo apt-get install curl\n', name: 'an argument, not a command' },
    {
      name: 'options from a build argument',
      code: 'FROM debian\nARG APT_OPTS="-y --no-install-recommends"\nRUN apt-get install $APT_OPTS curl\n',
    },
    {
      name: 'options from an unknown build argument',
      code: 'FROM debian\nARG OPTS\nRUN apt-get install $OPTS curl\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get install curl\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 20,
          message: 'add -y to `apt-get install`: builds cannot answer its prompt',
        },
      ],
      output: 'FROM debian\nRUN apt-get install -y curl\n',
    },
    {
      name: 'inside a multi-line RUN, at the command itself',
      code: 'FROM debian\nRUN apt-get update && \\\n    apt-get install \\\n      curl\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 20 }],
      output: 'FROM debian\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl\n',
    },
    {
      name: 'through sudo and sh -c',
      code: "FROM debian\nRUN sudo apt-get upgrade && sh -c 'apt-get install vim'\n",
      errors: [
        { line: 2, column: 10 },
        { line: 2, column: 36 },
      ],
      output: "FROM debian\nRUN sudo apt-get upgrade -y && sh -c 'apt-get install -y vim'\n",
    },
    {
      name: 'in a heredoc script and an ONBUILD trigger',
      code: 'FROM debian\nRUN <<EOF\napt-get install curl\nEOF\nONBUILD RUN apt-get install git\n',
      errors: [
        { line: 3, column: 1 },
        { line: 5, column: 13 },
      ],
      output: 'FROM debian\nRUN <<EOF\napt-get install -y curl\nEOF\nONBUILD RUN apt-get install -y git\n',
    },
    {
      name: 'apt-get -q is not enough',
      code: 'FROM debian\nRUN apt-get -q install curl\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian\nRUN apt-get -q install -y curl\n',
    },
    {
      name: 'a build argument without -y',
      code: 'FROM debian\nARG APT_OPTS=--no-install-recommends\nRUN apt-get install $APT_OPTS curl\n',
      errors: [{ line: 3, column: 5, endColumn: 20 }],
      output: 'FROM debian\nARG APT_OPTS=--no-install-recommends\nRUN apt-get install -y $APT_OPTS curl\n',
    },
  ],
});
