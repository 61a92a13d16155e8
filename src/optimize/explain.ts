/** The explanation of an optimization (and of its verification) as terminal text, Markdown or JSON. */
import type { Lang } from '../i18n/catalog.js';
import { VERSION } from '../version.js';
import { type CatalogKey, optimizeCatalog } from './catalog.js';
import { formatBytes } from './gains.js';
import type { Change, Disposition, OptimizeResult } from './types.js';
import type { VerifyReport } from './verify/types.js';

export type ExplainFormat = 'tty' | 'json' | 'markdown';

function tr(lang: Lang) {
  return (key: CatalogKey, data?: Record<string, string | number>) => optimizeCatalog.t(lang, key, data);
}

export function gainText(change: Change, lang: Lang): string {
  const t = tr(lang);
  const parts: string[] = [];
  if (change.gain.sizeBytes && change.gain.sizeBytes > 0)
    parts.push(t('gain.size', { size: formatBytes(change.gain.sizeBytes) }));
  if (change.gain.rebuild) parts.push(t('gain.rebuild'));
  if (change.gain.security) parts.push(t('gain.security'));
  if (change.gain.reliability) parts.push(t('gain.reliability'));
  return parts.length > 0 ? parts.join(', ') : t('gain.none');
}

export function changeText(change: Change, lang: Lang): string {
  return optimizeCatalog.t(lang, change.key, change.data);
}

export function dispositionText(d: Disposition, lang: Lang): string {
  return optimizeCatalog.t(lang, d.reason, d.data);
}

function why(change: Change): string {
  return [change.rule, change.practice].filter(Boolean).join('; ');
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0]!.replace(/\s*\\$/, '');
  return line.length > 70 ? `${line.slice(0, 67)}…` : line;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function estimateLine(result: OptimizeResult, lang: Lang): string {
  const t = tr(lang);
  const e = result.estimate;
  if (e.optimizedBytes === null)
    return e.savingBytes !== null
      ? t('ui.estimateSaving', { size: formatBytes(e.savingBytes) })
      : t('ui.estimateUnknown');
  return t('ui.estimate', {
    before: e.originalBytes === null ? t('ui.unknown') : formatBytes(e.originalBytes),
    after: formatBytes(e.optimizedBytes),
  });
}

export function renderMarkdown(result: OptimizeResult, verify: VerifyReport | null = null): string {
  const lang = result.lang;
  const t = tr(lang);
  const lines: string[] = [`## ${t('ui.title', { file: result.file })}`, ''];
  lines.push(
    t('ui.stack', { stack: result.detection.stack, evidence: result.detection.evidence.join(', ') }),
    '',
  );
  lines.push(`### ${t('ui.dockerfile')}`, '', '```dockerfile', result.dockerfile.trimEnd(), '```', '');
  lines.push(
    `### ${t('ui.changes')}`,
    '',
    `| # | ${t('ui.col.change')} | ${t('ui.col.why')} | ${t('ui.col.gain')} |`,
    '|---|---|---|---|',
  );
  for (const [i, c] of result.changes.entries())
    lines.push(`| ${i + 1} | ${cell(changeText(c, lang))} | ${cell(why(c))} | ${cell(gainText(c, lang))} |`);
  lines.push('', `**${estimateLine(result, lang)}**`, '');
  if (result.estimate.basis.length > 0)
    lines.push(`${t('ui.basis')}:`, '', ...result.estimate.basis.map((b) => `- ${b}`), '');
  lines.push(
    `### ${t('ui.original')}`,
    '',
    `| ${t('ui.col.line')} | ${t('ui.col.instruction')} | ${t('ui.col.outcome')} |`,
    '|---|---|---|',
  );
  for (const d of result.dispositions)
    lines.push(`| ${d.line} | \`${cell(firstLine(d.text))}\` | ${cell(dispositionText(d, lang))} |`);
  lines.push('');
  if (result.dockerignore) {
    lines.push(`### ${t('ui.dockerignore')}`, '');
    if (result.dockerignoreExists) lines.push(`> ${t('ui.dockerignoreExists')}`, '');
    lines.push('```gitignore', result.dockerignore.trimEnd(), '```', '');
  }
  for (const f of result.extraFiles)
    lines.push(`### ${t('ui.extraFile', { file: f.path })}`, '', '```nginx', f.text.trimEnd(), '```', '');
  lines.push(`### ${t('ui.remaining')}`, '');
  if (result.remaining.length === 0) lines.push(t('ui.none'), '');
  else
    for (const f of result.remaining)
      lines.push(`- line ${f.line}: \`${f.rule}\` (${f.severity}) ${f.message}`);
  if (verify) lines.push('', ...renderVerifyMarkdown(verify, lang));
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderVerifyMarkdown(v: VerifyReport, lang: Lang): string[] {
  const t = tr(lang);
  const lines = [`### ${t('verify.title', { engine: v.engine })}`, ''];
  if (v.syntaxStripped) lines.push(`> ${t('verify.syntaxStripped')}`, '');
  lines.push(
    `| ${t('verify.col.metric')} | ${t('verify.col.original')} | ${t('verify.col.optimized')} | ${t('verify.col.expected')} |`,
    '|---|---|---|---|',
  );
  for (const row of verifyRows(v, lang)) lines.push(`| ${row.map(cell).join(' | ')} |`);
  lines.push('', verifySummary(v, lang));
  if (v.failure)
    lines.push(
      '',
      t('verify.buildFailed', { which: t(`verify.which.${v.failure.which}`), message: v.failure.message }),
      '',
      `${t('verify.logTail')}:`,
      '',
      '```',
      ...v.failure.logTail,
      '```',
    );
  return lines;
}

function verifyRows(v: VerifyReport, lang: Lang): string[][] {
  const t = tr(lang);
  const o = v.original;
  const n = v.optimized;
  const smoke = (s: boolean | null) =>
    s === null ? t('verify.notRun') : s ? t('verify.passed') : t('verify.failed');
  const size = (b: number | undefined) => (b === undefined ? '—' : formatBytes(b));
  return [
    [t('verify.size'), size(o?.size), size(n?.size), expectedSize(v)],
    [t('verify.layers'), String(o?.layers ?? '—'), String(n?.layers ?? '—'), '—'],
    [t('verify.user'), o?.user || 'root', n?.user || 'root', 'non-root'],
    [t('verify.ports'), o?.ports.join(', ') || '—', n?.ports.join(', ') || '—', '—'],
    [t('verify.smoke'), smoke(o?.smoke ?? null), smoke(n?.smoke ?? null), t('verify.passed')],
  ];
}

function expectedSize(v: VerifyReport): string {
  if (v.expectedBytes !== null) return formatBytes(v.expectedBytes);
  if (v.expectedSavingBytes !== null) return `−${formatBytes(v.expectedSavingBytes)}`;
  return '—';
}

export function verifySummary(v: VerifyReport, lang: Lang): string {
  const t = tr(lang);
  if (!v.original || !v.optimized) return '';
  const saved = v.original.size - v.optimized.size;
  if (saved >= 0)
    return t('verify.gain', {
      saved: formatBytes(saved),
      percent: Math.round((saved / v.original.size) * 100),
    });
  return t('verify.grew', { grown: formatBytes(-saved) });
}

export function renderTty(result: OptimizeResult, verify: VerifyReport | null = null): string {
  const lang = result.lang;
  const t = tr(lang);
  const lines: string[] = [
    t('ui.title', { file: result.file }),
    t('ui.stack', { stack: result.detection.stack, evidence: result.detection.evidence.join(', ') }),
    '',
  ];
  lines.push(`── ${t('ui.dockerfile')} ──`, result.dockerfile.trimEnd(), '');
  lines.push(`── ${t('ui.changes')} ──`);
  result.changes.forEach((c, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${changeText(c, lang)}`);
    lines.push(`    ${t('ui.col.why')}: ${why(c) || '—'} · ${t('ui.col.gain')}: ${gainText(c, lang)}`);
  });
  lines.push('', estimateLine(result, lang));
  for (const b of result.estimate.basis) lines.push(`  · ${b}`);
  lines.push('', `── ${t('ui.original')} ──`);
  for (const d of result.dispositions)
    lines.push(`${String(d.line).padStart(4)}  ${firstLine(d.text).padEnd(48)}  ${dispositionText(d, lang)}`);
  if (result.dockerignore) {
    lines.push('', `── ${t('ui.dockerignore')} ──`);
    if (result.dockerignoreExists) lines.push(t('ui.dockerignoreExists'));
    lines.push(result.dockerignore.trimEnd());
  }
  for (const f of result.extraFiles)
    lines.push('', `── ${t('ui.extraFile', { file: f.path })} ──`, f.text.trimEnd());
  lines.push('', `── ${t('ui.remaining')} ──`);
  if (result.remaining.length === 0) lines.push(t('ui.none'));
  for (const f of result.remaining) lines.push(`${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
  if (verify) {
    lines.push('', `── ${t('verify.title', { engine: verify.engine })} ──`);
    if (verify.syntaxStripped) lines.push(t('verify.syntaxStripped'));
    for (const row of verifyRows(verify, lang))
      lines.push(`${row[0]!.padEnd(16)} ${row[1]!.padEnd(14)} ${row[2]!.padEnd(14)} ${row[3]}`);
    lines.push(verifySummary(verify, lang));
    if (verify.failure)
      lines.push(
        t('verify.buildFailed', {
          which: t(`verify.which.${verify.failure.which}`),
          message: verify.failure.message,
        }),
        `${t('verify.logTail')}:`,
        ...verify.failure.logTail.map((l) => `  ${l}`),
      );
  }
  return `${lines.join('\n')}\n`;
}

/** JSON: the English texts next to the report language's, so scripts can rely on stable keys. */
export function renderJson(result: OptimizeResult, verify: VerifyReport | null = null): string {
  const lang = result.lang;
  const doc = {
    tool: 'dockaudit',
    version: VERSION,
    command: 'optimize',
    file: result.file,
    stack: result.detection.stack,
    evidence: result.detection.evidence,
    port: result.detection.port,
    dockerfile: result.dockerfile,
    changes: result.changes.map((c) => ({
      id: c.key.slice('change.'.length),
      text: changeText(c, 'en'),
      message: changeText(c, lang),
      rule: c.rule,
      practice: c.practice,
      gain: c.gain,
    })),
    instructions: result.dispositions.map((d) => ({ ...d, reasonText: dispositionText(d, lang) })),
    estimate: result.estimate,
    dockerignore: result.dockerignore,
    dockerignoreExists: result.dockerignoreExists,
    extraFiles: result.extraFiles,
    remaining: result.remaining,
    verify,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderExplanation(
  format: ExplainFormat,
  result: OptimizeResult,
  verify: VerifyReport | null = null,
): string {
  if (format === 'json') return renderJson(result, verify);
  if (format === 'markdown') return renderMarkdown(result, verify);
  return renderTty(result, verify);
}
