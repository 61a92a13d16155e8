import { looksRandom } from './entropy.js';
import { secretKeyStrength } from './keys.js';
import { isPlaceholder } from './placeholders.js';

/** Values that point at a secret kept elsewhere, or are code rather than data. */
const PATH_LIKE = /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)[^\s]*$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i;
const CODE_LIKE = /[()]|^(?:process\.env|os\.environ|os\.getenv|env\(|ENV\[|System\.getenv|getenv)/;
const ENCRYPTED = /^(?:ENC\[|enc:|vault:|\{cipher\}|!|AQICA|sops:|age1)/;
const SMALL_NUMBER = /^[0-9]{1,5}$/;
/** Password hashes (crypt formats, Jupyter's `sha1:salt:hash`): not the password itself. */
const HASHED =
  /^(?:\$\$?(?:2[abxy]?|5|6|y|argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*)\$|(?:sha1|sha256|sha512|pbkdf2|bcrypt|argon2):)/;
/** A file name rather than its content (`credentials.json`, `id_rsa`, `reset-password.sh`). */
const FILE_NAME =
  /^(?:[\w.-]+\.(?:json|pem|key|crt|cer|txt|ya?ml|sh|conf|cfg|ini|env|p12|pfx|jks|xml|properties|toml)|id_(?:rsa|dsa|ecdsa|ed25519))$/i;
/** `ENV_VAR_NAME`: a reference to another variable rather than a value. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** Starts like a comment, a reference, a command substitution, a sed/regex fragment or an unfinished `<...>`. */
const NOT_A_VALUE = /^(?:#|\$|`|<|\.\*|\^|\{\{)/;

export type NamedValueVerdict = 'secret' | 'random' | null;

/**
 * Whether a value assigned to `name` is a hard-coded secret: `secret` when the name says so and the
 * value is a real value (not a placeholder, reference, path, URL, number or encrypted blob), `random`
 * when the name only hints at a secret and the value looks random, null otherwise.
 */
export function judgeNamedValue(name: string, value: string): NamedValueVerdict {
  const strength = secretKeyStrength(name);
  if (strength === null) return null;
  const v = value.trim();
  if (v.length < 3 || isPlaceholder(v)) return null;
  // `SECRET_KEY_BASE=secret_key_base`: the name repeated as its own value.
  if (v.toLowerCase().replace(/[^a-z0-9]/g, '') === name.toLowerCase().replace(/[^a-z0-9]/g, '')) return null;
  if (PATH_LIKE.test(v) || URL_LIKE.test(v) || CODE_LIKE.test(v) || ENCRYPTED.test(v)) return null;
  if (
    SMALL_NUMBER.test(v) ||
    HASHED.test(v) ||
    FILE_NAME.test(v) ||
    CONSTANT_NAME.test(v) ||
    NOT_A_VALUE.test(v)
  )
    return null;
  if (strength === 'weak') return looksRandom(v) ? 'random' : null;
  return 'secret';
}
