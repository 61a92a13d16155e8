import type { Span } from '../../../core/positions.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';
import type { ShellCommand, ShellWord } from '../../../dockerfile/shell-ast.js';
import { checkValue, isPlaceholder, redact } from '../../../secrets/index.js';
import { mayHoldToken } from './secret-prefilter.js';
import type { SecretValue } from './secret-values.js';

/**
 * Secrets written on command lines (RUN, CMD, ENTRYPOINT, HEALTHCHECK): they are stored in the image
 * history or config, whatever the command does with them. Options that take a password or token,
 * program-specific forms (`mysql -pX`, `curl -u user:pass`, `docker login -p`, `aws configure set`,
 * `echo user:pass | chpasswd`), and known token formats or URL passwords in any literal word.
 */

/** Long or single-dash options whose value is a secret. */
const SECRET_OPTIONS = new Set([
  'password',
  'passwd',
  'pass',
  'token',
  'api-key',
  'apikey',
  'api-token',
  'auth-token',
  'access-token',
  'secret',
  'client-secret',
  'secret-key',
  'secret-access-key',
  'aws-secret-access-key',
  'http-password',
  'ftp-password',
  'proxy-password',
  'db-password',
  'admin-password',
  'root-password',
  'storepass',
  'keypass',
  'srcstorepass',
  'deststorepass',
  'registry-password',
]);

/** Every name in SECRET_OPTIONS contains one of these. */
const OPTION_HINT = /pass|token|secret|key/i;

/** Programs where `-p VALUE` is a password in `login` (elsewhere `-p` is a port, a parent folder, …). */
const DASH_P_PASSWORD = new Set([
  'docker',
  'podman',
  'buildah',
  'skopeo',
  'helm',
  'az',
  'oras',
  'crane',
  'nerdctl',
  'oc',
]);
/** Programs taking `-pPASSWORD` glued (a separate word after `-p` means "ask"). */
const GLUED_P = new Set([
  'mysql',
  'mysqldump',
  'mysqladmin',
  'mariadb',
  'mariadb-dump',
  'mysqlimport',
  'mysqlshow',
]);
/** `aws configure set <key> <value>` keys holding a secret. */
const AWS_SECRET_KEYS = /^(?:(?:[\w-]+\.)?aws_secret_access_key|(?:[\w-]+\.)?aws_session_token)$/;
/** `npm config set <key> <value>` keys holding a token. */
const NPM_SECRET_KEY = /(?:^|:)_(?:authToken|auth|password)$|^npmAuthToken$/;

const cache = new WeakMap<DockerfileAnalysis, SecretValue[]>();

export function commandLineSecrets(model: DockerfileAnalysis): SecretValue[] {
  let found = cache.get(model);
  if (found) return found;
  found = [];
  const text = model.file.text;
  for (const top of model.file.instructions) {
    const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
    const commands = model.commandsOf(inst)?.commands;
    if (!commands) continue;
    const seen = new Set<number>();
    const add = (
      word: ShellWord,
      from: number,
      carrier: string,
      value: string,
      kind = 'command-line-secret',
      description = 'a password',
    ) => {
      const span = spanIn(text, word, from);
      if (seen.has(span.start)) return;
      seen.add(span.start);
      found!.push({
        place: 'command',
        instruction: inst,
        name: null,
        span,
        carrier,
        match: { kind, description, confidence: 'medium', redacted: redact(value) },
      });
    };
    for (const cmd of commands) readCommand(cmd, commands, add);
    // Known token formats and URL passwords in any literal word.
    for (const cmd of commands)
      for (const w of cmd.words) {
        const v = w.value ?? (w.text.includes('$') ? null : w.text);
        if (!v || seen.has(w.start) || !mayHoldToken(v)) continue;
        for (const m of checkValue(v)) {
          if (m.confidence === 'low') continue;
          const span = subSpan(text, w, m.start, m.end);
          if ([...seen].some((s) => s >= span.start && s < span.end)) continue;
          seen.add(span.start);
          found.push({
            place: 'command',
            instruction: inst,
            name: null,
            span,
            carrier: m.kind === 'url-credentials' ? 'a URL' : (cmd.program ?? 'a command'),
            match: { ...m, description: withArticle(m.description) },
          });
        }
      }
  }
  cache.set(model, found);
  return found;
}

type Add = (
  word: ShellWord,
  from: number,
  carrier: string,
  value: string,
  kind?: string,
  description?: string,
) => void;

/** A literal, real-looking secret (not a variable, a file reference, stdin or a placeholder). */
function isLiteralSecret(value: string | null): value is string {
  if (value === null || value.length === 0 || value.includes('$')) return false;
  if (value === '-' || /^(?:\/|\.\/|~\/|file:|env:|fd:|stdin$)/.test(value)) return false;
  // `ffmpeg -pass 1`, `--secret id=x,src=y` (a BuildKit secret spec): not secrets.
  if (/^\d{1,2}$/.test(value) || /^(?:id|src|source|env|type|target)=/.test(value)) return false;
  // Published credentials of anonymous access (`svn --password public`).
  if (/^(?:public|anonymous|guest)$/i.test(value)) return false;
  return !isPlaceholder(value);
}

function readCommand(cmd: ShellCommand, all: readonly ShellCommand[], add: Add): void {
  const p = cmd.program;
  if (!p) return;
  if (p === 'sshpass') {
    readSshpass(cmd, add);
    return;
  }
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === null || !v.startsWith('-')) continue;
    const m = OPTION_HINT.test(v) ? /^--?([A-Za-z][\w-]*)(?:=(.*))?$/s.exec(v) : null;
    if (m && SECRET_OPTIONS.has(m[1]!.toLowerCase())) {
      const name = m[1]!;
      if (m[2] !== undefined) {
        if (isLiteralSecret(m[2]) && !isPassSpec(m[2])) add(w, v.length - m[2].length, `--${name}`, m[2]);
      } else if (!GLUED_P.has(p)) {
        // mysql --password (no `=`) prompts; the next word is something else.
        const next = args[i + 1];
        const nv = next?.value ?? null;
        if (next && !nv?.startsWith('-') && isLiteralSecret(nv) && !isPassSpec(nv))
          add(next, 0, `--${name}`, nv);
      }
      continue;
    }
    // openssl -passin/-passout pass:SECRET
    if ((v === '-passin' || v === '-passout' || v === '-pass') && p === 'openssl') {
      const nv = args[i + 1]?.value ?? null;
      if (nv?.startsWith('pass:') && isLiteralSecret(nv.slice(5))) add(args[i + 1]!, 5, v, nv.slice(5));
      continue;
    }
    if (GLUED_P.has(p) && /^-p.+/.test(v) && !v.startsWith('--')) {
      if (isLiteralSecret(v.slice(2))) add(w, 2, `${p} -p`, v.slice(2));
      continue;
    }
    if (v === '-p' && DASH_P_PASSWORD.has(p) && args.some((a) => a.value === 'login')) {
      const nv = args[i + 1]?.value ?? null;
      if (isLiteralSecret(nv)) add(args[i + 1]!, 0, `${p} -p`, nv);
      continue;
    }
    if (p === 'redis-cli' && v === '-a') {
      const nv = args[i + 1]?.value ?? null;
      if (isLiteralSecret(nv)) add(args[i + 1]!, 0, 'redis-cli -a', nv);
      continue;
    }
    if (
      (p === 'curl' && (v === '-u' || v === '--user' || v === '--proxy-user' || v === '-U')) ||
      (p === 'curl' && /^-u.+/.test(v))
    ) {
      const glued = /^-u.+/.test(v);
      const word = glued ? w : args[i + 1];
      const userPass = glued ? v.slice(2) : (word?.value ?? null);
      if (!word || !userPass) continue;
      const colon = userPass.indexOf(':');
      const pass = colon === -1 ? '' : userPass.slice(colon + 1);
      if (isLiteralSecret(pass)) add(word, (glued ? 2 : 0) + colon + 1, `curl ${glued ? '-u' : v}`, pass);
    }
  }
  if (p === 'htpasswd' && args.some((a) => a.value !== null && /^-[a-zA-Z]*b/.test(a.value))) {
    const positionals = args.filter((a) => a.value === null || !a.value.startsWith('-'));
    const pass = positionals[positionals.length - 1];
    if (positionals.length >= 3 && isLiteralSecret(pass?.value ?? null))
      add(pass!, 0, 'htpasswd -b', pass!.value!);
  }
  if (p === 'aws' && args[0]?.value === 'configure' && args[1]?.value === 'set') {
    const key = args[2]?.value ?? '';
    const value = args[3]?.value ?? null;
    if (AWS_SECRET_KEYS.test(key) && isLiteralSecret(value))
      add(args[3]!, 0, `aws configure set ${key}`, value);
  }
  if ((p === 'npm' || p === 'yarn' || p === 'pnpm') && args.some((a) => a.value === 'set')) {
    const at = args.findIndex((a) => a.value === 'set');
    const keyWord = args[at + 1];
    const key = keyWord?.value ?? '';
    const eq = key.indexOf('=');
    if (eq !== -1 && NPM_SECRET_KEY.test(key.slice(0, eq)) && isLiteralSecret(key.slice(eq + 1)))
      add(keyWord!, eq + 1, `${p} config`, key.slice(eq + 1));
    else if (NPM_SECRET_KEY.test(key) && isLiteralSecret(args[at + 2]?.value ?? null))
      add(args[at + 2]!, 0, `${p} config`, args[at + 2]!.value!);
  }
  // `echo S3cret | docker login --password-stdin`: stdin is fed from a literal.
  if (cmd.pipeline.index > 0 && args.some((a) => a.value === '--password-stdin')) {
    const feeder = all.find(
      (c) => c.pipeline.id === cmd.pipeline.id && c.pipeline.index === cmd.pipeline.index - 1,
    );
    if (feeder && (feeder.program === 'echo' || feeder.program === 'printf')) {
      const literal = feeder.args.find((a) => a.value !== null && !a.value.startsWith('-'));
      if (literal && isLiteralSecret(literal.value))
        add(literal, 0, `echo … | ${p} --password-stdin`, literal.value!);
    }
  }
  if ((p === 'chpasswd' || p === 'passwd') && cmd.pipeline.length > 1 && cmd.pipeline.index > 0) {
    const feeder = all.find(
      (c) => c.pipeline.id === cmd.pipeline.id && c.pipeline.index === cmd.pipeline.index - 1,
    );
    if (feeder && (feeder.program === 'echo' || feeder.program === 'printf')) {
      for (const a of feeder.args) {
        const v = a.value;
        if (v === null || v.startsWith('-')) continue;
        const colon = v.indexOf(':');
        const pass =
          p === 'chpasswd' ? (colon === -1 ? null : v.slice(colon + 1).split('\n')[0]!) : v.split('\n')[0]!;
        if (isLiteralSecret(pass) && !/\\n/.test(pass))
          add(a, p === 'chpasswd' ? colon + 1 : 0, p, pass, 'account-password', 'an account password');
      }
    }
  }
}

/** "GitHub token" → "a GitHub token" (for messages). */
export function withArticle(description: string): string {
  if (/^(?:a|an|the)\s/i.test(description)) return description;
  return `${/^[aeiou]/i.test(description) ? 'an' : 'a'} ${description}`;
}

/** `sshpass -p X cmd …`: only sshpass's own options, before the command it runs. */
function readSshpass(cmd: ShellCommand, add: Add): void {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null || !v.startsWith('-')) return;
    if (v === '-p') {
      const nv = args[i + 1]?.value ?? null;
      if (isLiteralSecret(nv)) add(args[i + 1]!, 0, 'sshpass -p', nv);
      return;
    }
    if (/^-p./.test(v)) {
      if (isLiteralSecret(v.slice(2))) add(args[i]!, 2, 'sshpass -p', v.slice(2));
      return;
    }
    if (v === '-f' || v === '-d' || v === '-P') i++;
  }
}

/** `pass:X` handled separately; `env:`/`file:` forms are references. */
function isPassSpec(value: string): boolean {
  return /^(?:env|file|fd|stdin):/.test(value);
}

/** Source span of a word's value from character `from` on (the whole word when it cannot be traced). */
function spanIn(text: string, word: ShellWord, from: number): Span {
  return subSpan(text, word, from, (word.value ?? word.text).length);
}

/**
 * Source span of characters [start, end) of a word's value. Exact when the word is written without
 * quotes or wholly inside one pair of quotes; otherwise the whole word, so nothing of the value leaks.
 */
function subSpan(text: string, word: ShellWord, start: number, end: number): Span {
  const value = word.value ?? word.text;
  const source = text.slice(word.start, word.end);
  if (source === value) return { start: word.start + start, end: word.start + end };
  if (source.length === value.length + 2 && /^(["']).*\1$/s.test(source) && source.slice(1, -1) === value)
    return { start: word.start + 1 + start, end: word.start + 1 + end };
  return { start: word.start, end: word.end };
}

export type { Instruction };
