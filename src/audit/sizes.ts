/**
 * Section 4: what each change saves — in the final image (the optimizer's estimated gains, the waste a
 * measured image carries) and in what each build sends (the proposed ignore files, counted on disk) —
 * with the risk of making it.
 */
import type { Translate } from './i18n/index.js';
import type { IgnoreProposalEntry, ImageSection, Level, SizeRow, SizeTable } from './types.js';

/** Risk of an optimizer change that saves image size. */
const CHANGE_RISK: Record<
  string,
  { level: Level; note: 'risk.note.libc' | 'risk.note.runtime' | 'risk.note.none' }
> = {
  'change.runtimeBase': { level: 'medium', note: 'risk.note.runtime' },
  'change.multiStage': { level: 'low', note: 'risk.note.none' },
  'change.buildToolsBuilderOnly': { level: 'low', note: 'risk.note.none' },
  'change.runtimeLibs': { level: 'medium', note: 'risk.note.runtime' },
  'change.dropFetchTools': { level: 'low', note: 'risk.note.none' },
  'change.staticToNginx': { level: 'low', note: 'risk.note.none' },
  'change.nodeProdDeps': { level: 'medium', note: 'risk.note.runtime' },
  'change.goStatic': { level: 'medium', note: 'risk.note.libc' },
  'change.javaJre': { level: 'medium', note: 'risk.note.runtime' },
};

export interface SizesInput {
  sections: readonly ImageSection[];
  proposals: readonly IgnoreProposalEntry[];
  t: Translate;
}

export function buildSizes(input: SizesInput): SizeTable {
  const { t } = input;
  const rows: SizeRow[] = [];
  for (const section of input.sections) {
    const name = section.names.join(', ');
    for (const change of section.optimized?.changes ?? []) {
      if (!change.sizeBytes || change.sizeBytes <= 0) continue;
      const risk = CHANGE_RISK[change.change] ?? { level: 'low' as Level, note: 'risk.note.none' as const };
      rows.push({
        image: name,
        change: change.change,
        text: change.text,
        target: 'image',
        savingBytes: change.sizeBytes * section.names.length,
        basis: 'estimated',
        risk: risk.level,
        riskNote: t(risk.note),
        issues: change.issues,
      });
    }
    const measured = section.measured;
    if (measured && measured.wastedBytes > 0)
      rows.push({
        image: name,
        change: 'waste',
        text: t('sizes.waste'),
        target: 'image',
        savingBytes: measured.wastedBytes,
        basis: 'measured',
        risk: 'low',
        riskNote: t('risk.note.none'),
        issues: [],
      });
  }
  for (const p of input.proposals) {
    if (p.savedBytes === null || p.savedBytes <= 0) continue;
    rows.push({
      image: p.images.join(', ') || p.path,
      change: 'dockerignore',
      text: t('sizes.dockerignore', {
        file: p.path,
        files: p.savedFiles ?? 0,
        percent: p.contextBytes ? Math.round((100 * p.savedBytes) / p.contextBytes) : 0,
      }),
      target: 'context',
      savingBytes: p.savedBytes,
      basis: 'measured',
      risk: 'low',
      riskNote: t('risk.note.dockerignore'),
      issues: [],
    });
  }
  const sum = (target: SizeRow['target']) =>
    rows.filter((r) => r.target === target).reduce((n, r) => n + (r.savingBytes ?? 0), 0);
  return { rows, imageSavingBytes: sum('image'), contextSavingBytes: sum('context') };
}
