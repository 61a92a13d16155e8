/**
 * Version pins and package names in each package manager's own syntax (operands of install commands,
 * after ARG/ENV substitution).
 */

/** `curl=7.88.1-10`, `curl/bookworm-backports`, `./tool.deb`. */
export function aptPinned(text: string): boolean {
  return text.includes('=') || text.includes('/') || text.endsWith('.deb');
}

/** `curl=8.5.0-r0`, `curl~8.5`, `curl>=8`, `./pkg.apk`. */
export function apkPinned(text: string): boolean {
  return /[=~<>]/.test(text) || text.endsWith('.apk');
}

const RPM_VERSION_PART = /^[0-9A-Za-z.~^_:+]+$/;

/**
 * `httpd-2.4.57`, `openssl-1:3.0.7`, `gcc-c++-11.4.1`, a `.rpm` file or URL, `pkg >= 1`: a name followed by
 * `-` and a version (version-like parts only, at least one starting with a digit). `python3-devel` is
 * a name, not a pin.
 */
export function rpmPinned(text: string): boolean {
  if (text.endsWith('.rpm') || /[<>=]/.test(text)) return true;
  return rpmVersionStart(text) !== -1;
}

/** Index of the `-` that starts an rpm operand's version, or -1. */
function rpmVersionStart(text: string): number {
  let dash = text.indexOf('-');
  while (dash !== -1) {
    const parts = text.slice(dash + 1).split('-');
    if (parts.every((p) => RPM_VERSION_PART.test(p)) && parts.some((p) => /^\d/.test(p))) return dash;
    dash = text.indexOf('-', dash + 1);
  }
  return -1;
}

/** `tomcat=9.0.39`, `tomcat>=9`, a `.rpm` file. */
export function zypperPinned(text: string): boolean {
  return /[=<>]/.test(text) || text.endsWith('.rpm');
}

/** A package's name without version, release or architecture, per family; null for files and URLs. */
export function osPackageName(family: string, text: string): string | null {
  if (text.includes('/') && !(family === 'apt' && /^[^/]+\/[^/]+$/.test(text))) return null;
  switch (family) {
    case 'apt':
      return text.split(/[=/]/)[0]!.split(':')[0]!;
    case 'apk':
      return text.endsWith('.apk') ? null : text.split(/[=~<>@]/)[0]!;
    case 'rpm': {
      if (text.endsWith('.rpm') || text.startsWith('@')) return null;
      const plain = text.split(/[<>= ]/)[0]!;
      const dash = rpmVersionStart(plain);
      return dash === -1 ? plain : plain.slice(0, dash);
    }
    case 'zypper':
      return text.endsWith('.rpm') ? null : text.split(/[=<>]/)[0]!;
    default:
      return text;
  }
}
