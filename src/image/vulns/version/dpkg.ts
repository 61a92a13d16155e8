/**
 * Debian version ordering (Debian Policy §5.6.12): `[epoch:]upstream[-revision]`, compared epoch
 * numerically, then upstream and revision with dpkg's alternating non-digit / digit algorithm where
 * `~` sorts before everything (even the end of the string) and letters sort before other characters.
 */

export interface DebianVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

/** Splits a Debian version; returns null when dpkg would reject its syntax (not only warn). */
export function parseDebianVersion(text: string): DebianVersion | null {
  const version = text.trim();
  if (version === '' || /\s/.test(version)) return null;
  let epoch = 0;
  let rest = version;
  const colon = version.indexOf(':');
  if (colon !== -1) {
    const epochText = version.slice(0, colon);
    if (!/^\d+$/.test(epochText)) return null;
    epoch = Number(epochText);
    rest = version.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash === -1 ? rest : rest.slice(0, dash);
  const revision = dash === -1 ? '' : rest.slice(dash + 1);
  if (dash !== -1 && revision === '') return null;
  // dpkg only warns when upstream does not start with a digit, and still compares it.
  if (upstream === '') return null;
  // Characters outside Policy's set are only warned about by dpkg, which still compares them.
  return { epoch, upstream, revision };
}

function order(code: number): number {
  if (code >= 48 && code <= 57) return 0; // digits never reach here in the lexical part
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return code;
  if (code === 126) return -1; // '~'
  return code + 256;
}

/** dpkg's comparison of one upstream or revision part. */
export function compareDebianPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a.charCodeAt(i))) || (j < b.length && !isDigit(b.charCodeAt(j)))) {
      const ac = i < a.length ? order(a.charCodeAt(i)) : 0;
      const bc = j < b.length ? order(b.charCodeAt(j)) : 0;
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    while (i < a.length && isDigit(a.charCodeAt(i)) && j < b.length && isDigit(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a.charCodeAt(i))) return 1;
    if (j < b.length && isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Compares two Debian versions: negative, zero or positive. Throws on a version dpkg would reject. */
export function compareDebianVersions(a: string, b: string): number {
  const va = parseDebianVersion(a);
  const vb = parseDebianVersion(b);
  if (!va) throw new Error(`invalid Debian version "${a}"`);
  if (!vb) throw new Error(`invalid Debian version "${b}"`);
  if (va.epoch !== vb.epoch) return va.epoch - vb.epoch;
  return compareDebianPart(va.upstream, vb.upstream) || compareDebianPart(va.revision, vb.revision);
}
