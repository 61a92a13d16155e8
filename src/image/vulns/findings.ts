/** Turns scan results into findings of the common contract (DESIGN §4). */
import type { Finding, Severity } from '../../core/finding.js';
import type { Region } from '../../core/positions.js';
import { formatMessage, type RuleMeta } from '../../core/rule.js';
import type { MessageCatalog } from '../../i18n/catalog.js';
import type { Inventory } from '../packages/model.js';
import type { VulnDb } from './db/store.js';
import { archiveOf, archivesFor } from './osv/ecosystems.js';
import type { Level } from './osv/severity.js';
import {
  VULNERABILITY_DB_MISSING_ECOSYSTEM,
  VULNERABILITY_DB_STALE,
  VULNERABLE_PACKAGE,
  VULNERABLE_PACKAGE_UNFIXED,
} from './rules.js';
import type { ScanResult, Vulnerability } from './scan.js';

/** Where a finding points: the image (or the Dockerfile line that made the package's layer). */
export type Locate = (layer: number) => ({ file: string } & Region) | null;

export interface FindingOptions {
  /** The image reference shown as the finding's file when no Dockerfile line is known. */
  image: string;
  locate?: Locate;
  /** Translations of the rule messages (English, from the rule metadata, when absent). */
  catalog?: MessageCatalog;
}

const LEVEL_SEVERITY: Record<Level, Severity> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'info',
  UNKNOWN: 'info',
};

function at(options: FindingOptions, layer: number): { file: string } & Region {
  return options.locate?.(layer) ?? { file: options.image, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function finding(
  meta: RuleMeta,
  where: { file: string } & Region,
  severity: Severity,
  data: Record<string, string | number>,
  catalog?: MessageCatalog,
): Finding {
  const template = catalog?.ruleMessage(meta.id, 'default') ?? meta.messages.default!;
  return {
    ...where,
    rule: meta.id,
    code: meta.code,
    aliases: [...meta.aliases],
    severity,
    category: meta.category,
    message: formatMessage(template, data),
    data,
  };
}

export function vulnerabilityFinding(v: Vulnerability, options: FindingOptions): Finding {
  const meta = v.fixed === null ? VULNERABLE_PACKAGE_UNFIXED : VULNERABLE_PACKAGE;
  const cves = v.aliases.filter((a) => a.startsWith('CVE-'));
  const data: Record<string, string | number> = {
    id: v.id,
    aliases: v.aliases.join(','),
    aliasText: cves.length > 0 && !v.id.startsWith('CVE-') ? `, ${cves.join(', ')}` : '',
    package: v.package.name,
    installed: v.installed,
    fixed: v.fixed ?? '',
    level: v.rating.level,
    ecosystem: v.ecosystem,
    purl: v.package.purl,
    path: v.package.path,
    layer: v.package.layer,
    layerDigest: v.package.layerDigest,
  };
  if (v.package.source && v.package.source.name !== v.package.name) data.source = v.package.source.name;
  if (v.rating.vector) data.vector = v.rating.vector;
  if (v.rating.score !== undefined) data.score = v.rating.score;
  if (v.url) data.url = v.url;
  // DA8002 defaults to a warning; a CRITICAL/HIGH advisory stays an error whether fixed or not.
  return finding(meta, at(options, v.package.layer), LEVEL_SEVERITY[v.rating.level], data, options.catalog);
}

export interface DbFindingOptions extends FindingOptions {
  /** Age in days above which DA8003 is reported (7 by default). */
  maxAgeDays?: number;
  now?: Date;
}

/** DA8003 (stale database) and DA8004 (archives the image needs but the database lacks). */
export function databaseFindings(
  db: VulnDb,
  inventory: Inventory,
  scan: ScanResult,
  options: DbFindingOptions,
): Finding[] {
  const findings: Finding[] = [];
  const now = options.now ?? new Date();
  const where = { file: options.image, line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (db.meta.updated) {
    const age = Math.floor((now.getTime() - Date.parse(db.meta.updated)) / 86_400_000);
    if (age > (options.maxAgeDays ?? 7))
      findings.push(finding(VULNERABILITY_DB_STALE, where, 'warning', { age }, options.catalog));
  }
  if (scan.uncovered.notInDatabase > 0) {
    const present = new Set(db.ecosystems.map(archiveOf));
    const missing = archivesFor(inventory.packages, inventory.os).filter((a) => !present.has(a));
    if (missing.length > 0)
      findings.push(
        finding(
          VULNERABILITY_DB_MISSING_ECOSYSTEM,
          where,
          'info',
          { count: scan.uncovered.notInDatabase, archives: missing.join(', ') },
          options.catalog,
        ),
      );
  }
  return findings;
}

export function scanFindings(scan: ScanResult, options: FindingOptions): Finding[] {
  return scan.vulnerabilities.map((v) => vulnerabilityFinding(v, options));
}
