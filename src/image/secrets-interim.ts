/**
 * Interim secret detection, with the same signatures as the shared `src/secrets` module (branch
 * `context`), used until that module reaches main; `secrets.ts` then re-exports the shared one and this
 * file goes away. Deliberately small: known token formats, secret-named keys, secret files by name.
 */

export type SecretConfidence = 'high' | 'medium' | 'low';

export interface SecretMatch {
  kind: string;
  description: string;
  confidence: SecretConfidence;
  start: number;
  end: number;
  redacted: string;
  key?: string;
}

export interface SecretFileKind {
  category: string;
  description: string;
  evidence: 'certain' | 'content' | 'likely';
}

const FORMATS: ReadonlyArray<{ kind: string; description: string; re: RegExp; prefix: RegExp }> = [
  {
    kind: 'github-token',
    description: 'GitHub token',
    re: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
    prefix: /^gh[pousr]_/,
  },
  {
    kind: 'github-token',
    description: 'GitHub token',
    re: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
    prefix: /^github_pat_/,
  },
  {
    kind: 'aws-access-key-id',
    description: 'AWS access key id',
    re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
    prefix: /^(?:AKIA|ASIA)/,
  },
  {
    kind: 'gitlab-token',
    description: 'GitLab token',
    re: /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
    prefix: /^glpat-/,
  },
  {
    kind: 'slack-token',
    description: 'Slack token',
    re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
    prefix: /^xox[abposr]-/,
  },
  { kind: 'npm-token', description: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g, prefix: /^npm_/ },
  {
    kind: 'stripe-key',
    description: 'Stripe key',
    re: /\b[rs]k_live_[A-Za-z0-9]{16,}\b/g,
    prefix: /^[rs]k_live_/,
  },
  {
    kind: 'private-key',
    description: 'private key',
    re: /-----BEGIN[ A-Z0-9]*PRIVATE KEY-----[\s\S]*?(?:-----END[ A-Z0-9]*PRIVATE KEY-----|$)/g,
    prefix: /^-----BEGIN[ A-Z0-9]*PRIVATE KEY-----/,
  },
];

const SECRET_NAME =
  /(?:^|[_.-])(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|auth)(?:$|[_.-])/i;
const NOT_SECRET_NAME =
  /(?:^|[_.-])(?:file|path|dir|url|uri|host|port|user(?:name)?|length|min|max|type|name|id)$/i;
const PLACEHOLDER =
  /^(?:|x+|\*+|<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|null|none|true|false|empty|changeit|example|dummy|your[_-].*|\.\.\.)$/i;

export function redact(value: string): string {
  for (const f of FORMATS) {
    const m = f.prefix.exec(value);
    if (m)
      return m[0].startsWith('-----BEGIN')
        ? `${m[0]}…`
        : `${m[0]}${value.length - m[0].length >= 24 ? value.slice(m[0].length, m[0].length + 3) : ''}…`;
  }
  const n = Array.from(value).length;
  const head = n >= 24 ? 3 : n >= 16 ? 2 : n >= 8 ? 1 : 0;
  return `${Array.from(value).slice(0, head).join('')}…`;
}

function formats(text: string, out: SecretMatch[]): void {
  for (const f of FORMATS) {
    f.re.lastIndex = 0;
    for (let m = f.re.exec(text); m; m = f.re.exec(text))
      out.push({
        kind: f.kind,
        description: f.description,
        confidence: 'high',
        start: m.index,
        end: m.index + m[0].length,
        redacted: redact(m[0]),
      });
  }
}

export function isSecretKeyName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

function judge(key: string, value: string): boolean {
  const v = value.trim();
  if (!isSecretKeyName(key) || v.length < 3 || PLACEHOLDER.test(v)) return false;
  return !/^(?:\/|\.\.?\/|~\/)\S*$/.test(v) && !/^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i.test(v);
}

export function checkKeyValue(key: string, value: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  formats(value, out);
  if (out.length === 0 && judge(key, value)) {
    const start = value.length - value.trimStart().length;
    const end = value.trimEnd().length;
    out.push({
      kind: 'named-secret',
      description: `hard-coded ${key}`,
      confidence: 'medium',
      start,
      end,
      redacted: redact(value.slice(start, end)),
    });
  }
  return out.map((m) => ({ ...m, key }));
}

export function checkValue(value: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  formats(value, out);
  return out;
}

/** Known formats and `NAME=value` / `--password value` assignments of secret-named keys in free text. */
export function scanText(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  formats(text, out);
  const assign =
    /(?:^|[\s;&|"'(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)=("([^"]*)"|'([^']*)'|[^\s;&|"')]+)/g;
  for (let m = assign.exec(text); m; m = assign.exec(text)) {
    const key = m[1]!;
    const raw = m[3] ?? m[4] ?? m[2]!;
    if (!judge(key, raw)) continue;
    const start = m.index + m[0].length - m[2]!.length + (m[3] !== undefined || m[4] !== undefined ? 1 : 0);
    if (out.some((o) => o.start < start + raw.length && start < o.end)) continue;
    out.push({
      kind: 'named-secret',
      description: `hard-coded ${key}`,
      confidence: 'medium',
      start,
      end: start + raw.length,
      redacted: redact(raw),
      key,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const FILE_RULES: ReadonlyArray<{
  test: (base: string, path: string) => boolean;
  kind: Omit<SecretFileKind, 'evidence'>;
  content?: RegExp;
}> = [
  {
    test: (b) => /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(b),
    kind: { category: 'private-key', description: 'SSH private key' },
  },
  {
    test: (b) => /\.(?:pem|key)$/i.test(b) && !/(?:^|[._-])(?:pub|public|cert|chain|ca)(?:[._-]|$)/i.test(b),
    kind: { category: 'private-key', description: 'private key file' },
    content: /PRIVATE KEY/,
  },
  {
    test: (b) => /\.(?:p12|pfx|jks|keystore)$/i.test(b),
    kind: { category: 'keystore', description: 'key store' },
  },
  {
    test: (b) => b === '.git-credentials',
    kind: { category: 'git-credentials', description: 'git credentials' },
  },
  {
    test: (b) => b === '.netrc',
    kind: { category: 'git-credentials', description: '.netrc credentials' },
    content: /password/,
  },
  {
    test: (b) => b === '.npmrc',
    kind: { category: 'package-registry', description: 'npm credentials' },
    content: /_auth(?:Token)?\s*=|_password\s*=/,
  },
  {
    test: (b) => b === '.pypirc',
    kind: { category: 'package-registry', description: 'PyPI credentials' },
    content: /password\s*[=:]/,
  },
  {
    test: (b, p) => b === 'credentials' && p.includes('.aws/'),
    kind: { category: 'cloud-credentials', description: 'AWS credentials' },
  },
  {
    test: (b, p) => b === 'config.json' && p.includes('.docker/'),
    kind: { category: 'docker-config', description: 'Docker registry credentials' },
    content: /"auth"\s*:\s*"[^"]+"/,
  },
  {
    test: (b, p) => b === 'config' && p.includes('.kube/'),
    kind: { category: 'kubeconfig', description: 'kubeconfig' },
    content: /token:|client-key-data:|password:/,
  },
  {
    test: (b) => /^\.env(?:\.[\w-]+)?$/.test(b) && !/(?:example|sample|template|dist|defaults?)$/i.test(b),
    kind: { category: 'env-file', description: 'environment file' },
    content: /^\s*(?:export\s+)?\w*(?:PASS|SECRET|TOKEN|KEY)\w*\s*=\s*\S/im,
  },
];

export function secretFileKind(path: string, content?: string): SecretFileKind | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const rule of FILE_RULES) {
    if (!rule.test(base, path)) continue;
    if (!rule.content) return { ...rule.kind, evidence: 'certain' };
    if (content === undefined) return { ...rule.kind, evidence: 'likely' };
    if (rule.content.test(content)) return { ...rule.kind, evidence: 'content' };
  }
  return null;
}
