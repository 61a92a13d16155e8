/**
 * `.dockerignore` with Docker's exact semantics (BuildKit's context transfer: moby/patternmatcher with
 * tonistiigi/fsutil's walk), for Linux daemons.
 *
 * Reading (moby/patternmatcher/ignorefile): a UTF-8 BOM is dropped; a line whose first character is `#`
 * is a comment (` # x` is a pattern); lines are trimmed; a leading `!` makes an exception; the rest is
 * cleaned like Go's `filepath.Clean` (`./a/` → `a`, `a/../b` → `b`) and a leading `/` is dropped.
 * Matching: a pattern matches a path when it matches the path or one of its parent folders; the last
 * pattern that matches decides. `*` and `?` stop at `/`; `**` spans folders. An excluded folder is not
 * entered unless an exception could re-include something inside it (see `canSkipDir`).
 * Errors Docker reports, which we report too with file and line: a bare `!`, a pattern Go's
 * `filepath.Match` rejects (`a\`, `[a`, `[]`), and one Go's regexp rejects (`a\e`).
 *
 * `@balena/dockerignore` follows the older moby matcher; test/context/dockerignore.test.ts compares it
 * with this module case by case and records where they differ (it is used only as a test oracle).
 */
import {
  type CompiledPattern,
  cleanPath,
  compilePattern,
  globSyntaxError,
  matchCompiled,
  Re2Error,
} from './go-pattern.js';

export interface IgnorePattern {
  /** The line as written, trimmed. */
  source: string;
  /** The cleaned pattern Docker matches, without `!`. */
  pattern: string;
  /** An exception (`!pattern`): re-includes what earlier patterns excluded. */
  exception: boolean;
  /** 1-based line in the ignore file. */
  line: number;
}

export interface IgnoreFileError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ParsedIgnoreFile {
  file: string;
  patterns: IgnorePattern[];
  errors: IgnoreFileError[];
}

/** Reads an ignore file's text into patterns (ignorefile.ReadAll plus the checks of patternmatcher.New). */
export function parseDockerignore(text: string, file = '.dockerignore'): ParsedIgnoreFile {
  const patterns: IgnorePattern[] = [];
  const errors: IgnoreFileError[] = [];
  const lines = text.split('\n');
  // A final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const [index, rawLine] of lines.entries()) {
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (index === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.startsWith('#')) continue;
    let p = line.trim();
    if (p === '') continue;
    const column = line.indexOf(p) + 1;
    const exception = p.startsWith('!');
    if (exception) p = p.slice(1).trim();
    if (p.length > 0) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    // patternmatcher.New cleans the whole string once more, `!` included: `!/` becomes a bare `!`.
    const again = cleanPath(exception ? `!${p}` : p);
    const error = (message: string): void => {
      errors.push({ file, line: index + 1, column, message });
    };
    if (again === '!') {
      error('illegal exclusion pattern: "!"');
      continue;
    }
    const pattern = exception ? again.slice(1) : again;
    const syntax = globSyntaxError(pattern);
    if (syntax) {
      error(`${syntax}: ${JSON.stringify(pattern)}`);
      continue;
    }
    try {
      compilePattern(pattern);
    } catch (e) {
      if (e instanceof Re2Error) {
        error(`${e.message} in pattern ${JSON.stringify(pattern)}`);
        continue;
      }
      throw e;
    }
    patterns.push({ source: line.trim(), pattern, exception, line: index + 1 });
  }
  return { file, patterns, errors };
}

/** Results of each pattern for a folder, handed to its children (patternmatcher's MatchInfo). */
export type ParentMatches = readonly boolean[] | null;

const GLOB_CHARS = /[*[\]?^\\]/;

function withoutTrailingGlob(pattern: string): string {
  if (pattern.endsWith('/**')) return pattern.slice(0, -3);
  if (pattern.endsWith('/*')) return pattern.slice(0, -2);
  return pattern;
}

/** Decides which context paths Docker leaves out, from a list of patterns. */
export class DockerignoreMatcher {
  private readonly compiled: CompiledPattern[];
  readonly hasExceptions: boolean;
  /** fsutil: when every exception is a plain path, excluded folders can be skipped unless one leads into them. */
  private readonly onlyPrefixExceptions: boolean;
  private readonly exceptionPrefixes: string[];

  constructor(readonly patterns: readonly IgnorePattern[]) {
    this.compiled = patterns.map((p) => compilePattern(p.pattern));
    this.hasExceptions = patterns.some((p) => p.exception);
    this.onlyPrefixExceptions = patterns.every(
      (p) => !p.exception || !GLOB_CHARS.test(withoutTrailingGlob(p.pattern)),
    );
    this.exceptionPrefixes = patterns
      .filter((p) => p.exception)
      .map((p) => `${withoutTrailingGlob(p.pattern)}/`);
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /**
   * Matches one path given its parent folder's results (patternmatcher's MatchesUsingParentResults):
   * a pattern that matched the parent matches the child; otherwise it is tested on the path itself,
   * skipping exclusion patterns once excluded and exceptions while included. With no parent results
   * (`null`), every parent folder of the path is tested instead.
   */
  match(path: string, parent: ParentMatches): { excluded: boolean; matches: boolean[]; decidedBy: number } {
    let excluded = false;
    let decidedBy = -1;
    const matches = new Array<boolean>(this.compiled.length).fill(false);
    for (let i = 0; i < this.compiled.length; i++) {
      const pattern = this.patterns[i]!;
      let match = parent ? parent[i]! : false;
      if (!match) {
        if (pattern.exception !== excluded) continue;
        match = matchCompiled(this.compiled[i]!, path);
        if (!match && parent === null) {
          for (let slash = path.indexOf('/'); slash !== -1 && !match; slash = path.indexOf('/', slash + 1))
            match = matchCompiled(this.compiled[i]!, path.slice(0, slash));
        }
      }
      matches[i] = match;
      if (match) {
        excluded = !pattern.exception;
        decidedBy = i;
      }
    }
    return { excluded, matches, decidedBy };
  }

  /**
   * Whether the walk may skip an excluded folder without looking inside (fsutil's rule): yes when there
   * are no exceptions, or when every exception is a plain path and none leads into the folder. When an
   * exception has wildcards, Docker walks every excluded folder.
   */
  canSkipDir(dir: string): boolean {
    if (!this.hasExceptions) return true;
    if (!this.onlyPrefixExceptions) return false;
    const dirSlash = `${dir}/`;
    return !this.exceptionPrefixes.some((p) => p.startsWith(dirSlash));
  }

  /**
   * Whether Docker leaves a path out of the context, following the walk from the root: a path inside a
   * folder the walk skips is left out whatever later exceptions say.
   */
  isExcluded(path: string): boolean {
    return this.explain(path).excluded;
  }

  /** Like `isExcluded`, with the pattern that decided (null when no pattern matched). */
  explain(path: string): { excluded: boolean; pattern: IgnorePattern | null } {
    const clean = cleanPath(path.replace(/^\/+/, ''));
    if (clean === '.' || this.compiled.length === 0) return { excluded: false, pattern: null };
    const parts = clean.split('/');
    let parent: ParentMatches = null;
    let prefix = '';
    for (let k = 0; k < parts.length; k++) {
      prefix = k === 0 ? parts[0]! : `${prefix}/${parts[k]}`;
      const r = this.match(prefix, parent ?? new Array<boolean>(this.compiled.length).fill(false));
      const last = k === parts.length - 1;
      const pattern = r.decidedBy >= 0 ? this.patterns[r.decidedBy]! : null;
      if (last) return { excluded: r.excluded, pattern };
      // A parent folder: if it is excluded and skippable, nothing inside is sent.
      if (r.excluded && this.canSkipDir(prefix)) return { excluded: true, pattern };
      parent = r.matches;
    }
    return { excluded: false, pattern: null };
  }
}
