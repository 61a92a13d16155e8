import type { Analyzer } from '../analyzer.js';
import { createFileAnalyzer, type FoundPackage } from './file-analyzer.js';
import type { PackagesResult } from './model.js';

/**
 * Reads Python core metadata (PEP 566 / PEP 643: `METADATA` of a .dist-info, `PKG-INFO` of an
 * .egg-info folder, or an .egg-info file): RFC 822 headers up to the first blank line.
 */
export function parsePythonMetadata(text: string): FoundPackage | null {
  const headers = new Map<string, string>();
  let last = '';
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') break;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      headers.set(last, `${headers.get(last)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).toLowerCase();
    // Repeated headers (Classifier, Requires-Dist) are not needed: keep the first.
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  const name = headers.get('name');
  const version = headers.get('version');
  if (!name || !version) return null;
  const license = headers.get('license-expression') ?? headers.get('license');
  return {
    type: 'pypi',
    name,
    version,
    license: license && license !== 'UNKNOWN' && !license.includes('\n') ? license : undefined,
  };
}

export function isPythonMetadataPath(path: string): boolean {
  return (
    path.endsWith('.dist-info/METADATA') || path.endsWith('.egg-info/PKG-INFO') || path.endsWith('.egg-info')
  );
}

/** Python packages installed by pip/setuptools/distro packages (site-packages, dist-packages). */
export function createPythonAnalyzer(): Analyzer<PackagesResult> {
  return createFileAnalyzer({
    name: 'packages:python',
    maxBytes: 4 * 1024 * 1024,
    wants: (entry) => isPythonMetadataPath(entry.path),
    read(path, content) {
      const found = parsePythonMetadata(content.toString('utf8'));
      if (!found) throw new Error(`${path}: no Name and Version headers`);
      return [found];
    },
  });
}
