import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { findAll, parseXml } from '../helpers/xml.js';
import {
  API_FILE,
  BROKEN_FILE,
  CLEAN_FILE,
  fixtureInput,
  HOSTILE_FILE,
  HOSTILE_MESSAGE,
  SOURCES,
} from './fixture.js';

describe('checkstyle reporter', () => {
  it('writes well-formed checkstyle XML with one <file> per examined file', async () => {
    const input = fixtureInput();
    const root = parseXml(await render('checkstyle', input, { color: false, sources: SOURCES }));
    expect(root.name).toBe('checkstyle');
    const files = root.children.filter((c) => c.name === 'file');
    expect(files.map((f) => f.attrs.name)).toEqual([API_FILE, BROKEN_FILE, CLEAN_FILE, HOSTILE_FILE]);
    expect(files.find((f) => f.attrs.name === CLEAN_FILE)!.children).toEqual([]);
    const errors = findAll(root, 'error');
    expect(errors).toHaveLength(input.findings.length + input.errors.length);
    for (const f of input.findings) {
      const file = files.find((x) => x.attrs.name === f.file)!;
      const e = file.children.find(
        (x) => x.attrs.source === `dockaudit.${f.rule}` && x.attrs.line === String(f.line),
      );
      expect(e, `${f.rule} in ${f.file}`).toBeDefined();
      expect(e!.attrs.column).toBe(String(f.column));
      expect(e!.attrs.message).toBe(`${f.message.replace('\u0007', '\uFFFD')} (${f.code})`);
      expect(e!.attrs.severity).toBe(f.severity === 'style' ? 'info' : f.severity);
    }
  });

  it('escapes markup, quotes and line breaks so that they read back unchanged', async () => {
    const root = parseXml(await render('checkstyle', fixtureInput(), { color: false }));
    const hostile = findAll(root, 'file').find((f) => f.attrs.name === HOSTILE_FILE)!;
    const e = hostile.children.find((x) => x.attrs.source === 'dockaudit.test-hostile')!;
    // The bell (not allowed in XML at all) becomes U+FFFD; everything else survives.
    expect(e.attrs.message).toBe(`${HOSTILE_MESSAGE.replace('\u0007', '\uFFFD')} (DA9002)`);
  });

  it('reports an unreadable input as an error of its file', async () => {
    const root = parseXml(await render('checkstyle', fixtureInput(), { color: false }));
    const broken = findAll(root, 'file').find((f) => f.attrs.name === BROKEN_FILE)!;
    expect(broken.children.map((c) => c.attrs)).toEqual([
      {
        line: '1',
        column: '1',
        severity: 'error',
        message: 'binary file, not a Dockerfile',
        source: 'dockaudit.input-error',
      },
    ]);
  });
});
