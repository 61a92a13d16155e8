/**
 * Severity of an advisory: CVSS v3.x and v2 base scores computed from their vectors (FIRST's
 * specifications), else the database's own rating (GHSA's `database_specific.severity`, Ubuntu's
 * priority, Debian's urgency). CVSS v4 vectors are kept but not scored (their score needs FIRST's
 * lookup tables); a v4-only advisory takes the database's rating.
 */
import type { OsvSeverity } from './model.js';

export type Level = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'UNKNOWN';
export const LEVELS: readonly Level[] = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

function metrics(vector: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of vector.split('/')) {
    const colon = part.indexOf(':');
    if (colon > 0) map.set(part.slice(0, colon), part.slice(colon + 1));
  }
  return map;
}

/** CVSS 3.1 "Roundup": the smallest one-decimal number at or above the input, free of float error. */
function roundUp(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

/** CVSS v3.0/3.1 base score of a vector, or null when the vector is incomplete. */
export function cvss3BaseScore(vector: string): number | null {
  const m = metrics(vector);
  const AV = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 }[m.get('AV') ?? ''];
  const AC = { L: 0.77, H: 0.44 }[m.get('AC') ?? ''];
  const UI = { N: 0.85, R: 0.62 }[m.get('UI') ?? ''];
  const scope = m.get('S');
  const changed = scope === 'C';
  const PR = (changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 })[m.get('PR') ?? ''];
  const cia = (k: string) => ({ H: 0.56, L: 0.22, N: 0 })[m.get(k) ?? ''];
  const C = cia('C');
  const I = cia('I');
  const A = cia('A');
  if ([AV, AC, UI, PR, C, I, A].some((v) => v === undefined) || (scope !== 'U' && scope !== 'C')) return null;
  const iss = 1 - (1 - C!) * (1 - I!) * (1 - A!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  if (impact <= 0) return 0;
  const exploitability = 8.22 * AV! * AC! * PR! * UI!;
  return roundUp(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
}

/** CVSS v2 base score of a vector, or null when the vector is incomplete. */
export function cvss2BaseScore(vector: string): number | null {
  const m = metrics(vector);
  const AV = { L: 0.395, A: 0.646, N: 1 }[m.get('AV') ?? ''];
  const AC = { H: 0.35, M: 0.61, L: 0.71 }[m.get('AC') ?? ''];
  const Au = { M: 0.45, S: 0.56, N: 0.704 }[m.get('Au') ?? ''];
  const cia = (k: string) => ({ N: 0, P: 0.275, C: 0.66 })[m.get(k) ?? ''];
  const C = cia('C');
  const I = cia('I');
  const A = cia('A');
  if ([AV, AC, Au, C, I, A].some((v) => v === undefined)) return null;
  const impact = 10.41 * (1 - (1 - C!) * (1 - I!) * (1 - A!));
  const exploitability = 20 * AV! * AC! * Au!;
  const f = impact === 0 ? 0 : 1.176;
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10) / 10;
}

export function levelOfScore(score: number, version: 2 | 3): Level {
  if (version === 2) return score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW';
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  return 'LOW';
}

/** Maps a database's own wording (GHSA MODERATE, Ubuntu/Debian priorities) to a level. */
export function levelOfText(text: string | undefined): Level | null {
  switch (text?.toLowerCase().trim()) {
    case 'critical':
      return 'CRITICAL';
    case 'high':
    case 'important':
      return 'HIGH';
    case 'moderate':
    case 'medium':
      return 'MEDIUM';
    case 'low':
    case 'negligible':
    case 'unimportant':
      return 'LOW';
    default:
      return null;
  }
}

export interface Rating {
  level: Level;
  /** The CVSS vector the level came from (or the best vector present), when any. */
  vector?: string;
  score?: number;
  /** Where the level came from: `CVSS_V3`, `CVSS_V2`, `database` or `none`. */
  source: string;
}

/** Rates an advisory from its severity entries, else from a database rating. */
export function rate(severity: readonly OsvSeverity[], databaseRating?: string): Rating {
  const v3 = severity.find((s) => s.type === 'CVSS_V3');
  if (v3) {
    const score = cvss3BaseScore(v3.score);
    if (score !== null) return { level: levelOfScore(score, 3), vector: v3.score, score, source: 'CVSS_V3' };
  }
  const fromDatabase =
    levelOfText(databaseRating) ?? levelOfText(severity.find((s) => s.type === 'Ubuntu')?.score);
  const v4 = severity.find((s) => s.type === 'CVSS_V4');
  if (fromDatabase) return { level: fromDatabase, vector: v4?.score ?? v3?.score, source: 'database' };
  const v2 = severity.find((s) => s.type === 'CVSS_V2');
  if (v2) {
    const score = cvss2BaseScore(v2.score);
    if (score !== null) return { level: levelOfScore(score, 2), vector: v2.score, score, source: 'CVSS_V2' };
  }
  return { level: 'UNKNOWN', vector: v4?.score, source: 'none' };
}
