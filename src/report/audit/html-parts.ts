/** Building blocks of the HTML report: escaped prose, links, tables, code blocks, severity marks. */
import type { Translate } from '../../audit/i18n/index.js';
import type { Level } from '../../audit/types.js';
import type { Severity } from '../../core/finding.js';
import { escapeHtml as e } from './escape.js';

/** Text written by the report itself: escaped, with its `code` spans as <code>. */
export function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${e(part.slice(1, -1))}</code>` : e(part)))
    .join('');
}

/** A link when the address is http(s), else the text alone. */
export function link(text: string, url: string | null): string {
  return url && /^https?:\/\//.test(url) ? `<a href="${e(url)}">${text}</a>` : text;
}

export function table(head: string[], rows: string[][], className = ''): string {
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function pre(text: string, lang = ''): string {
  return `<pre${lang ? ` data-lang="${e(lang)}"` : ''}><code>${e(text.replace(/\s+$/, ''))}</code></pre>`;
}

export const idList = (list: readonly string[]) => (list.length > 0 ? e(list.join(', ')) : '—');

/** A coloured dot (CSS, so no emoji font is needed) and the severity's name. */
export function severityCell(severity: Severity, tr: Translate): string {
  return `<span class="sev"><span class="dot sev-${severity}"></span>${e(tr(`severity.${severity}`))}</span>`;
}

export function levelCell(level: Level, tr: Translate): string {
  return `<span class="lvl"><span class="dot lvl-${level}"></span>${e(tr(`level.${level}`))}</span>`;
}
