import { looksRandom } from './entropy.js';
import { TOKEN_FORMATS } from './formats.js';
import { isNonSecretName } from './keys.js';
import { type AllowList, compileAllowList, isPlaceholder } from './placeholders.js';
import { redact } from './redact.js';
import type { SecretConfidence, SecretMatch, SecretScanOptions } from './types.js';
import { judgeNamedValue } from './values.js';

const RANK: Record<SecretConfidence, number> = { high: 3, medium: 2, low: 1 };

/** `scheme://user:password@host`: the password is the secret. */
const URL_CREDENTIALS =
  /(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\/(?<user>[^\s:/?#@"'<>[\]]{1,128}):(?<secret>[^\s/?#@"'<>]{1,256})@(?<host>[^\s/?#"'<>:]+)/g;
const PLACEHOLDER_HOST = /^(?:example\.(?:com|org|net)|host|hostname|server|domain\.com|\$\{?\w+\}?)$/i;

/** Lines worth reading as assignments contain one of these (case-insensitive). */
const NAME_HINT = /pass|pwd|secret|token|key|auth|cred|salt|sig|bearer|dsn/gi;
/** `name = value` forms: env, YAML, JSON, INI, properties, code (`:=`, `=>`), CLI flags (`--name=value`). */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.]|\$\{)(["']?)(?<name>[A-Za-z_][A-Za-z0-9_.-]{0,80})\1\]?\s*(?::=|=>|=|:(?!\/\/))\s*(?:(?<q>["'])(?<quoted>(?:\\.|(?!\k<q>)[^\\\n]){0,512})\k<q>|(?<bare>[^\s"',;]{1,512}))/g;
const MAX_ASSIGNMENT_LINE = 8192;

interface Context {
  text: string;
  allowed: AllowList;
  options: SecretScanOptions;
  out: SecretMatch[];
}

function push(ctx: Context, m: Omit<SecretMatch, 'redacted'>): void {
  const value = ctx.text.slice(m.start, m.end);
  if (ctx.allowed(value)) return;
  ctx.out.push({ ...m, redacted: redact(value) });
}

/** Patterns compiled once with match indices (scanning is synchronous, so sharing `lastIndex` is safe). */
const FORMAT_PATTERNS = TOKEN_FORMATS.map(
  (f) => new RegExp(f.pattern.source, `${f.pattern.flags.replace(/[dg]/g, '')}gd`),
);
const URL_PATTERN = new RegExp(URL_CREDENTIALS.source, 'gd');
const ASSIGNMENT_PATTERN = new RegExp(ASSIGNMENT.source, 'gd');
const HINT_PATTERN = new RegExp(NAME_HINT.source, 'gi');
const ANY_ASSIGNMENT = /[=:]/g;

function scanFormats(ctx: Context): void {
  const { text } = ctx;
  for (let f = 0; f < TOKEN_FORMATS.length; f++) {
    const format = TOKEN_FORMATS[f]!;
    if (!format.keywords.some((k) => text.includes(k))) continue;
    const pattern = FORMAT_PATTERNS[f]!;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const range = m.indices?.groups?.secret ?? m.indices![0]!;
      const secret = text.slice(range[0], range[1]);
      if (format.validate && !format.validate(format.id === 'private-key' ? m[0] : secret)) continue;
      if (format.id !== 'private-key' && isPlaceholder(secret)) continue;
      push(ctx, {
        kind: format.id,
        description: format.description,
        confidence: format.confidence,
        start: range[0],
        end: range[1],
      });
    }
  }
}

function scanUrlCredentials(ctx: Context): void {
  const { text } = ctx;
  if (!text.includes('://')) return;
  const pattern = URL_PATTERN;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const range = m.indices!.groups!.secret!;
    const password = text.slice(range[0], range[1]);
    if (isPlaceholder(password) || password.includes('$') || PLACEHOLDER_HOST.test(m.groups!.host!)) continue;
    // `guest:guest@`, `airflow:airflow@`: a service's default account, usually on a private network.
    const defaultAccount = password === m.groups!.user || password === 'guest';
    push(ctx, {
      kind: 'url-credentials',
      description: 'password in a URL',
      confidence: defaultAccount ? 'low' : 'medium',
      start: range[0],
      end: range[1],
    });
  }
}

function scanAssignments(ctx: Context): void {
  const { text } = ctx;
  const code = ctx.options.style === 'code';
  const seenLines = new Set<number>();
  // Entropy looks at every name; otherwise only lines whose text hints at a secret name are read.
  const hints = ctx.options.entropy ? ANY_ASSIGNMENT : HINT_PATTERN;
  hints.lastIndex = 0;
  const readLine = (lineStart: number, lineEnd: number) => {
    const line = text.slice(lineStart, lineEnd);
    const pattern = ASSIGNMENT_PATTERN;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m !== null; m = pattern.exec(line)) {
      const g = m.groups!;
      const name = g.name!;
      const quoted = g.quoted !== undefined;
      if (code && !quoted) continue;
      const range = m.indices!.groups![quoted ? 'quoted' : 'bare']!;
      const value = line.slice(range[0], range[1]);
      const verdict = judgeNamedValue(name, value);
      const start = lineStart + range[0];
      const end = lineStart + range[1];
      if (verdict === 'secret')
        push(ctx, {
          kind: 'named-secret',
          description: `hard-coded ${name}`,
          confidence: 'medium',
          start,
          end,
          key: name,
        });
      else if (verdict === 'random')
        push(ctx, {
          kind: 'named-secret',
          description: `hard-coded ${name}`,
          confidence: 'low',
          start,
          end,
          key: name,
        });
      else if (ctx.options.entropy && !isNonSecretName(name) && looksRandom(value))
        push(ctx, {
          kind: 'high-entropy',
          description: 'random-looking value',
          confidence: 'low',
          start,
          end,
          key: name,
        });
    }
  };
  for (let h = hints.exec(text); h !== null; h = hints.exec(text)) {
    const lineStart = text.lastIndexOf('\n', h.index) + 1;
    if (seenLines.has(lineStart)) continue;
    seenLines.add(lineStart);
    let lineEnd = text.indexOf('\n', h.index);
    if (lineEnd === -1) lineEnd = text.length;
    hints.lastIndex = lineEnd;
    if (lineEnd - lineStart <= MAX_ASSIGNMENT_LINE) readLine(lineStart, lineEnd);
  }
}

/** Keeps the strongest of overlapping matches (known formats over names over entropy), in text order. */
function resolveOverlaps(matches: SecretMatch[]): SecretMatch[] {
  const sorted = [...matches].sort(
    (a, b) => RANK[b.confidence] - RANK[a.confidence] || a.start - b.start || b.end - a.end,
  );
  const kept: SecretMatch[] = [];
  for (const m of sorted) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds secrets in free text (a file, a RUN line, a history entry): known token formats, passwords in
 * URLs, and hard-coded values of secret-named keys (`PASSWORD=…`, `"api_key": "…"`). With
 * `entropy: true`, random-looking values of other keys are reported too, with low confidence.
 */
export function scanText(text: string, options: SecretScanOptions = {}): SecretMatch[] {
  const ctx: Context = { text, allowed: compileAllowList(options.allow), options, out: [] };
  scanFormats(ctx);
  scanUrlCredentials(ctx);
  scanAssignments(ctx);
  return resolveOverlaps(ctx.out);
}

/**
 * Finds secrets in a value with no name (a label, a command argument): known formats and URL passwords,
 * and with `entropy: true` a value that looks random as a whole.
 */
export function checkValue(value: string, options: SecretScanOptions = {}): SecretMatch[] {
  const ctx: Context = { text: value, allowed: compileAllowList(options.allow), options, out: [] };
  scanFormats(ctx);
  scanUrlCredentials(ctx);
  if (ctx.out.length === 0 && options.entropy && looksRandom(value.trim()))
    push(ctx, {
      kind: 'high-entropy',
      description: 'random-looking value',
      confidence: 'low',
      start: 0,
      end: value.length,
    });
  return resolveOverlaps(ctx.out);
}

/**
 * Judges a named value: Dockerfile `ARG`/`ENV`, a compose `environment` entry, an image's ENV or label.
 * Known formats inside the value come first; then the name (`DB_PASSWORD=hunter2` is a hard-coded
 * password, `PASSWORD_FILE=/run/secrets/db` is not); then, with `entropy: true`, a random-looking value
 * of a neutral name. Offsets are into `value`.
 */
export function checkKeyValue(key: string, value: string, options: SecretScanOptions = {}): SecretMatch[] {
  const ctx: Context = { text: value, allowed: compileAllowList(options.allow), options, out: [] };
  scanFormats(ctx);
  scanUrlCredentials(ctx);
  if (ctx.out.length === 0) {
    const verdict = judgeNamedValue(key, value);
    const start = value.length - value.trimStart().length;
    const end = value.trimEnd().length;
    if (verdict !== null)
      push(ctx, {
        kind: 'named-secret',
        description: `hard-coded ${key}`,
        confidence: verdict === 'secret' ? 'medium' : 'low',
        start,
        end,
      });
    else if (options.entropy && !isNonSecretName(key) && looksRandom(value.trim()))
      push(ctx, { kind: 'high-entropy', description: 'random-looking value', confidence: 'low', start, end });
  }
  return resolveOverlaps(ctx.out).map((m) => ({ ...m, key }));
}
