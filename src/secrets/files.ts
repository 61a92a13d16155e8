/**
 * Secret-bearing files recognised by name: private keys, environment files, registry and cloud
 * credentials, kubeconfigs, git credentials. `secretFileKind` is a pure function of the path (and,
 * for files that hold a secret only sometimes, such as `.npmrc`, of their content when given).
 */

export type SecretFileCategory =
  | 'private-key'
  | 'env-file'
  | 'package-registry'
  | 'cloud-credentials'
  | 'kubeconfig'
  | 'git-credentials'
  | 'ssh'
  | 'keystore'
  | 'password-store'
  | 'terraform-state'
  | 'history'
  | 'docker-config';

export interface SecretFileKind {
  category: SecretFileCategory;
  /** What the file is, for people. */
  description: string;
  /**
   * `certain`: the name alone says it holds a secret (`id_rsa`, `.git-credentials`); `content`: the
   * content was checked and holds one (`.npmrc` with `_authToken`); `likely`: the name says so but the
   * content was not given.
   */
  evidence: 'certain' | 'content' | 'likely';
}

interface NameRule {
  test: (base: string, path: string) => boolean;
  kind: Omit<SecretFileKind, 'evidence'>;
  /** When present, the file holds a secret only when its content matches. */
  content?: RegExp;
}

const ENV_EXAMPLE = /(?:^|[._-])(?:example|sample|template|dist|defaults?|tpl|schema)(?:$|[._-])/i;
const PRIVATE_KEY_EXT = /\.(?:pem|key|p12|pfx|ppk|asc|gpg|pgp|jks|keystore|kdbx|p8)$/i;

const RULES: readonly NameRule[] = [
  {
    test: (b) => /^id_(?:rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk|xmss)$/.test(b),
    kind: { category: 'private-key', description: 'SSH private key' },
  },
  {
    test: (b) => /\.(?:ppk)$/i.test(b),
    kind: { category: 'private-key', description: 'PuTTY private key' },
  },
  {
    // Certificates and public keys share these extensions: the content decides when it is given.
    test: (b) =>
      /\.(?:pem|key|p8)$/i.test(b) &&
      !/\.pub\.pem$|(?:^|[._-])(?:pub|public|cert|chain|fullchain|ca)(?:[._-]|$)/i.test(b),
    kind: { category: 'private-key', description: 'private key file' },
    content: /PRIVATE KEY/,
  },
  {
    test: (b) => /\.(?:p12|pfx)$/i.test(b),
    kind: { category: 'keystore', description: 'PKCS#12 key store' },
  },
  {
    test: (b) => /\.(?:jks|keystore)$/i.test(b),
    kind: { category: 'keystore', description: 'Java key store' },
  },
  {
    test: (b) => /\.kdbx$/i.test(b),
    kind: { category: 'password-store', description: 'KeePass database' },
  },
  {
    test: (b) => /^(?:secring\.(?:gpg|kbx)|private-keys-v1\.d)$/.test(b) || /\.(?:gpg|asc)$/i.test(b),
    kind: { category: 'private-key', description: 'GnuPG secret key' },
    content: /PGP PRIVATE KEY BLOCK|^\x95|^\x94/,
  },
  {
    test: (b) =>
      (b === '.env' || b.startsWith('.env.') || b.endsWith('.env')) &&
      !ENV_EXAMPLE.test(b.replace(/^\.env\.?/, '.')),
    kind: { category: 'env-file', description: 'environment file' },
  },
  {
    test: (b) => b === '.npmrc' || b === '.yarnrc.yml' || b === '.yarnrc',
    kind: { category: 'package-registry', description: 'npm/yarn configuration with a registry token' },
    content: /_auth(?:Token)?\s*[=:]|_password\s*=|npmAuthToken|npm_[A-Za-z0-9]{36}/,
  },
  {
    test: (b) => b === '.pypirc',
    kind: { category: 'package-registry', description: 'PyPI configuration with credentials' },
    content: /^\s*password\s*[=:]|pypi-AgE/m,
  },
  {
    test: (b) => b === 'pip.conf' || b === 'pip.ini',
    kind: { category: 'package-registry', description: 'pip configuration with credentials in an index URL' },
    content: /:\/\/[^\s:/@]+:[^\s/@]+@/,
  },
  {
    test: (b) => b === '.netrc' || b === '_netrc',
    kind: { category: 'package-registry', description: '.netrc with login passwords' },
  },
  {
    test: (b) => b === 'settings.xml' || b === 'settings-security.xml',
    kind: { category: 'package-registry', description: 'Maven settings with server passwords' },
    content: /<password>[^<]/,
  },
  {
    test: (b) => b === 'gradle.properties',
    kind: { category: 'package-registry', description: 'Gradle properties with credentials' },
    content: /(?:password|token|secret)\w*\s*=\s*\S/i,
  },
  {
    test: (_b, p) => /(?:^|\/)\.aws\/(?:credentials|config)$/.test(p),
    kind: { category: 'cloud-credentials', description: 'AWS credentials' },
    content: /aws_secret_access_key|aws_session_token/i,
  },
  {
    test: (b) =>
      b === '.gem' || b === 'credentials' || b === '.cargo-credentials' || b === 'credentials.toml',
    kind: { category: 'cloud-credentials', description: 'credentials file' },
  },
  {
    test: (b) =>
      /^(?:application_default_credentials|service[-_]?account.*|.*-[0-9a-f]{12}|gcp[-_]?key|gcloud[-_]?key|credentials)\.json$/i.test(
        b,
      ),
    kind: { category: 'cloud-credentials', description: 'Google Cloud credentials' },
    content: /"private_key"\s*:|"refresh_token"\s*:|"client_secret"\s*:/,
  },
  {
    test: (_b, p) =>
      /(?:^|\/)\.azure\/(?:accessTokens\.json|msal_token_cache\.json|azureProfile\.json)$/.test(p),
    kind: { category: 'cloud-credentials', description: 'Azure CLI tokens' },
  },
  {
    test: (b, p) => b === 'kubeconfig' || /(?:^|\/)\.kube\/config$/.test(p) || /^kubeconfig[._-]/.test(b),
    kind: { category: 'kubeconfig', description: 'Kubernetes config with cluster credentials' },
    content: /client-key-data|client-certificate-data|token:|password:|auth-provider/,
  },
  {
    test: (b) => b === '.git-credentials',
    kind: { category: 'git-credentials', description: 'git credential store' },
  },
  {
    test: (b, p) => /(?:^|\/)\.docker\/config\.json$/.test(p) || b === '.dockercfg',
    kind: { category: 'docker-config', description: 'Docker registry credentials' },
    content: /"auth"\s*:\s*"[^"]/,
  },
  {
    test: (_b, p) => /(?:^|\/)\.ssh\/(?!known_hosts|config$|.*\.pub$|authorized_keys)/.test(p),
    kind: { category: 'ssh', description: 'file from an .ssh folder' },
  },
  {
    test: (b) => /\.tfstate(?:\.backup)?$/.test(b) || b === 'terraform.tfvars' || b.endsWith('.auto.tfvars'),
    kind: { category: 'terraform-state', description: 'Terraform state or variables (often hold secrets)' },
  },
  {
    test: (b) => /^\.(?:bash|zsh|sh|mysql|psql|python|node_repl|rediscli)_?history$/.test(b),
    kind: { category: 'history', description: 'shell or client history' },
  },
  {
    test: (b) =>
      b === '.htpasswd' || b === '.pgpass' || b === '.my.cnf' || b === 'vault-token' || b === '.vault-token',
    kind: { category: 'password-store', description: 'password file' },
  },
];

/**
 * What kind of secret-bearing file a path is (slash-separated, relative or absolute), or null.
 * When `content` is given, files that only sometimes hold secrets (`.npmrc`, `*.pem`, kubeconfig) are
 * reported only when the content shows one, and those that never do (`.env.example`) never are.
 */
export function secretFileKind(path: string, content?: string): SecretFileKind | null {
  const normalized = path.replace(/\\/g, '/');
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  for (const rule of RULES) {
    if (!rule.test(base, normalized)) continue;
    if (!rule.content) return { ...rule.kind, evidence: 'certain' };
    if (content === undefined) return { ...rule.kind, evidence: 'likely' };
    if (rule.content.test(content)) return { ...rule.kind, evidence: 'content' };
  }
  if (content !== undefined && PRIVATE_KEY_EXT.test(base) && /-----BEGIN[ A-Z0-9]* PRIVATE KEY/.test(content))
    return { category: 'private-key', description: 'private key file', evidence: 'content' };
  return null;
}
