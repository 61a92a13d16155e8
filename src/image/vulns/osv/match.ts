/**
 * Whether a version is affected by an OSV `affected` entry (OSV schema, "Evaluation"): listed in
 * `versions`, or inside a range whose events, sorted in the ecosystem's order, leave it affected
 * (`introduced` opens, `fixed` closes at the version, `last_affected` closes after it, `limit` bounds the
 * whole range). GIT ranges name commits, not versions: they count only through `versions`.
 */
import type { VersionOrder } from '../version/index.js';
import type { OsvEvent, OsvRange } from './model.js';

export interface AffectedPackage {
  name: string;
  ranges: OsvRange[];
  versions: string[];
}

export interface Affection {
  /** The lowest fixed version above the installed one in the range that matched, or null. */
  fixed: string | null;
}

type Comparable = { kind: keyof OsvEvent; version: string };

function eventOf(event: OsvEvent): Comparable {
  const kind = Object.keys(event)[0] as keyof OsvEvent;
  return { kind, version: event[kind]! };
}

/** Evaluates one ECOSYSTEM or SEMVER range; throws when an event's version is not valid in the order. */
export function inRange(version: string, range: OsvRange, order: VersionOrder): Affection | null {
  const events = range.events.map(eventOf);
  const limits = events.filter((e) => e.kind === 'limit');
  if (limits.length > 0 && !limits.some((l) => l.version === '*' || order(version, l.version) < 0))
    return null;
  const compare = (a: Comparable, b: Comparable): number => {
    const zeroA = a.kind === 'introduced' && a.version === '0';
    const zeroB = b.kind === 'introduced' && b.version === '0';
    if (zeroA || zeroB) return zeroA && zeroB ? 0 : zeroA ? -1 : 1;
    return order(a.version, b.version);
  };
  const sorted = events.filter((e) => e.kind !== 'limit').sort(compare);
  let affected = false;
  for (const e of sorted) {
    if (e.kind === 'introduced') {
      if (e.version === '0' || order(version, e.version) >= 0) affected = true;
    } else if (e.kind === 'fixed') {
      if (order(version, e.version) >= 0) affected = false;
    } else if (e.kind === 'last_affected') {
      if (order(version, e.version) > 0) affected = false;
    }
  }
  if (!affected) return null;
  let fixed: string | null = null;
  for (const e of sorted) {
    if (
      e.kind === 'fixed' &&
      order(e.version, version) > 0 &&
      (fixed === null || order(e.version, fixed) < 0)
    )
      fixed = e.version;
  }
  return { fixed };
}

export interface MatchResult {
  /** The match, or null when the version is not affected. */
  hit: Affection | null;
  /** Ranges that could not be evaluated (a version invalid in the ordering), with the reason. */
  skipped: string[];
}

function better(a: Affection, b: Affection | null, order: VersionOrder): boolean {
  if (b === null) return true;
  if (a.fixed === null) return false;
  if (b.fixed === null) return true;
  try {
    return order(a.fixed, b.fixed) < 0;
  } catch {
    return false;
  }
}

/** Matches a version against one affected package. */
export function matchAffected(
  version: string,
  affected: AffectedPackage,
  ordering: VersionOrder,
  semver: VersionOrder,
): MatchResult {
  const skipped: string[] = [];
  let hit: Affection | null = null;
  for (const range of affected.ranges) {
    if (range.type === 'GIT') continue;
    const order = range.type === 'SEMVER' ? semver : ordering;
    try {
      const found = inRange(version, range, order);
      if (found && better(found, hit, order)) hit = found;
    } catch (error) {
      skipped.push((error as Error).message);
    }
  }
  if (!hit && affected.versions.includes(version)) hit = { fixed: null };
  return { hit, skipped };
}
