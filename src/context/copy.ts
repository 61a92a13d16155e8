/**
 * Which context files each COPY/ADD of a Dockerfile puts into which stage. Sources are resolved the
 * way BuildKit does: relative to the context root (a leading `/` and `..` cannot leave it), variables
 * substituted, wildcards matched one path element at a time with Go's `filepath.Match`, and a folder
 * source copies everything the context sends below it.
 */
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { CopyInstruction, Instruction, Word } from '../dockerfile/model.js';
import { cleanPath } from './go-pattern.js';
import type { ContextEntry } from './walk.js';

/** Go's `filepath.Match` on one path element (`*` and `?` never match `/`). */
export function globMatch(pattern: string, name: string): boolean {
  const p = Array.from(pattern);
  const s = Array.from(name);
  const matchClass = (pi: number, ch: string): [boolean, number] => {
    let i = pi + 1;
    let negated = false;
    if (p[i] === '^') {
      negated = true;
      i++;
    }
    let matched = false;
    let first = true;
    while (i < p.length && (p[i] !== ']' || first)) {
      first = false;
      let lo = p[i]!;
      if (lo === '\\') lo = p[++i] ?? '';
      i++;
      let hi = lo;
      if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']') {
        hi = p[i + 1] === '\\' ? (p[i + 2] ?? '') : p[i + 1]!;
        i += p[i + 1] === '\\' ? 3 : 2;
      }
      if (lo <= ch && ch <= hi) matched = true;
    }
    return [matched !== negated, i + 1];
  };
  const rec = (pi: number, si: number): boolean => {
    while (pi < p.length) {
      const c = p[pi]!;
      if (c === '*') {
        while (p[pi] === '*') pi++;
        if (pi === p.length) return !s.slice(si).includes('/');
        for (let k = si; k <= s.length; k++) {
          if (rec(pi, k)) return true;
          if (s[k] === '/') return false;
        }
        return false;
      }
      if (si >= s.length) return false;
      if (c === '?') {
        if (s[si] === '/') return false;
        pi++;
        si++;
      } else if (c === '[') {
        const [ok, next] = matchClass(pi, s[si]!);
        if (!ok) return false;
        pi = next;
        si++;
      } else {
        const lit = c === '\\' ? p[pi + 1] : c;
        if (s[si] !== lit) return false;
        pi += c === '\\' ? 2 : 1;
        si++;
      }
    }
    return si === s.length;
  };
  return rec(0, 0);
}

const WILDCARD = /[*?[]/;

/** A source path relative to the context root, as BuildKit resolves it. */
export function contextPath(source: string): string {
  const clean = cleanPath(`/${source}`);
  return clean === '/' ? '.' : clean.slice(1);
}

/** An index over the sent entries for COPY resolution. */
export class EntryIndex {
  private readonly byPath = new Map<string, ContextEntry>();
  private readonly children = new Map<string, ContextEntry[]>();
  private readonly sorted: ContextEntry[];

  constructor(entries: readonly ContextEntry[]) {
    this.sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const e of this.sorted) {
      this.byPath.set(e.path, e);
      const slash = e.path.lastIndexOf('/');
      const dir = slash === -1 ? '.' : e.path.slice(0, slash);
      let list = this.children.get(dir);
      if (!list) this.children.set(dir, (list = []));
      list.push(e);
    }
  }

  get(path: string): ContextEntry | undefined {
    return this.byPath.get(path);
  }

  /** The entries a source path names: itself, or what its wildcards match (element by element). */
  resolve(source: string): ContextEntry[] {
    const path = contextPath(source);
    if (path === '.') return [{ path: '.', type: 'dir', size: 0 }];
    if (!WILDCARD.test(path)) {
      const e = this.byPath.get(path);
      return e ? [e] : [];
    }
    let current = ['.'];
    const parts = path.split('/');
    parts.forEach((part, i) => {
      const next: string[] = [];
      for (const dir of current) {
        if (!WILDCARD.test(part)) {
          const p = dir === '.' ? part : `${dir}/${part}`;
          if (this.byPath.has(p)) next.push(p);
          continue;
        }
        for (const child of this.children.get(dir) ?? []) {
          const name = child.path.slice(child.path.lastIndexOf('/') + 1);
          if ((i === parts.length - 1 || child.type === 'dir') && globMatch(part, name))
            next.push(child.path);
        }
      }
      current = next;
    });
    return current.map((p) => this.byPath.get(p)!);
  }

  /** Files (and links) a source copies: a file itself, or everything sent below a folder. */
  filesUnder(entry: ContextEntry): ContextEntry[] {
    if (entry.type !== 'dir') return [entry];
    if (entry.path === '.') return this.sorted.filter((e) => e.type !== 'dir');
    const prefix = `${entry.path}/`;
    const out: ContextEntry[] = [];
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.path < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.path.startsWith(prefix); i++)
      if (this.sorted[i]!.type !== 'dir') out.push(this.sorted[i]!);
    return out;
  }
}

export interface CopySource {
  /** The source as written. */
  raw: string;
  /** After variable substitution (null when a variable has no known value). */
  expanded: string | null;
  /** Files and links it copies from the context. */
  files: ContextEntry[];
  bytes: number;
}

export interface CopyPlan {
  instruction: CopyInstruction;
  line: number;
  stage: number;
  /** The stage's name (`AS name`) or its index as text. */
  stageName: string;
  /** Whether the stage's files end up in the final image (the final stage or a stage it is built FROM). */
  reachesFinal: boolean;
  destination: string | null;
  sources: CopySource[];
  /** The instruction copies the whole context (`COPY . .`, `ADD ./ /app`). */
  wholeContext: boolean;
}

function isRemote(source: string): boolean {
  return (
    /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/.test(source) ||
    (/\.git(?:#.*)?$/.test(source) && source.includes('://'))
  );
}

/** COPY/ADD instructions that take files from the build context (not `--from`, not heredocs, not URLs). */
export function contextCopies(analysis: DockerfileAnalysis): CopyInstruction[] {
  const out: CopyInstruction[] = [];
  const visit = (inst: Instruction) => {
    if (inst.keyword === 'ONBUILD') return;
    if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return;
    if (inst.flags.some((f) => f.name === 'from')) return;
    out.push(inst);
  };
  for (const inst of analysis.file.instructions) visit(inst);
  return out;
}

function heredocWord(inst: CopyInstruction, word: Word): boolean {
  return inst.heredocs.some(
    (h) => word.span.start <= h.markerSpan.start && h.markerSpan.start < word.span.end,
  );
}

/** Resolves every context COPY/ADD of a Dockerfile against the entries the context sends. */
export function planCopies(analysis: DockerfileAnalysis, index: EntryIndex): CopyPlan[] {
  const plans: CopyPlan[] = [];
  const final = analysis.finalStage;
  const finalLineage = new Set(final ? analysis.lineageOf(final).map((s) => s.index) : []);
  for (const inst of contextCopies(analysis)) {
    const stage = analysis.stages[inst.stage];
    const sources: CopySource[] = [];
    let wholeContext = false;
    for (const word of inst.sources) {
      if (heredocWord(inst, word) || word.value.startsWith('<<')) continue;
      const e = analysis.expand(word, inst);
      const expanded = e.complete ? e.value : null;
      if (expanded !== null && inst.keyword === 'ADD' && isRemote(expanded)) continue;
      const files: ContextEntry[] = [];
      if (expanded !== null) {
        if (contextPath(expanded) === '.') wholeContext = true;
        const seen = new Set<string>();
        for (const entry of index.resolve(expanded))
          for (const f of index.filesUnder(entry))
            if (!seen.has(f.path)) {
              seen.add(f.path);
              files.push(f);
            }
      }
      sources.push({ raw: word.raw, expanded, files, bytes: files.reduce((n, f) => n + f.size, 0) });
    }
    if (sources.length === 0) continue;
    plans.push({
      instruction: inst,
      line: analysis.file.lines.position(inst.span.start).line,
      stage: inst.stage,
      stageName: stage?.name ?? String(inst.stage),
      reachesFinal: finalLineage.has(inst.stage),
      destination: inst.destination?.value ?? null,
      sources,
      wholeContext,
    });
  }
  return plans;
}
