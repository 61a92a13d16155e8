import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageLinks {
  name?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

/** `https://host/owner/repo` from package.json's `repository` (or `homepage`), or undefined. */
export function repositoryWebUrl(pkg: PackageLinks): string | undefined {
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (raw) {
    let url = raw.trim().replace(/^git\+/, '');
    const shorthand = /^(github|gitlab|bitbucket):([^/\s]+\/[^/\s]+)$/.exec(url);
    if (shorthand)
      url = `https://${shorthand[1]}.${shorthand[1] === 'bitbucket' ? 'org' : 'com'}/${shorthand[2]}`;
    else if (/^[\w.-]+\/[\w.-]+$/.test(url)) url = `https://github.com/${url}`;
    const scp = /^git@([^:]+):(.+)$/.exec(url);
    if (scp) url = `https://${scp[1]}/${scp[2]}`;
    url = url
      .replace(/^(?:git|ssh):\/\/(?:[^@/]+@)?/, 'https://')
      .replace(/\.git$/, '')
      .replace(/\/+$/, '');
    if (/^https?:\/\//.test(url)) return url;
  }
  if (pkg.homepage && /^https?:\/\//.test(pkg.homepage))
    return pkg.homepage.replace(/#.*$/, '').replace(/\/+$/, '');
  return undefined;
}

/** Where a rule's documentation page lives, for a repository web URL. The one place docs URLs are built. */
export function ruleDocsUrlFor(repositoryUrl: string, ruleId: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

let cachedPackage: PackageLinks | null | undefined;

/**
 * dockaudit's own package.json, found by walking up from this module: `src/report/` when running from
 * sources, `dist/` or `dist/chunks/` when bundled or installed.
 */
function ownPackage(): PackageLinks | null {
  if (cachedPackage !== undefined) return cachedPackage;
  cachedPackage = null;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageLinks;
      if (pkg.name === 'dockaudit') {
        cachedPackage = pkg;
        break;
      }
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return cachedPackage;
}

/** The documentation page of one of dockaudit's rules, or undefined when the package has no repository. */
export function ruleDocsUrl(ruleId: string): string | undefined {
  const pkg = ownPackage();
  const repo = pkg ? repositoryWebUrl(pkg) : undefined;
  return repo ? ruleDocsUrlFor(repo, ruleId) : undefined;
}

/** dockaudit's home page (SARIF `informationUri`). */
export function toolInformationUri(): string | undefined {
  const pkg = ownPackage();
  if (!pkg) return undefined;
  if (pkg.homepage && /^https?:\/\//.test(pkg.homepage)) return pkg.homepage;
  return repositoryWebUrl(pkg);
}
