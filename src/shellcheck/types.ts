/** One ShellCheck comment, positions relative to the unit's script text (1-based, end exclusive). */
export interface ShellcheckComment {
  code: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** ShellCheck's comments for one Dockerfile, keyed by script unit (see `units.ts`). */
export type ShellcheckResults = ReadonlyMap<string, readonly ShellcheckComment[]>;
