import type { Span } from '../core/positions.js';
import { substitute } from './interpolate.js';
import { type ComposeProject, get, type MapNode, type Node, type ScalarNode } from './model.js';

/**
 * Secret-looking values written in a compose file. For now judged by the variable's name and by
 * credentials inside URLs; the shared detector (token formats, entropy) replaces `secretEvidence` when
 * it is available, and everything else here stays as is.
 */
export type SecretEvidence = 'key-name' | 'url-credentials' | 'connection-string';

/** Words that name a secret. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWORDS',
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
/** Endings of run-together words that name a secret (`ADMINPASSWORD`, `ACCESSKEYSECRET`). */
const SECRET_ENDINGS = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY', 'PRIVATEKEY'];
/** A `KEY` after one of these words names a secret key (`API_KEY`, `SECRET_KEY`, `APP_KEY`…). */
const KEY_QUALIFIERS = new Set([
  'API',
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
  'FERNET',
]);
/**
 * Words that may follow the secret word in a secret's name (`SECRET_KEY_BASE`, `AWS_SECRET_ACCESS_KEY`).
 * Any other word after it makes the name a setting about the secret (`PASSWORD_MIN_LENGTH`,
 * `TOKEN_EXPIRY`, `POSTGRES_PASSWORD_FILE`), or an application's prefix (`SECRET_PORT`).
 */
const SECRET_TAIL = new Set([
  'KEY',
  'KEYS',
  'BASE',
  'VALUE',
  'ACCESS',
  'PHRASE',
  'STRING',
  'B64',
  'BASE64',
  'HEX',
]);
const BOOLEAN_WORDS = /^(?:true|false|yes|no|on|off|y|n|0|1|none|null)$/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;
/** `Password=…` in ADO.NET/JDBC connection strings and libpq `password=…` DSNs. */
const CONNECTION_PASSWORD = /(?:^|[;\s])(?:password|pwd)\s*=\s*([^;\s]+)/i;
/** Values that only show where a secret goes: `<your-token>`, `******`, `xxxx`, `sk-xxx-xxx`. */
const PLACEHOLDER = /^(?:<[^<>]*>|[*xX#._-]{3,})$/;
/** A path to a file (a key file, a mounted secret): the value names the secret, it is not the secret. */
const FILE_PATH = /^(?:\/|\.{1,2}\/|~\/)\S*$/;

function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  const masks = value.replace(/[^*xX]/g, '').length;
  return value.length >= 6 && masks / value.length >= 0.6;
}

/** Upper-case words of a variable name: `dbPassword`, `DB_PASSWORD`, `db.password` → DB, PASSWORD. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

function namesSecret(words: string[], i: number): boolean {
  const w = words[i]!;
  if (SECRET_WORDS.has(w)) return true;
  // PWD alone is the working directory; MYSQL_PWD is a password.
  if (w === 'PWD') return words.length > 1;
  if (w === 'KEY') return i > 0 && KEY_QUALIFIERS.has(words[i - 1]!);
  if (w.endsWith('KEY') && KEY_QUALIFIERS.has(w.slice(0, -3))) return true;
  return SECRET_ENDINGS.some((e) => w.length > e.length && w.endsWith(e));
}

export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  for (let i = words.length - 1; i >= 0; i--) {
    if (namesSecret(words, i)) return true;
    if (!SECRET_TAIL.has(words[i]!)) return false;
  }
  return false;
}

/** Why a value written in the file for a variable looks like a secret, or null. */
export function secretEvidence(name: string, literal: string): SecretEvidence | null {
  const value = literal.trim();
  if (value === '' || FILE_PATH.test(value) || isPlaceholder(value)) return null;
  const url = URL_CREDENTIALS.exec(value);
  if (url?.[1] && !isPlaceholder(url[1])) return 'url-credentials';
  const dsn = CONNECTION_PASSWORD.exec(value);
  if (dsn?.[1] && !isPlaceholder(dsn[1]) && !dsn[1].startsWith('$')) return 'connection-string';
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
