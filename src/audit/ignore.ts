/**
 * Section 3: the `.dockerignore` files the context analysis proposes (one per build context, and one per
 * service folder inside a context), each with what it would keep out of the context that is sent today:
 * the proposal's patterns applied to the files the current walk sends.
 */
import { dirname } from 'node:path';
import { DockerignoreMatcher, parseDockerignore } from '../context/dockerignore.js';
import { shownPath } from './discover.js';
import type { AuditRun } from './run.js';
import type { IgnoreProposalEntry } from './types.js';

export function buildIgnoreProposals(run: AuditRun): IgnoreProposalEntry[] {
  const byPath = new Map<string, IgnoreProposalEntry>();
  const order: string[] = [];
  for (const target of run.targets) {
    const context = target.context;
    if (!context) continue;
    for (const proposal of context.proposals) {
      const scope: IgnoreProposalEntry['scope'] = proposal.path === '.dockerignore' ? 'context' : 'service';
      const existing = byPath.get(proposal.absolute);
      if (existing && (existing.scope === 'context' || scope === 'service')) {
        if (scope === 'context' && !existing.images.includes(target.target.name))
          existing.images.push(target.target.name);
        continue;
      }
      let saved: { bytes: number; files: number } | null = null;
      if (scope === 'context') {
        const matcher = new DockerignoreMatcher(parseDockerignore(proposal.text).patterns);
        saved = { bytes: 0, files: 0 };
        for (const e of context.walk.entries)
          if (e.type === 'file' && matcher.isExcluded(e.path)) {
            saved.bytes += e.size;
            saved.files++;
          }
      }
      const dir = dirname(proposal.absolute);
      const entry: IgnoreProposalEntry = {
        path: shownPath(run.root, proposal.absolute),
        scope,
        images: run.targets.filter((t) => t.target.context === dir).map((t) => t.target.name),
        exists: proposal.exists,
        stacks: proposal.stacks.filter((s) => s !== 'generic'),
        text: proposal.text,
        kept: proposal.kept,
        contextBytes: scope === 'context' ? context.walk.bytes : null,
        savedBytes: saved?.bytes ?? null,
        savedFiles: saved?.files ?? null,
      };
      if (!byPath.has(proposal.absolute)) order.push(proposal.absolute);
      byPath.set(proposal.absolute, entry);
    }
  }
  return order
    .map((p) => byPath.get(p)!)
    .sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'context' ? -1 : 1));
}
