import type { ShellCommand, ShellWord } from '../../../dockerfile/shell-ast.js';

/**
 * What turns off TLS or signature verification in a build: command options, configuration commands
 * and environment variables. Pure functions over commands and name/value pairs.
 */

export interface TlsProblem {
  /** Where it is written: an option word or a whole `NAME=value` assignment. */
  word: { start: number; end: number } | null;
  /** What the user wrote, for the message (`curl -k`, `pip --trusted-host`). */
  what: string;
  /** Which check goes away. */
  check: string;
}

const TLS = 'TLS certificate verification';
const SIGNATURES = 'package signature verification';
const HOST_KEYS = 'SSH host key verification';

/** Every option or value the loop over arguments below looks for contains one of these. */
const ARG_HINT =
  /insecure|tls-verify|verify-ssl|trusted=|Acquire::|AllowUnauth|StrictHostKey|check-certificate|allow-unauthenticated|allow-insecure|allow-untrusted|gpgcheck|gpg-checks|nosignature|nodigest|sslverify|ssl_verify|secure-http|disable-tls/i;

/** curl short options that take a value: in a cluster, the rest of the word (or the next word) is it. */
const CURL_VALUE_SHORT = 'AbcCdDeEFHKmoPQrtTuUwxXyYz';
const LOCAL_HOST = /^https?:\/\/(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|host\.docker\.internal)(?:[:/]|$)/i;

/** An `http://` URL that is not on the build machine itself. */
export function isPlainHttp(url: string): boolean {
  return /^http:\/\//i.test(url) && !LOCAL_HOST.test(url);
}

function falseish(v: string): boolean {
  return /^(?:false|0|no|off)$/i.test(v.trim());
}

function curl(cmd: ShellCommand, out: TlsProblem[]): void {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null) continue;
    if (v === '--insecure' || v === '--proxy-insecure') {
      out.push({ word: args[i]!, what: `curl ${v}`, check: TLS });
      continue;
    }
    if (!/^-[A-Za-z0-9]/.test(v)) continue;
    for (let k = 1; k < v.length; k++) {
      const c = v[k]!;
      if (c === 'k') {
        out.push({ word: args[i]!, what: 'curl -k', check: TLS });
        break;
      }
      if (CURL_VALUE_SHORT.includes(c)) {
        if (k === v.length - 1) i++;
        break;
      }
    }
  }
}

/** pip's own arguments (`pip install …`, `python -m pip install …`). */
function pipArgs(cmd: ShellCommand): ShellWord[] | null {
  const p = cmd.program ?? '';
  if (/^pip(?:\d(?:\.\d+)?)?$/.test(p)) return cmd.args;
  if (
    /^python(?:\d(?:\.\d+)?)?$/.test(p) &&
    cmd.args[0]?.value === '-m' &&
    /^pip\d?$/.test(cmd.args[1]?.value ?? '')
  )
    return cmd.args.slice(2);
  return null;
}

function pip(cmd: ShellCommand, args: ShellWord[], out: TlsProblem[]): void {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null) continue;
    const [name, inline] =
      v.startsWith('--') && v.includes('=')
        ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]
        : [v, null];
    if (name === '--trusted-host') out.push({ word: args[i]!, what: 'pip --trusted-host', check: TLS });
    else if (name === '-i' || name === '--index-url' || name === '--extra-index-url' || /^-i.+/.test(name)) {
      const url = inline ?? (/^-i.+/.test(name) ? name.slice(2) : (args[i + 1]?.value ?? ''));
      if (isPlainHttp(url))
        out.push({
          word: inline !== null || /^-i.+/.test(name) ? args[i]! : args[i + 1]!,
          what: `pip ${name.slice(0, 2) === '-i' ? '-i' : name} http://…`,
          check: TLS,
        });
    }
  }
  // pip config set global.trusted-host … / global.index-url http://…
  const at = args.findIndex((a) => a.value === 'config');
  if (at !== -1 && args[at + 1]?.value === 'set') {
    const key = args[at + 2]?.value ?? '';
    const value = args[at + 3]?.value ?? '';
    if (/(?:^|\.)trusted-host$/.test(key))
      out.push({ word: args[at + 2]!, what: `pip config set ${key}`, check: TLS });
    else if (/(?:^|\.)(?:extra-)?index-url$/.test(key) && isPlainHttp(value))
      out.push({ word: args[at + 3]!, what: `pip config set ${key} http://…`, check: TLS });
  }
  void cmd;
}

/** `npm config set strict-ssl false`, `yarn config set registry http://…`, `npm install --registry=http://…`. */
function npm(cmd: ShellCommand, out: TlsProblem[]): void {
  const p = cmd.program!;
  const args = cmd.args;
  const setAt = args.findIndex((a) => a.value === 'set');
  if (setAt !== -1) {
    let key = args[setAt + 1]?.value ?? '';
    let value = args[setAt + 2]?.value ?? '';
    let valueWord = args[setAt + 2] ?? args[setAt + 1];
    if (key.includes('=')) {
      value = key.slice(key.indexOf('=') + 1);
      key = key.slice(0, key.indexOf('='));
      valueWord = args[setAt + 1];
    }
    if ((key === 'strict-ssl' || key === 'enableStrictSsl') && falseish(value))
      out.push({ word: args[setAt + 1]!, what: `${p} config set ${key} false`, check: TLS });
    else if ((key === 'registry' || key === 'npmRegistryServer') && isPlainHttp(value))
      out.push({ word: valueWord!, what: `${p} config set ${key} http://…`, check: TLS });
  }
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value ?? '';
    if (v === '--strict-ssl=false' || (v === '--strict-ssl' && falseish(args[i + 1]?.value ?? ''))) {
      out.push({ word: args[i]!, what: `${p} --strict-ssl false`, check: TLS });
    } else if (v.startsWith('--registry')) {
      const url = v.includes('=') ? v.slice(v.indexOf('=') + 1) : (args[i + 1]?.value ?? '');
      if (isPlainHttp(url)) out.push({ word: args[i]!, what: `${p} --registry http://…`, check: TLS });
    }
  }
}

function git(cmd: ShellCommand, out: TlsProblem[]): void {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value ?? '';
    if (v === '-c') {
      const kv = args[i + 1]?.value ?? '';
      const m = /^http(?:\.[^=]*)?\.sslverify=(.*)$/i.exec(kv);
      if (m && falseish(m[1]!))
        out.push({ word: args[i + 1]!, what: 'git -c http.sslVerify=false', check: TLS });
    }
  }
  const at = args.findIndex((a) => a.value === 'config');
  if (at !== -1) {
    const rest = args.slice(at + 1).filter((a) => !(a.value ?? '').startsWith('--'));
    const key = rest[0]?.value ?? '';
    if (/^http(?:\..*)?\.sslverify$/i.test(key) && falseish(rest[1]?.value ?? ''))
      out.push({ word: rest[0]!, what: `git config ${key} false`, check: TLS });
  }
}

/** Problems in one RUN command (wrappers and `sh -c` bodies come as commands of their own). */
export function tlsProblemsOf(cmd: ShellCommand): TlsProblem[] {
  const out: TlsProblem[] = [];
  for (const a of cmd.assignments) {
    const p = envProblem(a.name, a.value?.value ?? null);
    if (p) out.push({ word: a, what: `${a.name}=${a.value?.value ?? ''}`, check: p });
  }
  const p = cmd.program;
  if (!p) return out;
  const args = cmd.args;
  if (p === 'export' || p === 'env') {
    for (const a of args) {
      const v = a.value ?? '';
      const eq = v.indexOf('=');
      if (eq <= 0) continue;
      const check = envProblem(v.slice(0, eq), v.slice(eq + 1));
      if (check) out.push({ word: a, what: v, check });
    }
  }
  if (p === 'curl') curl(cmd, out);
  const pa = pipArgs(cmd);
  if (pa) pip(cmd, pa, out);
  if (p === 'npm' || p === 'yarn' || p === 'pnpm') npm(cmd, out);
  if (p === 'git') git(cmd, out);
  for (const a of args) {
    const v = a.value;
    if (v === null || !ARG_HINT.test(v)) continue;
    if (p === 'wget' && v === '--no-check-certificate')
      out.push({ word: a, what: 'wget --no-check-certificate', check: TLS });
    else if (
      v === '--insecure-skip-tls-verify' ||
      v === '--insecure-skip-tls-verify=true' ||
      /^--tls-verify=(?:false|0)$/.test(v) ||
      v === '--no-verify-ssl'
    )
      out.push({ word: a, what: `${p} ${v}`, check: TLS });
    else if (p === 'conda' && v === 'ssl_verify' && falseish(args[args.indexOf(a) + 1]?.value ?? ''))
      out.push({ word: a, what: 'conda config --set ssl_verify false', check: TLS });
    else if (p === 'composer' && (v === 'secure-http' || v === 'disable-tls')) {
      const next = args[args.indexOf(a) + 1]?.value ?? '';
      if (v === 'secure-http' ? falseish(next) : /^(?:true|1)$/.test(next))
        out.push({ word: a, what: `composer config ${v} ${next}`, check: TLS });
    } else if (
      (p === 'apt-get' || p === 'apt' || p === 'aptitude') &&
      (v === '--allow-unauthenticated' ||
        v === '--allow-insecure-repositories' ||
        /^--?(?:o\s*)?.*AllowUnauthenticated(?:=|\s+)(?:true|1|yes)/i.test(v))
    )
      out.push({ word: a, what: `${p} ${v}`, check: SIGNATURES });
    else if (
      (p === 'apt-get' || p === 'apt') &&
      /Acquire::https?::Verify-(?:Peer|Host)(?:=|\s+)"?false/i.test(v)
    )
      out.push({ word: a, what: `${p} -o ${v.replace(/^-o/, '')}`, check: TLS });
    else if (p === 'apk' && v === '--allow-untrusted' && args[0]?.value !== 'index')
      // `apk index --allow-untrusted` indexes packages built in the same step: nothing is downloaded.
      out.push({ word: a, what: 'apk --allow-untrusted', check: SIGNATURES });
    else if (
      (p === 'yum' || p === 'dnf' || p === 'microdnf' || p === 'tdnf') &&
      (v === '--nogpgcheck' || /^--setopt=.*gpgcheck=(?:0|false)$/i.test(v))
    )
      out.push({ word: a, what: `${p} ${v}`, check: SIGNATURES });
    else if ((p === 'yum' || p === 'dnf') && /^--setopt=.*sslverify=(?:0|false)$/i.test(v))
      out.push({ word: a, what: `${p} ${v}`, check: TLS });
    else if (p === 'zypper' && v === '--no-gpg-checks')
      out.push({ word: a, what: 'zypper --no-gpg-checks', check: SIGNATURES });
    else if (p === 'rpm' && (v === '--nosignature' || v === '--nodigest'))
      out.push({ word: a, what: `rpm ${v}`, check: SIGNATURES });
    else if (
      (p === 'ssh' || p === 'scp' || p === 'sftp' || p === 'rsync' || p === 'git') &&
      /StrictHostKeyChecking[= ]?(?:no|off)/i.test(v)
    )
      out.push({ word: a, what: 'StrictHostKeyChecking=no', check: HOST_KEYS });
    else if (p === 'go' && v === '-insecure') out.push({ word: a, what: 'go get -insecure', check: TLS });
    else if (/\[[^\]]*trusted=yes[^\]]*\]/.test(v))
      out.push({ word: a, what: 'an APT source with [trusted=yes]', check: SIGNATURES });
  }
  return out;
}

/** ENV variables (also assignments and `export`) that turn verification off, by name and value. */
export function envProblem(name: string, value: string | null): string | null {
  const v = (value ?? '').trim();
  const upper = name.toUpperCase();
  switch (upper) {
    case 'NODE_TLS_REJECT_UNAUTHORIZED':
      return v === '0' ? TLS : null;
    case 'PYTHONHTTPSVERIFY':
      return v === '0' ? TLS : null;
    case 'GIT_SSL_NO_VERIFY':
      return v !== '' && !falseish(v) ? TLS : null;
    case 'NPM_CONFIG_STRICT_SSL':
      return falseish(v) ? TLS : null;
    case 'PIP_TRUSTED_HOST':
      return v !== '' ? TLS : null;
    case 'PIP_INDEX_URL':
    case 'PIP_EXTRA_INDEX_URL':
    case 'NPM_CONFIG_REGISTRY':
    case 'YARN_REGISTRY':
      return v.split(/\s+/).some(isPlainHttp) ? TLS : null;
    case 'CURL_CA_BUNDLE':
    case 'REQUESTS_CA_BUNDLE':
      // An empty bundle makes python-requests skip verification.
      return value !== null && v === '' ? TLS : null;
    case 'GOINSECURE':
      return v !== '' ? TLS : null;
    case 'GIT_SSH_COMMAND':
      return /StrictHostKeyChecking[= ]?(?:no|off)/i.test(v) ? HOST_KEYS : null;
    default:
      return null;
  }
}
