import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { CopyInstruction, Instruction, Word } from '../../../dockerfile/model.js';

/** What COPY and ADD bring in from the build context (not `--from` another stage or image). */

export interface ContextSource {
  inst: CopyInstruction;
  word: Word;
  /** The source with build arguments substituted, `./` and trailing `/` removed (`.` for the root). */
  path: string;
}

export function contextSources(model: DockerfileAnalysis, inst: Instruction): ContextSource[] {
  if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || inst.flags.some((f) => f.name === 'from'))
    return [];
  const out: ContextSource[] = [];
  for (const word of inst.sources) {
    const value = model.expand(word, inst).value;
    if (/^[a-z]+:\/\//i.test(value) || value.startsWith('git@')) continue;
    const path = value.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '') || '.';
    out.push({ inst, word, path });
  }
  return out;
}

/** The whole context: `.`, `./`, `*`, `./*`. */
export function isWholeContext(path: string): boolean {
  return path === '.' || path === '*' || path === '/' || path === '';
}

/** Whether a source (possibly a glob) can name a file with this base name. */
export function sourceMatchesName(path: string, name: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!/[*?[]/.test(base)) return base === name;
  return globToRegExp(base).test(name);
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
