/**
 * Ignore lists for vulnerabilities: Trivy's `.trivyignore` (one id per line, `exp:YYYY-MM-DD` suffix,
 * `#` comments), Trivy's `.trivyignore.yaml` (`vulnerabilities:` with id, paths, purls, expired_at,
 * statement) and our own YAML (`ignore:` with id, package, path, until, reason). An entry matches a
 * vulnerability by its id or any alias; an expired entry no longer hides anything.
 */
import { LineCounter, parseDocument } from 'yaml';

export interface IgnoreRule {
  id: string;
  /** Package names or purls the rule is limited to (any package when empty). */
  packages: string[];
  /** Package paths the rule is limited to (any path when empty). */
  paths: string[];
  /** The first day on which the rule no longer applies (UTC midnight), when set. */
  expires?: Date;
  reason?: string;
  file: string;
  line: number;
}

export class IgnoreFileError extends Error {}

function parseDate(text: string, file: string, line: number): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.getUTCDate() !== Number(m![3]))
    throw new IgnoreFileError(`${file}:${line}: invalid date "${text}" (use YYYY-MM-DD)`);
  // A rule "until 2025-06-30" still applies on that day: it expires at the start of the next one.
  return new Date(date.getTime() + 24 * 3600 * 1000);
}

export function parseTrivyIgnore(text: string, file: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  text.split('\n').forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const tokens = (hash === -1 ? raw : raw.slice(0, hash)).trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return;
    const rule: IgnoreRule = { id: tokens[0]!, packages: [], paths: [], file, line: i + 1 };
    for (const token of tokens.slice(1)) {
      if (token.startsWith('exp:')) rule.expires = parseDate(token.slice(4), file, i + 1);
      else
        throw new IgnoreFileError(
          `${file}:${i + 1}: unexpected "${token}" after the id (only exp:YYYY-MM-DD may follow)`,
        );
    }
    rules.push(rule);
  });
  return rules;
}

function strings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new IgnoreFileError(`${where}: expected a string or a list of strings`);
}

export function parseIgnoreYaml(text: string, file: string): IgnoreRule[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new IgnoreFileError(`${file}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents as { items?: Array<{ key: { value: unknown }; value: unknown }> } | null;
  const rules: IgnoreRule[] = [];
  for (const pair of root?.items ?? []) {
    const key = pair.key?.value;
    if (key !== 'vulnerabilities' && key !== 'ignore') continue;
    const list = pair.value as { items?: Array<{ range?: [number]; toJSON(): unknown }> } | null;
    for (const node of list?.items ?? []) {
      const line = lineCounter.linePos(node.range?.[0] ?? 0).line;
      const where = `${file}:${line}`;
      const item = node.toJSON() as Record<string, unknown>;
      if (!item || typeof item !== 'object' || typeof item.id !== 'string' || item.id === '')
        throw new IgnoreFileError(`${where}: each entry needs an "id"`);
      const expiry = key === 'ignore' ? item.until : item.expired_at;
      const rule: IgnoreRule = {
        id: item.id,
        packages: strings(key === 'ignore' ? item.package : item.purls, where),
        paths: strings(key === 'ignore' ? item.path : item.paths, where),
        reason:
          typeof (item.reason ?? item.statement) === 'string'
            ? String(item.reason ?? item.statement)
            : undefined,
        file,
        line,
      };
      if (expiry !== undefined)
        rule.expires = parseDate(
          expiry instanceof Date ? expiry.toISOString().slice(0, 10) : String(expiry),
          file,
          line,
        );
      rules.push(rule);
    }
  }
  return rules;
}

/** Reads either form: YAML when the file name says so or the text starts with a known key. */
export function parseIgnoreFile(text: string, file: string): IgnoreRule[] {
  const yaml = /\.ya?ml$/i.test(file) || /^\s*(vulnerabilities|ignore)\s*:/m.test(text);
  return yaml ? parseIgnoreYaml(text, file) : parseTrivyIgnore(text, file);
}

interface Matchable {
  id: string;
  aliases: readonly string[];
  package: { name: string; purl: string; path: string };
}

export function matchIgnore(
  v: Matchable,
  rules: readonly IgnoreRule[],
  now: Date,
): { rule?: IgnoreRule; expiredRule?: IgnoreRule } {
  let expiredRule: IgnoreRule | undefined;
  for (const rule of rules) {
    if (rule.id !== v.id && !v.aliases.includes(rule.id)) continue;
    if (
      rule.packages.length > 0 &&
      !rule.packages.some(
        (p) => p === v.package.name || p === v.package.purl || v.package.purl.startsWith(`${p}@`),
      )
    )
      continue;
    if (rule.paths.length > 0 && !rule.paths.includes(v.package.path)) continue;
    if (rule.expires && now >= rule.expires) {
      expiredRule ??= rule;
      continue;
    }
    return { rule, expiredRule };
  }
  return { expiredRule };
}
