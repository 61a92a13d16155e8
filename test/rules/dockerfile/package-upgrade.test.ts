import rule from '../../../src/rules/dockerfile/package-upgrade.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nRUN apk upgrade --no-cache openssl\n', name: 'named packages only' },
    { code: 'FROM centos\nRUN yum update -y openssl\n' },
    { code: 'FROM opensuse/leap\nRUN zypper -n dup\n', name: 'zypper dist-upgrade has its own rule' },
    { code: 'FROM node\nRUN npm update\n', name: 'not a system package manager' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update && apt-get upgrade -y\n',
      errors: [
        {
          line: 2,
          column: 23,
          endColumn: 38,
          severity: 'info',
          message:
            '`apt-get upgrade` upgrades the whole system inside the build: rebuild on a current base image instead',
        },
      ],
    },
    {
      name: 'distribution upgrades are warnings',
      code: 'FROM debian\nRUN apt-get -y dist-upgrade && dnf -y distro-sync\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 28,
          severity: 'warning',
          message:
            '`apt-get dist-upgrade` can move the image to another release: use a newer base image instead',
        },
        { line: 2, column: 32, severity: 'warning', message: /`dnf distro-sync`/ },
      ],
    },
    {
      code: 'FROM alpine\nRUN apk update && apk upgrade && zypper -n up\n',
      errors: [
        { line: 2, column: 19, endColumn: 30, message: /`apk upgrade`/ },
        { line: 2, column: 34, message: /`zypper up`/ },
      ],
    },
  ],
});
