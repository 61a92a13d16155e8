/**
 * Debian control-file syntax (deb822) as dpkg's status database and apk/python metadata-like files use it:
 * paragraphs separated by blank lines, `Field: value` lines, continuation lines starting with a space
 * or tab. Field names are matched case-insensitively, as dpkg does.
 */

export type Paragraph = Map<string, string>;

export interface ParsedParagraph {
  fields: Paragraph;
  /** 1-based line of the paragraph's first field (for error messages). */
  line: number;
}

/** Splits a control file into paragraphs; throws `ControlSyntaxError` on a malformed line. */
export function parseControlFile(text: string): ParsedParagraph[] {
  const paragraphs: ParsedParagraph[] = [];
  let current: Paragraph | null = null;
  let currentLine = 0;
  let lastField = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') {
      if (current) paragraphs.push({ fields: current, line: currentLine });
      current = null;
      continue;
    }
    if (line.startsWith('#') && current === null) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!current || lastField === '')
        throw new ControlSyntaxError(i + 1, 'continuation line outside a field');
      current.set(lastField, `${current.get(lastField)}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0)
      throw new ControlSyntaxError(i + 1, `expected "Field: value", found "${line.slice(0, 40)}"`);
    if (!current) {
      current = new Map();
      currentLine = i + 1;
    }
    lastField = line.slice(0, colon).toLowerCase();
    current.set(lastField, line.slice(colon + 1).trim());
  }
  if (current) paragraphs.push({ fields: current, line: currentLine });
  return paragraphs;
}

export class ControlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}
