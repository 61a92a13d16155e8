/** The secret detector the image side uses: the shared one (src/secrets), the same as every other part. */
export {
  checkKeyValue,
  checkValue,
  redact,
  type SecretFileKind,
  type SecretMatch,
  scanText,
  secretFileKind,
} from '../secrets/index.js';
