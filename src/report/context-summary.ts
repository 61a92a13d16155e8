import pc from 'picocolors';
import type { ContextSummary } from '../context/summary.js';

function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** The `context` command's human summary, printed before the findings. */
export function renderContextSummary(
  s: ContextSummary,
  options: { color: boolean; showProposals: boolean },
): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const ignore = s.ignoreFile
    ? `${s.ignoreFile.path} (${count(s.ignoreFile.patterns, 'pattern')}${s.ignoreFile.kind === 'dockerfile' ? ', Dockerfile-specific' : ''})`
    : c.yellow('none');
  out.push(c.bold(`Build context ${s.root}`));
  out.push(`  Dockerfile   ${s.dockerfile ?? c.dim('none found')}`);
  out.push(`  ignore file  ${ignore}`);
  out.push(
    `  sends        ${c.bold(bytes(s.sent.bytes))} in ${count(s.sent.files, 'file')}, ${count(s.sent.dirs, 'folder')}` +
      (s.sent.symlinks ? `, ${count(s.sent.symlinks, 'link')}` : '') +
      (s.excluded.entries
        ? c.dim(`  (left out: ${count(s.excluded.entries, 'entry').replace('entrys', 'entries')})`)
        : ''),
  );
  const top = s.topLevel.slice(0, 6).map((t) => {
    const label = `${t.path} ${bytes(t.bytes)}`;
    return t.excluded ? c.dim(`${label} (ignored)`) : label;
  });
  if (top.length > 0) out.push(`  biggest      ${top.join(c.dim(' · '))}`);
  if (s.copies.length > 0) {
    out.push('  COPY/ADD');
    for (const cp of s.copies) {
      const srcs = cp.sources
        .map((x) => `${x.source} → ${count(x.files, 'file')}, ${bytes(x.bytes)}`)
        .join('; ');
      const stage = `stage ${cp.stage}${cp.reachesFinal ? '' : c.dim(' (not in the final image)')}`;
      out.push(
        `    ${c.dim(`line ${String(cp.line).padEnd(4)}`)} ${cp.instruction} ${srcs}  ${c.dim(stage)}`,
      );
    }
  }
  if (s.secretFiles.length > 0) {
    out.push(`  ${c.red('secret files')}`);
    for (const f of s.secretFiles) {
      const copied = f.copiedAtLines.length > 0 ? c.red(` copied at line ${f.copiedAtLines.join(', ')}`) : '';
      out.push(`    ${f.path} ${c.dim(`(${f.description})`)}${copied}`);
    }
  }
  if (s.secrets.length > 0)
    out.push(
      `  ${c.red('secrets')}      ${count(s.secrets.length, 'value')} in sent files (redacted in the findings below)`,
    );
  if (s.escapingLinks.length > 0)
    out.push(`  links out    ${s.escapingLinks.map((l) => `${l.path} → ${l.target}`).join(', ')}`);
  for (const p of s.proposals) {
    const status = p.written
      ? c.green('written')
      : p.exists
        ? c.dim('exists, not overwritten (--write --force replaces it)')
        : c.cyan('not written (use --write)');
    out.push(`  proposal     ${p.path} for ${p.stacks.join(', ')}: ${status}`);
    if (options.showProposals)
      out.push(
        p.text
          .trimEnd()
          .split('\n')
          .map((l) => `    ${c.dim('│')} ${l}`)
          .join('\n'),
      );
  }
  return `${out.join('\n')}\n\n`;
}
