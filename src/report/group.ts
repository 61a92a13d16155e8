import type { Finding, InputError } from '../core/finding.js';

export interface FileReport {
  file: string;
  findings: Finding[];
  errors: InputError[];
}

/**
 * Findings and input errors per file, in the order files were examined (then any file only a finding or an
 * error names). Every examined file appears, also those without findings.
 */
export function groupByFile(
  files: readonly string[],
  findings: readonly Finding[],
  errors: readonly InputError[],
): FileReport[] {
  const byFile = new Map<string, FileReport>();
  const entry = (file: string): FileReport => {
    let report = byFile.get(file);
    if (!report) byFile.set(file, (report = { file, findings: [], errors: [] }));
    return report;
  };
  for (const file of files) entry(file);
  for (const f of findings) entry(f.file).findings.push(f);
  for (const e of errors) entry(e.file).errors.push(e);
  return [...byFile.values()];
}
