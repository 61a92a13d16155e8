/**
 * The one call `dockaudit image` makes after reading an image: open the database (if there is one),
 * match the inventory, and return findings, a JSON summary and the exit code the vulnerability options
 * ask for. With no database the image is still reported, with a note on how to get one.
 */
import type { Finding } from '../../core/finding.js';
import type { MessageCatalog } from '../../i18n/catalog.js';
import type { Inventory } from '../packages/model.js';
import { DbInputError } from './db/records.js';
import { defaultDbDir, VulnDb } from './db/store.js';
import { databaseFindings, type Locate, scanFindings } from './findings.js';
import { IgnoreFileError } from './ignore.js';
import {
  resolveScanOptions,
  type VulnerabilityCliOptions,
  VulnerabilityOptionError,
  vulnerabilityExitCode,
} from './options.js';
import { OsvFormatError } from './osv/model.js';
import { LEVELS, type Level } from './osv/severity.js';
import { type ScanResult, scanImagePackages } from './scan.js';

export interface ImageVulnerabilityCheck {
  /** Null when matching was switched off (--no-vulns) or there is no database. */
  scan: ScanResult | null;
  findings: Finding[];
  /** For JSON output under `extra.vulnerabilities`. */
  summary: {
    database: string;
    databaseUpdated: string | null;
    checked: boolean;
    counts: Record<Level, number>;
    ignored: number;
    expiredIgnoreRules: Array<{ id: string; file: string; line: number }>;
    problems: string[];
  };
  /** Lines for stderr (no database, expired ignore rules). */
  notes: string[];
  /** 1 when a reported vulnerability is at or above --vuln-threshold, else 0. */
  exitCode: number;
}

export interface CheckOptions extends VulnerabilityCliOptions {
  /** The image as the user named it (the findings' file when no Dockerfile line is known). */
  image: string;
  locate?: Locate;
  catalog?: MessageCatalog;
  now?: Date;
}

export async function checkImageVulnerabilities(
  inventory: Inventory,
  options: CheckOptions,
): Promise<ImageVulnerabilityCheck> {
  const now = options.now ?? new Date();
  const dir = options.db ?? defaultDbDir();
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  const result: ImageVulnerabilityCheck = {
    scan: null,
    findings: [],
    summary: {
      database: dir,
      databaseUpdated: null,
      checked: false,
      counts,
      ignored: 0,
      expiredIgnoreRules: [],
      problems: [],
    },
    notes: [],
    exitCode: 0,
  };
  if (options.vulns === false) return result;
  const scanOptions = await resolveScanOptions(options, now);
  const db = await VulnDb.open(dir);
  result.summary.databaseUpdated = db.meta.updated || null;
  if (db.isEmpty()) {
    result.notes.push(
      `no vulnerability database in ${dir}: run \`dockaudit db update\` to check packages for known vulnerabilities`,
    );
    return result;
  }
  const scan = await scanImagePackages(inventory, db, scanOptions);
  result.scan = scan;
  result.summary.checked = true;
  for (const v of scan.vulnerabilities) counts[v.rating.level]++;
  result.summary.ignored = scan.ignored.length;
  result.summary.expiredIgnoreRules = scan.expiredRules.map((r) => ({
    id: r.id,
    file: r.file,
    line: r.line,
  }));
  result.summary.problems = scan.problems;
  for (const r of scan.expiredRules)
    result.notes.push(`${r.file}:${r.line}: the ignore entry for ${r.id} has expired`);
  const where = { image: options.image, locate: options.locate, catalog: options.catalog };
  result.findings = [
    ...databaseFindings(db, inventory, scan, { ...where, now }),
    ...scanFindings(scan, where),
  ];
  result.exitCode = vulnerabilityExitCode(scan.vulnerabilities, scanOptions.threshold);
  return result;
}

/** Errors that mean bad input (exit code 2): options, ignore files, an unreadable database. */
export function isVulnerabilityInputError(error: unknown): boolean {
  return (
    error instanceof VulnerabilityOptionError ||
    error instanceof IgnoreFileError ||
    error instanceof DbInputError ||
    error instanceof OsvFormatError
  );
}
