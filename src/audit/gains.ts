/**
 * The "expected gains" of each image section: what its optimized version is expected to save, what its
 * proposed .dockerignore keeps out of the build context, and the findings its fixes close.
 */
import { formatBytes } from './format.js';
import type { Translate } from './i18n/index.js';
import type { IgnoreProposalEntry, ImageSection } from './types.js';

export function fillGains(
  sections: ImageSection[],
  proposals: readonly IgnoreProposalEntry[],
  t: Translate,
): void {
  for (const section of sections) {
    const gains: string[] = [];
    const o = section.optimized;
    if (o && o.before.bytes !== null && o.after.bytes !== null)
      gains.push(
        t('image.estimate', {
          before: `~${formatBytes(o.before.bytes)}`,
          after: `~${formatBytes(o.after.bytes)}`,
        }),
      );
    if (o) for (const c of o.changes) if (c.gain && c.gain !== '—') gains.push(`${c.text}: ${c.gain}`);
    for (const p of proposals)
      if (p.scope === 'context' && p.savedBytes && section.names.some((n) => p.images.includes(n)))
        gains.push(t('gain.context', { size: formatBytes(p.savedBytes), file: p.path }));
    const autofix = section.issues.filter((i) => i.remedy === 'autofix').length;
    if (autofix > 0) gains.push(t('gain.autofix', { count: autofix }));
    const security = section.issues.filter((i) => i.category === 'security' && i.remedy !== 'manual').length;
    if (security > 0) gains.push(t('gain.security', { count: security }));
    section.gains = gains;
  }
}
