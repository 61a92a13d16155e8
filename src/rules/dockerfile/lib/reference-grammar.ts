/**
 * Whether a string is an image reference Docker accepts (`docker/distribution`'s reference grammar, as
 * `ParseNormalizedNamed` applies it): lowercase repository path, optional registry host and port, tag,
 * digest, at most 255 characters of name, and not a bare 64-hex image ID.
 */
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|-+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::${TAG})?(?:@${DIGEST})?$`,
);
const IMAGE_ID = /^[a-f0-9]{64}$/;

export function isValidImageReference(ref: string): boolean {
  if (ref === '' || IMAGE_ID.test(ref)) return false;
  // The registry part may hold upper case; the repository path may not.
  const slash = ref.indexOf('/');
  const first = slash === -1 ? '' : ref.slice(0, slash);
  const hasDomain =
    slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const remote = hasDomain ? ref.slice(slash + 1) : ref;
  const remoteName = remote.replace(/[:@].*$/, '');
  if (remoteName !== remoteName.toLowerCase()) return false;
  const m = REFERENCE.exec(ref);
  return m !== null && m[1]!.length <= 255;
}
