import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { findAll, parseXml } from '../helpers/xml.js';
import { BROKEN_FILE, CLEAN_FILE, fixtureInput, HOSTILE_FILE, HOSTILE_MESSAGE } from './fixture.js';

describe('junit reporter', () => {
  it('writes one testsuite per file and one failing testcase per finding, with consistent counts', async () => {
    const input = fixtureInput();
    const root = parseXml(await render('junit', input, { color: false }));
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name).sort()).toEqual([...input.files].sort());
    let tests = 0;
    for (const suite of suites) {
      const cases = suite.children.filter((c) => c.name === 'testcase');
      const failures = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
      const errors = cases.filter((c) => c.children.some((x) => x.name === 'error'));
      expect(suite.attrs.tests).toBe(String(cases.length));
      expect(suite.attrs.failures).toBe(String(failures.length));
      expect(suite.attrs.errors).toBe(String(errors.length));
      expect(failures).toHaveLength(input.findings.filter((f) => f.file === suite.attrs.name).length);
      tests += cases.length;
    }
    expect(root.attrs).toMatchObject({
      name: 'dockaudit lint',
      tests: String(tests),
      failures: String(input.findings.length),
      errors: '1',
    });
  });

  it('keeps a passing testcase for a file without findings and an error for an unreadable one', async () => {
    const root = parseXml(await render('junit', fixtureInput(), { color: false }));
    const suites = findAll(root, 'testsuite');
    const clean = suites.find((s) => s.attrs.name === CLEAN_FILE)!;
    expect(clean.children).toHaveLength(1);
    expect(clean.children[0]!.children).toEqual([]);
    const broken = suites.find((s) => s.attrs.name === BROKEN_FILE)!;
    const error = findAll(broken, 'error')[0]!;
    expect(error.attrs).toEqual({ message: 'binary file, not a Dockerfile', type: 'input-error' });
    expect(error.text).toBe(`${BROKEN_FILE}:1:1: binary file, not a Dockerfile`);
  });

  it('names each case by rule and position, and escapes the message', async () => {
    const root = parseXml(await render('junit', fixtureInput(), { color: false }));
    const hostile = findAll(root, 'testsuite').find((s) => s.attrs.name === HOSTILE_FILE)!;
    const names = hostile.children.map((c) => c.attrs.name);
    expect(names).toEqual(['test-multiline (DA9001) at 2:5', 'test-hostile (DA9002) at 4:6']);
    const failure = findAll(hostile, 'failure')[1]!;
    const expected = HOSTILE_MESSAGE.replace('\u0007', '\uFFFD');
    expect(failure.attrs).toEqual({ message: expected, type: 'style' });
    expect(failure.text).toContain(expected);
  });
});
