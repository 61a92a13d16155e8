import { describe, expect, it } from 'vitest';
import { dockerfileRules } from '../../../src/rules/dockerfile/index.js';
import { lintWith } from '../../helpers/rule-tester.js';

/**
 * Every BuildKit build check (docs.docker.com/reference/build-checks) has an equivalent rule carrying the
 * check's name in `aliases`; these examples (ours, written to each check's documented meaning) must fire
 * and stay silent under the rules that carry the name, whoever wrote them.
 */
const CHECKS: Record<string, { bad: string; good: string }> = {
  StageNameCasing: { bad: 'FROM alpine AS Build', good: 'FROM alpine AS build' },
  FromAsCasing: { bad: 'FROM alpine as build', good: 'from alpine as build' },
  ConsistentInstructionCasing: {
    bad: 'FROM alpine\nRUN true\nrun true\nCOPY a b',
    good: 'from alpine\nrun true\ncopy a b',
  },
  JSONArgsRecommended: {
    bad: 'FROM alpine\nENTRYPOINT my-server --port 80',
    good: 'FROM alpine\nENTRYPOINT ["my-server", "--port", "80"]',
  },
  LegacyKeyValueFormat: { bad: 'FROM alpine\nENV MODE production', good: 'FROM alpine\nENV MODE=production' },
  MaintainerDeprecated: {
    bad: 'FROM alpine\nMAINTAINER Jane <jane@example.com>',
    good: 'FROM alpine\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"',
  },
  UndefinedVar: { bad: 'FROM scratch\nCOPY $SRC /app/', good: 'FROM scratch\nARG SRC=dist\nCOPY $SRC /app/' },
  UndefinedArgInFrom: {
    bad: 'FROM node:${NODE_VERSION}',
    good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}',
  },
  WorkdirRelativePath: { bad: 'FROM alpine\nWORKDIR app', good: 'FROM alpine\nWORKDIR /srv\nWORKDIR app' },
  MultipleInstructionsDisallowed: {
    bad: 'FROM alpine\nCMD ["a"]\nCMD ["b"]',
    good: 'FROM alpine AS one\nCMD ["a"]\nFROM alpine\nCMD ["b"]',
  },
  SecretsUsedInArgOrEnv: { bad: 'FROM alpine\nARG GITHUB_TOKEN', good: 'FROM alpine\nARG VERSION=1' },
  RedundantTargetPlatform: {
    bad: 'FROM --platform=$TARGETPLATFORM alpine',
    good: 'FROM --platform=$BUILDPLATFORM alpine',
  },
  InvalidDefaultArgInFrom: { bad: 'ARG TAG\nFROM alpine:$TAG', good: 'ARG TAG=3.20\nFROM alpine:$TAG' },
  FromPlatformFlagConstDisallowed: {
    bad: 'FROM --platform=linux/amd64 alpine AS tools',
    good: 'FROM --platform=linux/amd64 alpine AS tools-amd64',
  },
  DuplicateStageName: {
    bad: 'FROM alpine AS build\nFROM alpine AS BUILD',
    good: 'FROM alpine AS build\nFROM alpine AS test',
  },
  ReservedStageName: { bad: 'FROM alpine AS context', good: 'FROM alpine AS ctx' },
  NoEmptyContinuation: {
    bad: 'FROM alpine\nRUN true && \\\n\n    true',
    good: 'FROM alpine\nRUN true && \\\n    true',
  },
  InvalidBaseImagePlatform: {
    bad: 'FROM --platform=linux/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022',
    good: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022',
  },
  ExposeProtoCasing: { bad: 'FROM alpine\nEXPOSE 80/TCP', good: 'FROM alpine\nEXPOSE 80/tcp' },
  ExposeInvalidFormat: { bad: 'FROM alpine\nEXPOSE 8080:80', good: 'FROM alpine\nEXPOSE 80' },
  InvalidDefinitionDescription: {
    bad: '# the version\nARG VERSION=1',
    good: '# VERSION the version to build\nARG VERSION=1',
  },
  // CopyIgnoredFile needs a build context: see copy-ignored-file.test.ts and test/cli/lint-buildkit.test.ts.
  CopyIgnoredFile: { bad: '', good: '' },
};

const rulesFor = (name: string) => dockerfileRules.filter((r) => r.aliases.includes(name));

describe('BuildKit build checks', () => {
  it('each check but SecretsUsedInArgOrEnv (written with the security rules) has a rule here', () => {
    const missing = Object.keys(CHECKS).filter((n) => rulesFor(n).length === 0);
    expect(missing.filter((n) => n !== 'SecretsUsedInArgOrEnv')).toEqual([]);
  });

  it('only MultipleInstructionsDisallowed is shared (CMD, ENTRYPOINT, HEALTHCHECK)', () => {
    for (const name of Object.keys(CHECKS))
      expect(rulesFor(name).length, name).toBeLessThanOrEqual(
        name === 'MultipleInstructionsDisallowed' ? 3 : 1,
      );
  });

  for (const [name, { bad, good }] of Object.entries(CHECKS)) {
    if (!bad) continue;
    it.skipIf(rulesFor(name).length === 0)(`${name}: fires on its bad example, not on its good one`, () => {
      const run = (text: string) =>
        rulesFor(name).flatMap((rule) => lintWith(rule, `${text}\n`, { enabled: [rule.id] }).findings);
      expect(run(bad).length, bad).toBeGreaterThan(0);
      expect(run(good), good).toEqual([]);
    });
  }
});
