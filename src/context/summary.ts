/**
 * The data the `context` command reports besides findings (JSON `context` key, tty summary): what the
 * context sends, what each COPY/ADD takes, secret files, redacted secrets and the proposed ignore
 * files. Plain data only, and never a secret value.
 */
import type { ContextModel } from './analyze.js';

export interface ContextSummary {
  root: string;
  dockerfile: string | null;
  ignoreFile: { path: string; kind: 'dockerfile' | 'context'; patterns: number } | null;
  sent: { files: number; dirs: number; symlinks: number; bytes: number };
  excluded: { entries: number; bytes: number };
  topLevel: { path: string; bytes: number; files: number; excluded: boolean }[];
  largestDirs: { path: string; bytes: number; files: number }[];
  largestFiles: { path: string; bytes: number }[];
  escapingLinks: { path: string; target: string }[];
  copies: {
    line: number;
    instruction: string;
    stage: string;
    reachesFinal: boolean;
    destination: string | null;
    sources: { source: string; resolved: string | null; files: number; bytes: number; sample: string[] }[];
  }[];
  secretFiles: { path: string; category: string; description: string; copiedAtLines: number[] }[];
  secrets: {
    path: string;
    line: number;
    column: number;
    kind: string;
    confidence: string;
    redacted: string;
    key?: string;
  }[];
  proposals: {
    path: string;
    stacks: string[];
    exists: boolean;
    written: boolean;
    kept: string[];
    text: string;
  }[];
}

export function summarizeContext(
  model: ContextModel,
  written: ReadonlySet<string> = new Set(),
): ContextSummary {
  const w = model.walk;
  return {
    root: model.display('.'),
    dockerfile: model.dockerfile?.file ?? null,
    ignoreFile: model.ignore
      ? { path: model.ignore.file, kind: model.ignore.kind, patterns: model.ignore.patterns.length }
      : null,
    sent: { files: w.files, dirs: w.dirs, symlinks: w.symlinks, bytes: w.bytes },
    excluded: { entries: w.excludedEntries, bytes: w.excludedBytes },
    topLevel: w.topLevel.map((t) => ({ path: t.path, bytes: t.bytes, files: t.files, excluded: t.excluded })),
    largestDirs: w.largestDirs.map((d) => ({ path: d.path, bytes: d.bytes, files: d.files })),
    largestFiles: w.largestFiles.map((f) => ({ path: f.path, bytes: f.size })),
    escapingLinks: w.escapingLinks.map((l) => ({ path: l.path, target: l.target ?? '' })),
    copies: model.copies.map((c) => ({
      line: c.line,
      instruction: c.instruction.keyword,
      stage: c.stageName,
      reachesFinal: c.reachesFinal,
      destination: c.destination,
      sources: c.sources.map((s) => ({
        source: s.raw,
        resolved: s.expanded,
        files: s.files.length,
        bytes: s.bytes,
        sample: s.files.slice(0, 5).map((f) => f.path),
      })),
    })),
    secretFiles: model.secretFiles.map((f) => ({
      path: f.path,
      category: f.kind.category,
      description: f.kind.description,
      copiedAtLines: f.copiedBy.map((p) => p.line),
    })),
    secrets: model.secrets.map((s) => ({
      path: s.path,
      line: s.line,
      column: s.column,
      kind: s.match.kind,
      confidence: s.match.confidence,
      redacted: s.match.redacted,
      ...(s.match.key ? { key: s.match.key } : {}),
    })),
    proposals: model.proposals.map((p) => ({
      path: p.path,
      stacks: p.stacks,
      exists: p.exists,
      written: written.has(p.absolute),
      kept: p.kept,
      text: p.text,
    })),
  };
}
