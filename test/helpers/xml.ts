/**
 * A small, strict XML 1.0 reader for tests: it throws on anything that is not well-formed (unbalanced or
 * mismatched tags, a bare `&` or `<`, unquoted or repeated attributes, characters XML forbids, text
 * outside the root) and returns the element tree with entities decoded.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`"<" in character data at ${where}`);
  return raw.replace(/&([^;\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity reference at ${where}`);
    if (ref === 'amp') return '&';
    if (ref === 'lt') return '<';
    if (ref === 'gt') return '>';
    if (ref === 'quot') return '"';
    if (ref === 'apos') return "'";
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; at ${where}`);
    const cp = m[1] ? Number.parseInt(m[1], 16) : Number.parseInt(m[2]!, 10);
    const ch = String.fromCodePoint(cp);
    if (FORBIDDEN.test(ch)) throw new Error(`reference to a forbidden character at ${where}`);
    return ch;
  });
}

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('character not allowed in XML');
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${pos}`);
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end === -1) fail('unterminated comment');
        pos = end + 3;
      } else if (source.startsWith('<?', pos)) {
        const end = source.indexOf('?>', pos + 2);
        if (end === -1) fail('unterminated processing instruction');
        pos = end + 2;
      } else return;
    }
  };
  const readName = (): string => {
    const m = NAME.exec(source.slice(pos));
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };

  const readElement = (): XmlElement => {
    if (source[pos] !== '<') fail('expected "<"');
    pos++;
    const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return el;
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected whitespace before an attribute');
      const attr = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`attribute ${attr} without "="`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`unquoted value of ${attr}`);
      const end = source.indexOf(quote!, pos + 1);
      if (end === -1) fail('unterminated attribute value');
      if (attr in el.attrs) fail(`repeated attribute ${attr}`);
      // Attribute-value normalization: literal line breaks and tabs read as spaces (references survive).
      el.attrs[attr] = decode(source.slice(pos + 1, end).replace(/[\t\n\r]/g, ' '), pos);
      pos = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next === -1) fail(`unclosed element ${el.name}`);
      const raw = source.slice(pos, next);
      if (raw.includes(']]>')) fail('"]]>" in character data');
      el.text += decode(raw, pos);
      pos = next;
      if (source.startsWith('</', pos)) {
        pos += 2;
        const name = readName();
        if (name !== el.name) fail(`</${name}> closes <${el.name}>`);
        skipSpace();
        if (source[pos] !== '>') fail('expected ">"');
        pos++;
        return el;
      }
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos + 4);
        if (end === -1) fail('unterminated comment');
        pos = end + 3;
      } else if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos + 9);
        if (end === -1) fail('unterminated CDATA section');
        el.text += source.slice(pos + 9, end);
        pos = end + 3;
      } else el.children.push(readElement());
    }
  };

  if (source.startsWith('<?xml', pos)) {
    const end = source.indexOf('?>');
    if (end === -1) fail('unterminated XML declaration');
    pos = end + 2;
  }
  skipMisc();
  const root = readElement();
  skipMisc();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** All descendants (depth first) named `name`. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}
