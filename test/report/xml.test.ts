import { describe, expect, it } from 'vitest';
import { xmlAttr, xmlText } from '../../src/report/xml.js';
import { parseXml } from '../helpers/xml.js';

describe('XML escaping', () => {
  it('round-trips text and attribute values through a strict reader', () => {
    const value = `a < b & "c" 'd' > e\n\tf\r g \uD83D\uDE00`;
    const root = parseXml(`<r a="${xmlAttr(value)}">${xmlText(value)}</r>`);
    expect(root.attrs.a).toBe(value);
    // Text content keeps the characters; the reader does not normalize CR in text here.
    expect(root.text).toBe(value);
  });

  it('replaces characters XML cannot carry', () => {
    expect(xmlText('a\u0000b\u001Fc\uFFFFd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
  });
});

describe('the test XML reader', () => {
  it.each([
    ['<a>&</a>', 'bare ampersand'],
    ['<a><b></a>', 'mismatched tags'],
    ['<a x=1/>', 'unquoted attribute'],
    ['<a x="1" x="2"/>', 'repeated attribute'],
    ['<a/><b/>', 'two roots'],
    ['<a>\u0001</a>', 'forbidden character'],
    ['<a>&bogus;</a>', 'unknown entity'],
    ['<a b="<"/>', '< in an attribute'],
  ])('rejects %s (%s)', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
