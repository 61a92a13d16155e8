import type { ListInstruction, Word } from '../../../dockerfile/model.js';

/** An EXPOSE item read as BuildKit reads a port spec: `[ip:][hostPort:]containerPort[/proto]`. */
export interface PortSpec {
  word: Word;
  /** The spec after variable substitution. */
  text: string;
  /** Whether `text` is the item as written (no variables, quotes or escapes). */
  literal: boolean;
  ip: string;
  hostPort: string;
  /** Container port with its protocol, e.g. `80/tcp`. */
  container: string;
  /** Offset of `container` in `text`. */
  containerAt: number;
  /** Protocol as written, or '' when none is given. */
  proto: string;
  /** Offset of the protocol in `text` (-1 when none). */
  protoAt: number;
}

/**
 * The port specs of an EXPOSE, with variables substituted. Items whose value cannot be known are left
 * out; one item may become several when a variable holds spaces.
 */
export function portSpecs(
  inst: ListInstruction,
  expandWord: (raw: string) => { value: string; complete: boolean },
): PortSpec[] {
  const out: PortSpec[] = [];
  for (const word of inst.items) {
    const literal = !/[$'"\\`]/.test(word.raw);
    let texts: string[];
    if (literal) texts = [word.raw];
    else {
      const e = expandWord(word.raw);
      if (!e.complete) continue;
      texts = e.value.split(/\s+/).filter(Boolean);
    }
    for (const text of texts) out.push(specOf(word, text, literal && texts.length === 1));
  }
  return out;
}

function specOf(word: Word, text: string, literal: boolean): PortSpec {
  const parts = text.split(':');
  const n = parts.length;
  const ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  const hostPort = n >= 2 ? parts[n - 2]! : '';
  const container = parts[n - 1]!;
  const containerAt = text.length - container.length;
  const slash = container.indexOf('/');
  const proto = slash === -1 ? '' : container.slice(slash + 1);
  return {
    word,
    text,
    literal,
    ip,
    hostPort,
    container,
    containerAt,
    proto,
    protoAt: slash === -1 ? -1 : containerAt + slash + 1,
  };
}
