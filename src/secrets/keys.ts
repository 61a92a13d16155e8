/**
 * Key-name heuristics: does a variable, field or option name say its value is a secret?
 *
 * A name is split into lower-case words (`dbPassword`, `DB_PASSWORD`, `db-password` → db, password).
 * It is secret when a word names a secret (password, secret, token, api key, …) and the name does not
 * end in a word that makes the value something else: a file or path holding the secret
 * (`PASSWORD_FILE`), where to get one (`TOKEN_URL`), a name or id (`DB_SECRET_NAME`), a setting about
 * it (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`), or a public half (`PUBLIC_KEY`, `GPG_KEY`).
 */

export type SecretKeyStrength = 'strong' | 'weak';

/** Words that name a secret by themselves. */
const STRONG_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'apikey',
  'privatekey',
  'secretkey',
  'accesskey',
  'authtoken',
  'credential',
  'credentials',
  'creds',
  'sessionkey',
  'masterkey',
  'signingkey',
  'encryptionkey',
  'clientsecret',
  'psk',
]);

/** Glued forms found inside one word (`PGPASSWORD`, `MYSQLPWD`, `APIKEY`, `AUTHTOKEN`, `npmtoken`). */
const STRONG_INSIDE = /password|passwd|passphrase|secret(?!ary)|token(?!i[sz])|apikey|accesskey|privatekey/;
/** Glued words that contain a secret word but are not one (`NOPASSWD` in sudoers, `csrftoken`). */
const NOT_STRONG_INSIDE = /^(?:no(?=pass|pwd|secret|token)|csrf|xsrf)/;

/** Words that make `key` a secret when they come right before it (`API_KEY`, `SECRET_KEY`). */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'auth',
  'encryption',
  'encrypt',
  'crypt',
  'crypto',
  'signing',
  'sign',
  'master',
  'client',
  'app',
  'application',
  'session',
  'hmac',
  'jwt',
  'cookie',
  'license',
  'licence',
  'service',
  'account',
  'subscription',
  'admin',
  'root',
  'write',
  'deploy',
  'ssh',
  'storage',
  'shared',
]);

/** Words that only hint at a secret: the value must also look random to be reported. */
const WEAK_WORDS = new Set([
  'auth',
  'key',
  'keys',
  'sig',
  'signature',
  'cookie',
  'bearer',
  'dsn',
  'hmac',
  'salt',
  'pepper',
]);

/** When the name ends with one of these words, its value is not the secret itself. */
const NOT_SECRET_LAST = new Set([
  'file',
  'files',
  'path',
  'paths',
  'dir',
  'directory',
  'folder',
  'location',
  'url',
  'uri',
  'urls',
  'endpoint',
  'host',
  'hostname',
  'port',
  'address',
  'addr',
  'server',
  'name',
  'names',
  'id',
  'ids',
  'arn',
  'ref',
  'reference',
  'type',
  'kind',
  'length',
  'len',
  'size',
  'bits',
  'min',
  'max',
  'minimum',
  'maximum',
  'expiry',
  'expires',
  'expiration',
  'expire',
  'exp',
  'ttl',
  'timeout',
  'lifetime',
  'age',
  'duration',
  'interval',
  'enabled',
  'enable',
  'disabled',
  'disable',
  'required',
  'require',
  'allowed',
  'header',
  'headers',
  'field',
  'param',
  'parameter',
  'policy',
  'algorithm',
  'scheme',
  'schema',
  'algo',
  'alg',
  'prefix',
  'suffix',
  'version',
  'mode',
  'regex',
  'pattern',
  'format',
  'command',
  'cmd',
  'env',
  'var',
  'variable',
  'fingerprint',
  'hash',
  'hashed',
  'digest',
  'count',
  'attempts',
  'retries',
  'reset',
  'rotation',
  'strength',
  'complexity',
  'hint',
  'label',
  'description',
  'placeholder',
  'provider',
  'service',
  'store',
  'mount',
  'method',
  'scope',
  'scopes',
  'audience',
  'issuer',
  'usage',
  'used',
  'source',
  'backend',
  'manager',
  'generator',
  'validator',
  'length',
  'limit',
  'cache',
  'class',
  'module',
  'plugin',
  'handler',
  'key_id',
  'keyid',
  'index',
  'position',
  'level',
  'option',
  'options',
  'config',
  'settings',
  'version',
  'check',
  'verify',
  'verification',
  'validation',
  'field',
  'column',
  'table',
  'query',
  'user',
  'username',
  'login',
  'email',
  'owner',
  'realm',
  'message',
  'msg',
  'text',
  'title',
  'prompt',
  'subject',
  'help',
  'note',
  'script',
]);

/** Words anywhere in the name that make the value public or not a credential. */
const NOT_SECRET_ANYWHERE = new Set([
  'public',
  'pub',
  'publishable',
  'gpg',
  'pgp',
  'gnupg',
  'keyserver',
  'keyring',
  'keyserver',
  'fingerprint',
  'checksum',
  'sha',
  'sha1',
  'sha256',
  'sha512',
  'md5',
  'no',
  'skip',
  'disable',
  'without',
  'with',
  'enable',
  'csrf',
  'xsrf',
]);

/** Splits a name into lower-case words: camelCase, snake_case, kebab-case, dotted and spaced names. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a name says its value is a secret: `strong` (password, token, API key, …), `weak` (the name
 * only hints at one, like `AUTH` or `SIGNING`: report only random-looking values), or null.
 */
export function secretKeyStrength(name: string): SecretKeyStrength | null {
  const words = nameWords(name);
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  if (NOT_SECRET_LAST.has(last)) return null;
  // `..._KEY_ID`, `..._TOKEN_URL` and the like end in two words: the check above covers the last one.
  for (const w of words) if (NOT_SECRET_ANYWHERE.has(w)) return null;
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (STRONG_WORDS.has(w)) return 'strong';
    if (w === 'key' || w === 'keys') {
      const before = words[i - 1];
      if (before && KEY_QUALIFIERS.has(before)) return 'strong';
    }
    if (STRONG_INSIDE.test(w) && !NOT_STRONG_INSIDE.test(w)) return 'strong';
    if (WEAK_WORDS.has(w)) weak = true;
  }
  return weak ? 'weak' : null;
}

/** Whether a name says its value is a secret (strong or weak). */
export function isSecretKeyName(name: string): boolean {
  return secretKeyStrength(name) !== null;
}

/**
 * Whether a name says its value is not a secret even if it looks random (`BUILD_ID`, `IMAGE_DIGEST`,
 * `GPG_KEY`, `CALLBACK_URL`): used to keep entropy-only findings quiet on such names.
 */
export function isNonSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (NOT_SECRET_LAST.has(words[words.length - 1]!)) return true;
  return words.some(
    (w) => NOT_SECRET_ANYWHERE.has(w) || w === 'commit' || w === 'revision' || NOT_STRONG_INSIDE.test(w),
  );
}
