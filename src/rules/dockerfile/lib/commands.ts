import type { Span } from '../../../core/positions.js';
import type { ShellCommand } from '../../../dockerfile/shell-ast.js';

/** From the command name to the end of its last word (assignments and redirections left out). */
export function commandSpan(cmd: ShellCommand): Span {
  const last = cmd.words[cmd.words.length - 1];
  return { start: cmd.words[0]?.start ?? cmd.start, end: last ? last.end : cmd.end };
}
