import type { Analyzer } from '../analyzer.js';
import { createFileAnalyzer, type FoundPackage } from './file-analyzer.js';
import type { PackagesResult } from './model.js';

const PACKAGE_JSON = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@.][^/]*\/package\.json$/;

/** Whether a path is the package.json of an installed package (`node_modules/[@scope/]name/package.json`). */
export function isNodeModulePackageJson(path: string): boolean {
  return path.endsWith('/package.json') && PACKAGE_JSON.test(path);
}

function licenseOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string')
    return (value as { type: string }).type;
  if (Array.isArray(value)) {
    const types = value.map(licenseOf).filter((v): v is string => Boolean(v));
    return types.length > 0 ? types.join(' OR ') : undefined;
  }
  return undefined;
}

/** The package a node_modules package.json describes (null without a name and version). */
export function parseNodePackageJson(text: string): FoundPackage | null {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new Error(`malformed JSON: ${(error as Error).message}`);
  }
  if (!json || typeof json !== 'object') return null;
  const { name, version, license, licenses } = json as Record<string, unknown>;
  if (typeof name !== 'string' || typeof version !== 'string' || !name || !version) return null;
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  return {
    type: 'npm',
    namespace: slash > 0 ? name.slice(0, slash) : undefined,
    name: slash > 0 ? name.slice(slash + 1) : name,
    version,
    license: licenseOf(license ?? licenses),
  };
}

/** npm packages installed under any node_modules folder. */
export function createNodeAnalyzer(): Analyzer<PackagesResult> {
  return createFileAnalyzer({
    name: 'packages:node',
    maxBytes: 4 * 1024 * 1024,
    wants: (entry) => isNodeModulePackageJson(entry.path),
    read(path, content) {
      try {
        const found = parseNodePackageJson(content.toString('utf8'));
        return found ? [found] : [];
      } catch (error) {
        throw new Error(`${path}: ${(error as Error).message}`);
      }
    },
  });
}
