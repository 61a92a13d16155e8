import type { Span } from '../core/positions.js';
import { substitute } from './interpolate.js';
import { type ComposeProject, get, type MapNode, type Node, type ScalarNode } from './model.js';

/**
 * Secret-looking values written in a compose file. For now judged by the variable's name and by
 * credentials inside URLs; the shared detector (token formats, entropy) replaces `secretEvidence` when
 * it is available, and everything else here stays as is.
 */
export type SecretEvidence = 'key-name' | 'url-credentials';

const SECRET_TOKENS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'PRIVATEKEY',
  'SALT',
]);
/** A `KEY` preceded by one of these words names a secret key (`API_KEY`, `SECRET_KEY`, `AUTH_KEY`…). */
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'SECRET',
  'PRIVATE',
  'AUTH',
  'ENCRYPTION',
  'SIGNING',
  'MASTER',
  'CLIENT',
  'APP',
  'SESSION',
  'JWT',
  'LICENSE',
  'ACCOUNT',
  'SERVICE',
  'CRYPT',
  'HMAC',
]);
/** A name ending with one of these words holds a setting about a secret, not the secret. */
const SETTING_SUFFIXES = new Set([
  'FILE',
  'PATH',
  'DIR',
  'LENGTH',
  'LEN',
  'MIN',
  'MAX',
  'EXPIRY',
  'EXPIRE',
  'EXPIRES',
  'EXPIRATION',
  'TTL',
  'TIMEOUT',
  'LIFETIME',
  'ENABLED',
  'ENABLE',
  'DISABLED',
  'DISABLE',
  'REQUIRED',
  'POLICY',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'ID',
  'NAME',
  'USER',
  'USERNAME',
  'TYPE',
  'MODE',
  'ALGORITHM',
  'ALG',
  'HEADER',
  'PREFIX',
  'FORMAT',
  'COUNT',
  'SIZE',
  'ROTATION',
  'HASH',
  'HASHED',
  'REGEX',
  'PATTERN',
  'STRENGTH',
  'COMPLEXITY',
  'RESET',
  'METHOD',
  'PROVIDER',
  'KIND',
  'VERSION',
  'ALLOW',
  'ALLOWED',
  'SKIP',
  'CHARS',
  'CHARSET',
  'SCOPE',
  'SCOPES',
  'AUDIENCE',
  'ISSUER',
  'LOCATION',
  'SOURCE',
  'BACKEND',
  'STORE',
  'REFRESH',
  'INTERVAL',
  'RETRIES',
  'ATTEMPTS',
  'SECONDS',
  'MINUTES',
  'HOURS',
  'DAYS',
]);
const BOOLEAN_WORDS = /^(?:true|false|yes|no|on|off|y|n|0|1|none|null)$/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;

/** Upper-case words of a variable name: `dbPassword`, `DB_PASSWORD`, `db.password` → DB, PASSWORD. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || SETTING_SUFFIXES.has(words[words.length - 1]!)) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (SECRET_TOKENS.has(w)) return true;
    // PWD alone is the working directory; MYSQL_PWD is a password.
    if (w === 'PWD' && words.length > 1) return true;
    if (w === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return true;
    if (w.endsWith('KEY') && KEY_QUALIFIERS.has(w.slice(0, -3))) return true;
  }
  return false;
}

/** Why a value written in the file for a variable looks like a secret, or null. */
export function secretEvidence(name: string, literal: string): SecretEvidence | null {
  const value = literal.trim();
  if (value === '' || value.startsWith('/run/secrets/')) return null;
  const url = URL_CREDENTIALS.exec(value);
  if (url?.[1] && !/^\*+$/.test(url[1])) return 'url-credentials';
  if (BOOLEAN_WORDS.test(value)) return null;
  return isSecretName(name) ? 'key-name' : null;
}

/** The part of a value that is written in the file: defaults kept, values from variables left out. */
export function literalValue(node: ScalarNode): string | null {
  if (node.value === null) return null;
  if (node.template === undefined) return String(node.value);
  return substitute(node.template, () => undefined).value;
}

/** A secret-looking `name: value` of a key/value mapping (environment, build args). */
export interface SecretEntry {
  name: string;
  keySpan: Span;
  value: ScalarNode;
  evidence: SecretEvidence;
}

export function secretEntries(map: Node | null): SecretEntry[] {
  if (map?.kind !== 'map') return [];
  const out: SecretEntry[] = [];
  for (const p of map.pairs.values()) {
    if (p.value.kind !== 'scalar') continue;
    const literal = literalValue(p.value);
    if (literal === null) continue;
    const evidence = secretEvidence(p.key, literal);
    if (evidence) out.push({ name: p.key, keySpan: p.keySpan, value: p.value, evidence });
  }
  return out;
}

/** Secret entries of a service: `environment` and `build.args`. */
export function serviceSecrets(service: MapNode): SecretEntry[] {
  return [
    ...secretEntries(get(service, 'environment')),
    ...secretEntries(get(get(service, 'build'), 'args')),
  ];
}

/** Spans (project-wide) of every secret value of every service, to hide them in any output. */
export function secretSpans(project: ComposeProject): Span[] {
  const spans: Span[] = [];
  for (const service of project.allServices.values())
    for (const e of serviceSecrets(service.node))
      if (e.value.span.end > e.value.span.start) spans.push(e.value.span);
  return spans;
}

/** Source texts with every secret value replaced by `*` (line breaks kept, so positions stay right). */
export function redactedSources(project: ComposeProject): Map<string, string> {
  const byFile = new Map<string, string>();
  const spans = secretSpans(project).sort((a, b) => a.start - b.start);
  for (const file of project.files) {
    let out = '';
    let at = 0;
    const end = file.base + file.text.length;
    for (const s of spans) {
      if (s.start < file.base || s.start >= end) continue;
      const from = Math.max(at, s.start - file.base);
      const to = Math.min(file.text.length, s.end - file.base);
      if (to <= from) continue;
      out += file.text.slice(at, from) + file.text.slice(from, to).replace(/[^\r\n]/g, '*');
      at = to;
    }
    byFile.set(file.path, out + file.text.slice(at));
  }
  return byFile;
}
