/** A `$NAME` or `${NAME…}` reference in a word as written. */
export interface VariableRef {
  name: string;
  /** Offsets in the text: from the `$` to the end of the name, or past the closing `}`. */
  start: number;
  end: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * The variables BuildKit's word lexer looks up in a text, in order: outside single quotes, not escaped,
 * including those inside `${A:-$B}` words (BuildKit reads the word before it looks at `A`). Special
 * parameters (`$1`, `$@`) are not names and are left out.
 */
export function variableRefs(text: string, escape = '\\'): VariableRef[] {
  const refs: VariableRef[] = [];
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escape) {
      i++;
      continue;
    }
    if (c === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      if (close === -1) break;
      i = close;
      continue;
    }
    if (c === '"') {
      inDouble = !inDouble;
      continue;
    }
    if (c !== '$') continue;
    const braced = text[i + 1] === '{';
    const nameStart = braced ? i + 2 : i + 1;
    let j = nameStart;
    if (j < text.length && NAME_START.test(text[j]!)) {
      j++;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
    }
    if (j === nameStart) continue;
    const name = text.slice(nameStart, j);
    let end = j;
    if (braced) {
      const close = closingBrace(text, j, escape);
      // A `}` right after the name closes a plain `${NAME}`; otherwise the reference is `${NAME` plus
      // the modifier, whose own references are read as the scan goes on.
      end = text[j] === '}' ? j + 1 : close === -1 ? j : close + 1;
    }
    refs.push({ name, start: i, end });
    i = j - 1;
  }
  return refs;
}

function closingBrace(text: string, from: number, escape: string): number {
  let depth = 1;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === escape) k++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return -1;
}
