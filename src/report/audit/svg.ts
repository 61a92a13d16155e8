/**
 * Inline SVG bar charts for the HTML report: presentation attributes only (no `style` attributes, so a
 * strict Content-Security-Policy allows them), every label escaped, `<title>` for the exact figures.
 */
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  /** Stacked parts of the bar, drawn left to right. */
  parts: { value: number; color: string; title: string; dashed?: boolean }[];
  /** Text after the bar (its total as people read it). */
  note: string;
}

const ROW = 26;
const LABEL = 190;
const WIDTH = 720;
const NOTE = 130;

/** A horizontal bar chart; an empty list draws a one-line "no data" chart. */
export function barChart(title: string, bars: readonly Bar[], noData: string): string {
  const plot = WIDTH - LABEL - NOTE;
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((n, p) => n + p.value, 0)));
  const height = Math.max(1, bars.length) * ROW + 8;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title>${escapeHtml(title)}</title>`,
  ];
  if (bars.length === 0)
    out.push(`<text x="${LABEL}" y="18" font-size="13" fill="#6a737d">${escapeHtml(noData)}</text>`);
  bars.forEach((bar, i) => {
    const y = 4 + i * ROW;
    out.push(
      `<text x="${LABEL - 8}" y="${y + 16}" font-size="12" text-anchor="end" fill="#24292f">${escapeHtml(clip(bar.label, 28))}</text>`,
    );
    let x = LABEL;
    for (const part of bar.parts) {
      if (part.value <= 0) continue;
      const w = Math.max(1, (part.value / max) * plot);
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 8}" fill="${part.color}"${
          part.dashed ? ' fill-opacity="0.45" stroke="' + part.color + '" stroke-dasharray="4 2"' : ''
        }><title>${escapeHtml(part.title)}</title></rect>`,
      );
      x += w;
    }
    out.push(
      `<text x="${(x + 6).toFixed(1)}" y="${y + 16}" font-size="12" fill="#24292f">${escapeHtml(bar.note)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
