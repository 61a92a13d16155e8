/** The parts of the OSV schema (1.6) that matching uses, and a validator with clear errors. */

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: 'ECOSYSTEM' | 'SEMVER' | 'GIT';
  repo?: string;
  events: OsvEvent[];
}

export interface OsvSeverity {
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: Array<{ type: string; url: string }>;
  database_specific?: Record<string, unknown>;
}

export class OsvFormatError extends Error {}

const RANGE_TYPES = new Set(['ECOSYSTEM', 'SEMVER', 'GIT']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new OsvFormatError(`${where} must be an array of strings`);
  return value as string[];
}

/** Checks the fields matching relies on; throws `OsvFormatError` naming the offending field. */
export function validateOsvRecord(value: unknown): OsvRecord {
  if (!isObject(value)) throw new OsvFormatError('an OSV record must be a JSON object');
  const { id, modified } = value;
  if (typeof id !== 'string' || id === '') throw new OsvFormatError('"id" must be a non-empty string');
  if (typeof modified !== 'string') throw new OsvFormatError(`${id}: "modified" must be a string`);
  stringArray(value.aliases, `${id}: "aliases"`);
  if (value.severity !== undefined) checkSeverity(value.severity, `${id}: "severity"`);
  if (value.affected !== undefined) {
    if (!Array.isArray(value.affected)) throw new OsvFormatError(`${id}: "affected" must be an array`);
    value.affected.forEach((affected, i) => {
      const where = `${id}: affected[${i}]`;
      if (!isObject(affected)) throw new OsvFormatError(`${where} must be an object`);
      const pkg = affected.package;
      if (
        pkg !== undefined &&
        (!isObject(pkg) || typeof pkg.ecosystem !== 'string' || typeof pkg.name !== 'string')
      )
        throw new OsvFormatError(`${where}.package needs string "ecosystem" and "name"`);
      stringArray(affected.versions, `${where}.versions`);
      if (affected.severity !== undefined) checkSeverity(affected.severity, `${where}.severity`);
      if (affected.ranges !== undefined) {
        if (!Array.isArray(affected.ranges)) throw new OsvFormatError(`${where}.ranges must be an array`);
        affected.ranges.forEach((range, j) => {
          const at = `${where}.ranges[${j}]`;
          if (!isObject(range) || !RANGE_TYPES.has(range.type as string))
            throw new OsvFormatError(`${at}.type must be ECOSYSTEM, SEMVER or GIT`);
          if (!Array.isArray(range.events) || range.events.length === 0)
            throw new OsvFormatError(`${at}.events must be a non-empty array`);
          for (const event of range.events) {
            const keys = isObject(event) ? Object.keys(event) : [];
            const key = keys[0];
            if (
              keys.length !== 1 ||
              !['introduced', 'fixed', 'last_affected', 'limit'].includes(key!) ||
              typeof (event as Record<string, unknown>)[key!] !== 'string'
            )
              throw new OsvFormatError(
                `${at}: each event must have exactly one of introduced, fixed, last_affected, limit`,
              );
          }
        });
      }
    });
  }
  return value as unknown as OsvRecord;
}

function checkSeverity(value: unknown, where: string): void {
  if (
    !Array.isArray(value) ||
    value.some((s) => !isObject(s) || typeof s.type !== 'string' || typeof s.score !== 'string')
  )
    throw new OsvFormatError(`${where} must be an array of {type, score} strings`);
}
