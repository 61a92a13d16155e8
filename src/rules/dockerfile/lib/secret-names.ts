import { isPlaceholder, judgeNamedValue } from '../../../secrets/index.js';
import { keyStrength } from './secret-prefilter.js';

/** Credential names whose last word would otherwise read as harmless (`…_ACCESS_KEY_ID`). */
const KNOWN_CREDENTIALS = /(?:^|_)ACCESS_KEY_ID$/i;

/** Whether an ARG/ENV name says it holds a secret (password, token, API key, credentials…). */
export function isSecretName(name: string): boolean {
  return KNOWN_CREDENTIALS.test(name) || keyStrength(name) === 'strong';
}

/**
 * Whether an ENV value of a secret-named variable is a real value: a copy of another variable
 * (`$TOKEN`), or a literal that is not a placeholder, path, URL, file name or hash.
 */
export function isRealSecretValue(name: string, value: string): boolean {
  if (value.includes('$')) return true;
  return KNOWN_CREDENTIALS.test(name) ? !isPlaceholder(value) : judgeNamedValue(name, value) !== null;
}
