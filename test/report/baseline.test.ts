import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  createBaseline,
  parseBaseline,
  serializeBaseline,
} from '../../src/report/baseline.js';
import { computeFingerprints, FINGERPRINT_SCHEME } from '../../src/report/fingerprint.js';
import { fixtureInput, SOURCES } from './fixture.js';

describe('baseline files', () => {
  it('round-trip and hide exactly the recorded findings', () => {
    const { findings } = fixtureInput();
    const fingerprints = computeFingerprints(findings, SOURCES);
    const recorded = findings.slice(0, 2);
    const text = serializeBaseline(createBaseline(recorded, fingerprints));
    const parsed = parseBaseline(text);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.baseline.scheme).toBe(FINGERPRINT_SCHEME);
    expect(parsed.baseline.entries).toHaveLength(2);
    expect(parsed.baseline.entries[0]).toMatchObject({ file: recorded[0]!.file, rule: recorded[0]!.rule });
    const result = applyBaseline(findings, fingerprints, parsed.baseline);
    expect(result.known).toBe(2);
    expect(result.findings).toEqual(findings.slice(2));
  });

  it('rejects what is not a baseline of this fingerprint scheme', () => {
    expect(parseBaseline('{')).toMatchObject({ error: expect.stringContaining('not valid JSON') });
    expect(parseBaseline('[]')).toMatchObject({ error: expect.stringContaining('not a dockaudit baseline') });
    expect(
      parseBaseline(JSON.stringify({ kind: 'baseline', scheme: 'dockaudit/v0', entries: [] })),
    ).toMatchObject({
      error: expect.stringContaining('recreate it'),
    });
    expect(
      parseBaseline(
        JSON.stringify({ kind: 'baseline', scheme: FINGERPRINT_SCHEME, entries: [{ file: 'x' }] }),
      ),
    ).toMatchObject({ error: 'entry 1 has no fingerprint' });
  });
});
