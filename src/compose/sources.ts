import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { InputError } from '../core/finding.js';
import { LineIndex, type Span } from '../core/positions.js';
import { describeIoError } from '../engine/lint-files.js';
import { fileAt, type LoadProblem, type Node, type Pair, type SourceFile } from './model.js';
import { parseComposeYaml } from './parse.js';

export type ReadText = (absPath: string) => Promise<string>;

/**
 * Reads with the synchronous call: compose files are small, and `fs.promises.readFile` costs about 2 ms
 * a file here (a file handle, fstat and a thread-pool round trip each) against 0.05 ms.
 */
export const readTextFile: ReadText = (absPath) => {
  // Most optional files (.env, Dockerfiles of remote builds) are missing: a stat is ten times cheaper
  // than the exception readFileSync throws.
  if (!statSync(absPath, { throwIfNoEntry: false })) return Promise.reject({ code: 'ENOENT' });
  try {
    return Promise.resolve(readFileSync(absPath, 'utf8'));
  } catch (error) {
    return Promise.reject(error);
  }
};

/** One read and parsed file (parsed once per project, whatever role it plays). */
export interface ParsedSource {
  source: SourceFile;
  documents: Array<Node | null>;
}

/**
 * The files of one project: reads each once, gives it its range of project-wide offsets, and records
 * input errors (unreadable files, invalid YAML) with their position.
 */
export class SourceSet {
  readonly files: SourceFile[] = [];
  readonly errors: InputError[] = [];
  readonly problems: LoadProblem[] = [];
  readonly versionKeys: Pair[] = [];
  private nextBase = 0;
  private readonly parsed = new Map<string, Promise<ParsedSource | null>>();

  constructor(
    private readonly readText: ReadText,
    private readonly cwd: string,
    /** Display paths for files named by the user (shown as given). */
    private readonly given: Map<string, string> = new Map(),
  ) {}

  display(absPath: string): string {
    const given = this.given.get(absPath);
    if (given !== undefined) return given;
    const rel = relative(this.cwd, absPath);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absPath;
  }

  /** Reads and parses a file; null (with an error recorded) when it cannot be read or parsed. */
  read(
    absPath: string,
    role: SourceFile['role'],
    baseDir: string,
    referencedAt?: Span,
  ): Promise<ParsedSource | null> {
    let p = this.parsed.get(absPath);
    if (!p) {
      p = this.load(absPath, role, baseDir, referencedAt);
      this.parsed.set(absPath, p);
    }
    return p;
  }

  /** Adds a source given as text (stdin, tests, the corpus). */
  addText(text: string, absPath: string, role: SourceFile['role'], baseDir: string): ParsedSource | null {
    const parsed = this.parse(text, absPath, role, baseDir);
    this.parsed.set(absPath, Promise.resolve(parsed));
    return parsed;
  }

  private async load(
    absPath: string,
    role: SourceFile['role'],
    baseDir: string,
    referencedAt?: Span,
  ): Promise<ParsedSource | null> {
    let text: string;
    try {
      text = await this.readText(absPath);
    } catch (error) {
      const why = describeIoError(error);
      if (referencedAt) this.errorAt(referencedAt, `cannot read ${this.display(absPath)}: ${why}`);
      else this.errors.push({ file: this.display(absPath), message: why });
      return null;
    }
    return this.parse(text, absPath, role, baseDir);
  }

  private parse(
    raw: string,
    absPath: string,
    role: SourceFile['role'],
    baseDir: string,
  ): ParsedSource | null {
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const base = this.nextBase;
    this.nextBase += text.length + 1;
    const path = this.display(absPath);
    const source: SourceFile = {
      path,
      absPath,
      text,
      lines: new LineIndex(text),
      base,
      baseDir,
      role,
      pragmaComments: [],
      entries: [],
    };
    this.files.push(source);
    if (text.indexOf('\u0000') !== -1) {
      this.errors.push({ file: path, line: 1, column: 1, message: 'binary file, not a compose file' });
      return null;
    }
    const yaml = parseComposeYaml(text, base);
    if (yaml.error) {
      const at = source.lines.position(Math.min(yaml.error.offset, text.length));
      this.errors.push({ file: path, ...at, message: `invalid YAML: ${yaml.error.message}` });
      return null;
    }
    source.pragmaComments = yaml.pragmaComments;
    source.entries = yaml.entries;
    return { source, documents: yaml.documents };
  }

  /** Records an input error at a project-wide span (or for a file without position). */
  errorAt(span: Span, message: string): void {
    const file = fileAt(this, span.start);
    if (!file) {
      this.errors.push({ file: '', message });
      return;
    }
    const region = file.lines.region({ start: span.start - file.base, end: span.end - file.base });
    this.errors.push({ file: file.path, ...region, message });
  }
}
