export interface VariableReference {
  name: string;
  /** Offsets of `$NAME` / `${NAME…}` in the text. */
  start: number;
  end: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** `$NAME` and `${NAME…}` references in a word as written (single-quoted parts and escapes skipped). */
export function variableReferences(raw: string, escape = '\\'): VariableReference[] {
  const out: VariableReference[] = [];
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === escape) {
      i++;
      continue;
    }
    if (c === '"') quote = quote ? '' : '"';
    else if (c === "'" && !quote) quote = "'";
    else if (c === '$') {
      const braced = raw[i + 1] === '{';
      let j = i + (braced ? 2 : 1);
      const nameStart = j;
      if (j < raw.length && NAME_START.test(raw[j]!)) while (j < raw.length && NAME_CHAR.test(raw[j]!)) j++;
      if (j === nameStart) continue;
      let end = j;
      if (braced) {
        const close = raw.indexOf('}', j);
        end = close === -1 ? raw.length : close + 1;
      }
      out.push({ name: raw.slice(nameStart, j), start: i, end });
      i = end - 1;
    }
  }
  return out;
}
