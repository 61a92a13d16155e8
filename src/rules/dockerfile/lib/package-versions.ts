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

const PIP_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const LOCAL_ARCHIVE = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/;

/**
 * A pip requirement that names a version: a specifier (`flask==3.0.3`, `flask>=3`), a VCS URL with
 * `@ref` in its last path segment, a local archive or folder, or any other URL/path.
 */
export function pipPinned(text: string): boolean {
  if (PIP_OPERATORS.some((op) => text.includes(op))) return true;
  if (/^(?:git|hg|svn|bzr)[+:]/.test(text)) {
    const path = text.split('#')[0]!;
    return path.slice(path.lastIndexOf('/') + 1).includes('@');
  }
  return LOCAL_ARCHIVE.test(text) || text.includes('/') || text.startsWith('.');
}

/**
 * An npm package spec with a version, tag or commit: `express@4.21.1`, `@scope/pkg@^1`, a git URL
 * with `#ref`, a tarball, a folder. `@latest` moves with every release and is not a pin.
 */
export function npmPinned(text: string): boolean {
  if (/^(?:git\+(?:ssh|https?|file)|git|github|gitlab|bitbucket):/.test(text)) return text.includes('#');
  if (/\.(?:tar|tar\.gz|tgz)$/.test(text) || /^(?:\/|\.\.?\/|~\/|file:)/.test(text)) return true;
  const body = text.startsWith('@') ? text.slice(text.indexOf('/') + 1) : text;
  const at = body.indexOf('@');
  return at !== -1 && body.slice(at + 1) !== 'latest' && body.slice(at + 1) !== '';
}
