/** Number formats shared by the audit model and its renderers (decimal units, as registries and docker print). */

const KB = 1000;
const MB = 1000 * KB;
const GB = 1000 * MB;

export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  const n = Math.abs(bytes);
  if (n >= GB) return `${sign}${(n / GB).toFixed(2)} GB`;
  if (n >= MB) return `${sign}${(n / MB).toFixed(n >= 100 * MB ? 0 : 1)} MB`;
  if (n >= KB) return `${sign}${Math.round(n / KB)} kB`;
  return `${sign}${n} B`;
}

/** `~250 MB` for estimates, `250 MB` for measurements. */
export function formatSize(bytes: number | null, estimated: boolean, unknown: string): string {
  if (bytes === null) return unknown;
  return `${estimated ? '~' : ''}${formatBytes(bytes)}`;
}

/** A word for a POSIX shell command line: as is when plain, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[\w./@:=+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}
