import pc from 'picocolors';
import { formatBytes } from './format.js';
import type { ImageModel } from './model.js';
import { formatPlatform } from './platform.js';
import { redactCommand } from './redact.js';

const BAR = 16;

function bar(size: number, waste: number, max: number, c: ReturnType<typeof pc.createColors>): string {
  if (max === 0) return ' '.repeat(BAR);
  const cells = Math.max(size > 0 ? 1 : 0, Math.round((size / max) * BAR));
  const wasteCells = Math.min(cells, Math.round((Math.min(waste, size) / max) * BAR));
  return c.red('█'.repeat(wasteCells)) + c.cyan('█'.repeat(cells - wasteCells)) + ' '.repeat(BAR - cells);
}

/** The tty summary of an image: totals, dive's figures and ours, and one row per layer. */
export function renderLayerTable(model: ImageModel, color: boolean, width = 120): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  const tag = model.tags[0];
  // An OCI layout's ref name is a bare tag: show it after the path, as skopeo writes `oci:PATH:TAG`.
  const name = model.reference ?? (tag ? (/[:/]/.test(tag) ? tag : `${model.source}:${tag}`) : model.source);
  out.push(
    `${c.bold(name)}  ${formatPlatform(model.platform)}  ${model.layers.length} layers  ${formatBytes(model.size)} (stored ${formatBytes(model.storedBytes)})`,
  );
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  out.push(
    `dive: efficiency ${pct(model.dive.efficiency)}, wasted ${formatBytes(model.dive.wastedBytes)}, user wasted ${pct(model.dive.userWastedPercent)}` +
      `   ours: ${formatBytes(model.waste.totalBytes)} wasted (${formatBytes(model.waste.hiddenBytes)} deleted or overwritten later, ${formatBytes(model.waste.leftoverBytes)} caches and temp files)`,
  );
  out.push('');
  const max = Math.max(0, ...model.layers.map((l) => l.size));
  out.push(
    c.dim(`  #  ${'size'.padStart(8)}  ${'waste'.padStart(8)}  ${'layer'.padEnd(BAR)}  origin  command`),
  );
  for (const l of model.layers) {
    const waste = l.waste.hiddenBytes + l.waste.leftoverBytes;
    const origin = l.base === null ? '    ' : l.base ? 'base' : 'own ';
    const where = l.instruction ? `${l.instruction.file}:${l.instruction.line} ` : '';
    const command = l.instruction
      ? l.instruction.text
      : l.step
        ? redactCommand(l.step.createdBy, l.step.buildArgs)
        : '(no history)';
    let text = `${where}${command.replace(/\s+/g, ' ')}`;
    const room = Math.max(20, width - (4 + 10 + 10 + BAR + 2 + 8));
    if (text.length > room) text = `${text.slice(0, room - 1)}…`;
    out.push(
      `${String(l.index + 1).padStart(3)}  ${formatBytes(l.size).padStart(8)}  ${(waste ? formatBytes(waste) : '-').padStart(8)}  ${bar(l.size, waste, max, c)}  ${c.dim(origin)}    ${text}`,
    );
  }
  out.push('');
  return `${out.join('\n')}\n`;
}
