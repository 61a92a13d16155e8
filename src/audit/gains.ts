/**
 * The "expected gains" of each image section, in the seed report's manner: one line per kind of gain —
 * the estimated size before and after, then security, rebuild speed and reliability with the number of
 * changes behind each and the issues the optimized version closes — then what the proposed .dockerignore
 * keeps out of the build context and what automatic fixes close.
 */
import { formatBytes } from './format.js';
import type { AuditKey, Translate } from './i18n/index.js';
import type { IgnoreProposalEntry, ImageSection } from './types.js';

/** Gain kinds of the optimizer's changes, by the words its gain texts are made of. */
export interface ChangeGains {
  security: number;
  rebuild: number;
  reliability: number;
}

export function fillGains(
  sections: ImageSection[],
  proposals: readonly IgnoreProposalEntry[],
  gainsOf: (section: ImageSection) => ChangeGains | null,
  t: Translate,
): void {
  for (const section of sections) {
    const gains: string[] = [];
    const o = section.optimized;
    if (o && o.before.bytes !== null && o.after.bytes !== null) {
      const saved = o.before.bytes - o.after.bytes;
      gains.push(
        t(saved > 0 ? 'gain.size' : 'gain.sizeSame', {
          before: `~${formatBytes(o.before.bytes)}`,
          after: `~${formatBytes(o.after.bytes)}`,
          saved: formatBytes(saved),
          percent: Math.round((100 * saved) / o.before.bytes),
        }),
      );
    }
    const kinds = o ? gainsOf(section) : null;
    if (kinds)
      for (const [kind, key] of [
        ['security', 'gain.kindSecurity'],
        ['rebuild', 'gain.kindRebuild'],
        ['reliability', 'gain.kindReliability'],
      ] as const)
        if (kinds[kind] > 0) gains.push(t(key as AuditKey, { count: kinds[kind] }));
    const closed = section.issues.filter((i) => i.remedy === 'optimized').map((i) => i.id);
    if (closed.length > 0) gains.push(t('gain.closed', { issues: closed.join(', ') }));
    for (const p of proposals)
      if (p.scope === 'context' && p.savedBytes && section.names.some((n) => p.images.includes(n)))
        gains.push(t('gain.context', { size: formatBytes(p.savedBytes), file: p.path }));
    const autofix = section.issues.filter((i) => i.remedy === 'autofix').length;
    if (autofix > 0) gains.push(t('gain.autofix', { count: autofix }));
    section.gains = gains;
  }
}
