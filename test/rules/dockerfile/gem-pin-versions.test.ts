import rule from '../../../src/rules/dockerfile/gem-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.22 rake:13.2.1\n' },
    { code: "FROM ruby:3.3\nRUN gem install bundler -v '2.5.22'\n" },
    { code: 'FROM ruby:3.3\nRUN gem install bundler --version=2.5.22 --no-document\n' },
    {
      code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries\n',
      name: 'build flags after --',
    },
    { code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 --use-system-libraries true\n' },
  ],
  invalid: [
    {
      code: 'FROM ruby:3.3\nRUN gem i --no-document bundler:2.5.22 rails\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 10,
          message: 'pin the version of `rails` (`gem install <gem>:<version>`)',
        },
      ],
    },
    { code: 'FROM ruby:3.3\nRUN gem install -N bundler\n', errors: [{ line: 2, column: 5, endColumn: 16 }] },
  ],
});
