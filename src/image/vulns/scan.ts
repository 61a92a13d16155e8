/**
 * Matches an inventory against the local OSV database: each package against the advisories of the
 * ecosystems that cover it, with that ecosystem's version order. Pure apart from reading the database.
 */
import type { Inventory, Package } from '../packages/model.js';
import type { VulnDb } from './db/store.js';
import { type IgnoreRule, matchIgnore } from './ignore.js';
import { targetFor } from './osv/ecosystems.js';
import { matchAffected } from './osv/match.js';
import { type Level, levelRank, type Rating, rate } from './osv/severity.js';

export interface Vulnerability {
  id: string;
  aliases: string[];
  summary: string;
  url?: string;
  ecosystem: string;
  rating: Rating;
  package: Package;
  /** The version compared (the source version for Debian/Ubuntu, epoch:version-release for RPM). */
  installed: string;
  /** The lowest fixed version above the installed one, or null when no fix is known. */
  fixed: string | null;
}

export interface ScanOptions {
  /** Keep only these levels (all when empty or absent). */
  severities?: readonly Level[];
  /** Drop vulnerabilities without a known fix. */
  ignoreUnfixed?: boolean;
  ignore?: readonly IgnoreRule[];
  now?: Date;
}

export interface ScanResult {
  vulnerabilities: Vulnerability[];
  /** Vulnerabilities left out by ignore rules, with the rule that matched. */
  ignored: Array<{ vulnerability: Vulnerability; rule: IgnoreRule }>;
  /** Ignore rules past their expiry date (their findings are reported again). */
  expiredRules: IgnoreRule[];
  /** Packages no ecosystem in the database covers, counted by why. */
  uncovered: { noEcosystem: number; notInDatabase: number };
  /** Versions or ranges that could not be compared, one line each. */
  problems: string[];
}

/** The CVE an advisory is about (its id or an alias), used to merge advisories of several databases. */
function canonicalId(id: string, aliases: readonly string[]): string {
  if (id.startsWith('CVE-')) return id;
  return aliases.find((a) => a.startsWith('CVE-')) ?? id;
}

export async function scanImagePackages(
  inventory: Inventory,
  db: VulnDb,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const now = options.now ?? new Date();
  const available = db.ecosystems;
  const found = new Map<string, Vulnerability>();
  const problems = new Set<string>();
  const uncovered = { noEcosystem: 0, notInDatabase: 0 };
  for (const pkg of inventory.packages) {
    const target = targetFor(pkg, inventory.os);
    if (!target) {
      uncovered.noEcosystem++;
      continue;
    }
    const ecosystems = target.selectEcosystems(available);
    if (ecosystems.length === 0) {
      uncovered.notInDatabase++;
      continue;
    }
    for (const ecosystem of ecosystems) {
      const index = await db.byName(ecosystem);
      for (const name of target.names) {
        for (const { advisory, affected } of index.get(name) ?? []) {
          const { hit, skipped } = matchAffected(target.version, affected, target.ordering, target.semver);
          for (const reason of skipped)
            problems.add(`${advisory.id} (${pkg.name} ${target.version}): ${reason}`);
          if (!hit) continue;
          const key = `${pkg.ref}\u0000${canonicalId(advisory.id, advisory.aliases)}`;
          const rating = rate(affected.severity ?? advisory.severity, affected.rating ?? advisory.rating);
          const vulnerability: Vulnerability = {
            id: advisory.id,
            aliases: advisory.aliases,
            summary: advisory.summary,
            url: advisory.url,
            ecosystem,
            rating,
            package: pkg,
            installed: target.version,
            fixed: hit.fixed,
          };
          const previous = found.get(key);
          // The same CVE from two databases (DSA and DEBIAN-CVE, GHSA and PYSEC): keep the one that
          // names a fix, else the higher level, and merge their ids.
          if (previous) {
            const aliases = new Set([
              ...previous.aliases,
              ...vulnerability.aliases,
              previous.id,
              vulnerability.id,
            ]);
            const keep =
              previous.fixed === null && vulnerability.fixed !== null
                ? vulnerability
                : levelRank(rating.level) > levelRank(previous.rating.level) &&
                    (previous.fixed === null) === (vulnerability.fixed === null)
                  ? vulnerability
                  : previous;
            aliases.delete(keep.id);
            found.set(key, { ...keep, aliases: [...aliases].sort() });
          } else found.set(key, vulnerability);
        }
      }
    }
  }
  const result: ScanResult = {
    vulnerabilities: [],
    ignored: [],
    expiredRules: [],
    uncovered,
    problems: [...problems].sort(),
  };
  const expired = new Set<IgnoreRule>();
  const severities = options.severities && options.severities.length > 0 ? new Set(options.severities) : null;
  for (const v of [...found.values()].sort(compareVulnerabilities)) {
    if (severities && !severities.has(v.rating.level)) continue;
    if (options.ignoreUnfixed && v.fixed === null) continue;
    const { rule, expiredRule } = matchIgnore(v, options.ignore ?? [], now);
    if (expiredRule) expired.add(expiredRule);
    if (rule) result.ignored.push({ vulnerability: v, rule });
    else result.vulnerabilities.push(v);
  }
  result.expiredRules = [...expired];
  return result;
}

/** Worst first, then package and advisory id: stable output. */
export function compareVulnerabilities(a: Vulnerability, b: Vulnerability): number {
  return (
    levelRank(b.rating.level) - levelRank(a.rating.level) ||
    cmp(a.package.name, b.package.name) ||
    cmp(a.package.ref, b.package.ref) ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
