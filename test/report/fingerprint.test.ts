import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/settings.js';
import type { Finding } from '../../src/core/finding.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { computeFingerprints, fingerprintsOf } from '../../src/report/fingerprint.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';
import { fixtureInput, SOURCES } from './fixture.js';

function lint(path: string, text: string) {
  const findings = lintDockerfile(parseDockerfile(text, path), {
    // The lines below are those of the syntax findings; the image-user rules stay out of them.
    config: { ...defaultConfig(), ignored: ['final-stage-root', 'user-root'] },
    rules: dockerfileRules,
  });
  const fingerprints = computeFingerprints(findings, new Map([[path, text]]));
  return findings.map((f) => ({ rule: f.rule, line: f.line, fp: fingerprints.get(f)! }));
}

const BASE = 'FROM alpine:3.20\nFOO one\nRUN echo hi\nFOO one\nBAR two\n';

describe('fingerprints', () => {
  it('stay the same when lines move, and occurrences of equal content stay apart', () => {
    const before = lint('Dockerfile', BASE);
    expect(before.map((f) => f.line)).toEqual([2, 4, 5]);
    expect(new Set(before.map((f) => f.fp)).size).toBe(3);
    const moved = lint(
      'Dockerfile',
      `# header\n\nFROM alpine:3.20\nRUN echo added\nFOO one\nRUN echo hi\n\n\nFOO  one\nBAR two\n`,
    );
    expect(moved.map((f) => f.line)).toEqual([5, 9, 10]);
    expect(moved.map((f) => f.fp)).toEqual(before.map((f) => f.fp));
  });

  it('change when the content, the file or the rule changes', () => {
    const [first] = lint('Dockerfile', BASE);
    const [edited] = lint('Dockerfile', BASE.replace('FOO one\nRUN', 'FOO changed\nRUN'));
    const [elsewhere] = lint('other/Dockerfile', BASE);
    expect(edited!.fp).not.toBe(first!.fp);
    expect(elsewhere!.fp).not.toBe(first!.fp);
    const f = { ...fixtureInput().findings[0]! };
    const a = computeFingerprints([f], SOURCES).get(f);
    const g = { ...f, rule: 'another-rule' };
    expect(computeFingerprints([g], SOURCES).get(g)).not.toBe(a);
  });

  it('do not depend on ./ or backslashes in paths, nor on the order findings come in', () => {
    const text = 'FROM a\nFOO x\n';
    const base = lint('dir/Dockerfile', text);
    expect(lint('./dir/Dockerfile', text)).toEqual(base);
    expect(lint('dir\\Dockerfile', text)).toEqual(base);
    const findings = fixtureInput().findings;
    const forward = computeFingerprints(findings, SOURCES);
    const backward = computeFingerprints([...findings].reverse(), SOURCES);
    for (const f of findings) expect(backward.get(f)).toBe(forward.get(f));
  });

  it('fall back to the message when the source is unknown', () => {
    const f: Finding = { ...fixtureInput().findings[0]! };
    const moved: Finding = { ...f, line: f.line + 10, endLine: f.endLine + 10 };
    expect(computeFingerprints([moved], undefined).get(moved)).toBe(
      computeFingerprints([f], undefined).get(f),
    );
    const reworded: Finding = { ...f, message: `${f.message}!` };
    expect(computeFingerprints([reworded], undefined).get(reworded)).not.toBe(
      computeFingerprints([f], undefined).get(f),
    );
  });

  it('are taken from the report when the command computed them (before a baseline dropped some)', () => {
    const input = fixtureInput();
    const precomputed = new Map(input.findings.map((f, i) => [f, `fp-${i}`]));
    expect(fingerprintsOf({ ...input, fingerprints: precomputed }, SOURCES)).toBe(precomputed);
    expect(fingerprintsOf(input, SOURCES).get(input.findings[0]!)).toMatch(/^[0-9a-f]{32}$/);
  });
});
