import type { Analyzer } from '../analyzer.js';
import { createFileAnalyzer, type FoundPackage } from './file-analyzer.js';
import type { PackagesResult } from './model.js';
import { bufferSource, readZipEntries, readZipEntry, type ZipEntry } from './zip.js';

const ARCHIVE = /\.(?:jar|war|ear|par|sar|jpi|hpi)$/i;
const ARCHIVE_EXTENSIONS = new Set(['jar', 'war', 'ear', 'par', 'sar', 'jpi', 'hpi']);

/** Cheap test called for every entry of an image: the extension only, no regular expression. */
export function isJavaArchivePath(path: string): boolean {
  const n = path.length;
  // Every extension is three letters: look at the dot first, then at the letters.
  if (n < 5 || path.charCodeAt(n - 4) !== 46) return false;
  return ARCHIVE_EXTENSIONS.has(path.slice(n - 3).toLowerCase());
}
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
/** Nested archives (a war's WEB-INF/lib, a Spring Boot jar's BOOT-INF/lib) are read this deep. */
const MAX_DEPTH = 2;
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** Java .properties: `key=value` or `key: value` lines, `#`/`!` comments. */
export function parseProperties(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) values.set(m[1]!, m[2]!);
  }
  return values;
}

/** MANIFEST.MF main section: `Name: value` headers with 1-space continuation lines. */
export function parseManifest(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let last = '';
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') break;
    if (line.startsWith(' ') && last) {
      values.set(last, values.get(last) + line.slice(1));
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon);
    values.set(last, line.slice(colon + 1).trim());
  }
  return values;
}

function fromPomProperties(props: Map<string, string>): FoundPackage | null {
  const group = props.get('groupId');
  const artifact = props.get('artifactId');
  const version = props.get('version');
  if (!group || !artifact || !version) return null;
  return { type: 'maven', namespace: group, name: artifact, version };
}

function fromManifest(manifest: Map<string, string>, archiveName: string): FoundPackage | null {
  const version = manifest.get('Implementation-Version') ?? manifest.get('Bundle-Version');
  if (!version) return null;
  const symbolic = manifest.get('Bundle-SymbolicName')?.split(';')[0]?.trim();
  const base = archiveName.replace(/^.*\//, '').replace(ARCHIVE, '');
  const fromFile = /^(.+?)-\d/.exec(base)?.[1] ?? base;
  const group =
    manifest.get('Implementation-Vendor-Id') ??
    (symbolic?.includes('.') ? symbolic.replace(/\.[^.]+$/, '') : undefined);
  const artifact =
    manifest.get('Implementation-Title') && !manifest.get('Implementation-Title')!.includes(' ')
      ? manifest.get('Implementation-Title')!
      : fromFile;
  return { type: 'maven', namespace: group, name: artifact, version };
}

/**
 * The Maven artifacts a Java archive holds: each `META-INF/maven/<group>/<artifact>/pom.properties`
 * (shaded jars hold several), else the manifest's Implementation-* headers; nested archives are read
 * too, with `outer.jar!/inner.jar` paths.
 */
export function readJavaArchive(path: string, content: Buffer, depth = 0): FoundPackage[] {
  try {
    return readArchive(path, content, depth);
  } catch (error) {
    // Errors of nested archives already name their path.
    if ((error as Error).message.startsWith(path)) throw error;
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

function readArchive(path: string, content: Buffer, depth: number): FoundPackage[] {
  const source = bufferSource(content);
  const entries: ZipEntry[] = readZipEntries(source);
  const found: FoundPackage[] = [];
  let manifest: ZipEntry | undefined;
  for (const entry of entries) {
    if (POM_PROPERTIES.test(entry.name)) {
      const pkg = fromPomProperties(
        parseProperties(readZipEntry(source, entry, 1024 * 1024).toString('utf8')),
      );
      if (pkg) found.push({ ...pkg, path });
    } else if (entry.name === 'META-INF/MANIFEST.MF') manifest = entry;
    else if (depth < MAX_DEPTH && ARCHIVE.test(entry.name) && entry.size <= MAX_ENTRY_BYTES) {
      found.push(
        ...readJavaArchive(`${path}!/${entry.name}`, readZipEntry(source, entry, MAX_ENTRY_BYTES), depth + 1),
      );
    }
  }
  if (!found.some((p) => p.path === path) && manifest) {
    const pkg = fromManifest(
      parseManifest(readZipEntry(source, manifest, 1024 * 1024).toString('utf8')),
      path,
    );
    if (pkg) found.push({ ...pkg, path });
  }
  return found;
}

/** Maven artifacts in Java archives (jar, war, ear, …) anywhere in the image. */
export function createJavaAnalyzer(): Analyzer<PackagesResult> {
  return createFileAnalyzer({
    name: 'packages:java',
    maxBytes: 256 * 1024 * 1024,
    wants: (entry) => isJavaArchivePath(entry.path),
    read: (path, content) => readJavaArchive(path, content),
  });
}
