/**
 * Secrets a build context would hand to the builder: secret-bearing files that are sent (by name, and
 * by content for files such as `.npmrc`), and secrets inside the text files that are sent, found with
 * the shared detector (src/secrets) and kept only in redacted form.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex, type Region } from '../core/positions.js';
import { type SecretFileKind, type SecretMatch, scanText, secretFileKind } from '../secrets/index.js';
import type { ContextEntry } from './walk.js';

export interface SentSecretFile {
  path: string;
  kind: SecretFileKind;
}

export interface ContextSecret extends Region {
  path: string;
  /** The match without the secret: kind, description, confidence, redacted form, key. */
  match: Omit<SecretMatch, 'start' | 'end'>;
}

export interface ContextSecretScan {
  files: SentSecretFile[];
  secrets: ContextSecret[];
  scannedFiles: number;
  scannedBytes: number;
  skippedBinary: number;
  skippedLarge: number;
  skippedGenerated: number;
}

export interface ContextSecretOptions {
  /** Values or patterns never reported (see SecretScanOptions.allow). */
  allow?: readonly (string | RegExp)[];
  /** Paths (relative to the context) whose content is not scanned, e.g. test fixtures. */
  skipPath?: (path: string) => boolean;
  /** Files bigger than this are not scanned. Default: 1 MiB. */
  maxFileBytes?: number;
  /** Report random-looking values of neutral names too (low confidence). Default: false. */
  entropy?: boolean;
}

/**
 * Folders whose content is not scanned: version control, and third-party dependencies and caches (the
 * dependencies-in-context rule reports them as a whole; their test data is full of sample tokens).
 */
const NOT_SCANNED =
  /(?:^|\/)(?:\.git|\.hg|\.svn|node_modules|\.venv|venv|site-packages|__pycache__|\.tox|\.gradle)\//;

/** A line holding this marker is not reported (for test data and documented examples). */
export const ALLOW_MARKER = 'dockaudit:allow-secret';

/** Generated files full of digests and random-looking strings that are not secrets. */
const GENERATED =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|Cargo\.lock|composer\.lock|Gemfile\.lock|packages\.lock\.json|gradle\.lockfile)$|\.(?:min\.js|min\.css|map|svg|lock)$/;
const CODE_FILE =
  /\.(?:js|mjs|cjs|jsx|ts|mts|cts|tsx|py|rb|go|java|kt|kts|scala|cs|php|rs|swift|c|h|cc|cpp|hpp|m|lua|pl|r|dart|groovy|vue|svelte)$/i;

function isBinary(buffer: Buffer): boolean {
  const n = Math.min(buffer.length, 8192);
  for (let i = 0; i < n; i++) if (buffer[i] === 0) return true;
  return false;
}

function readPrefix(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Scans the files a context sends for secret files and secrets in text. */
export function scanContextSecrets(
  root: string,
  entries: readonly ContextEntry[],
  options: ContextSecretOptions = {},
): ContextSecretScan {
  const maxBytes = options.maxFileBytes ?? 1024 * 1024;
  const out: ContextSecretScan = {
    files: [],
    secrets: [],
    scannedFiles: 0,
    scannedBytes: 0,
    skippedBinary: 0,
    skippedLarge: 0,
    skippedGenerated: 0,
  };
  for (const entry of entries) {
    if (entry.type !== 'file') continue;
    const abs = join(root, entry.path);
    let byName = secretFileKind(entry.path);
    let text: string | null = null;
    const readText = (): string | null => {
      if (text !== null) return text;
      if (entry.size > maxBytes) return null;
      try {
        const buffer = readFileSync(abs);
        if (isBinary(buffer)) return null;
        text = buffer.toString('utf8');
        return text;
      } catch {
        return null;
      }
    };
    if (byName?.evidence === 'likely') {
      // The name says "sometimes": let the content decide (binary key stores decide by name).
      const content = readText();
      if (content !== null) byName = secretFileKind(entry.path, content);
      else if (entry.size <= maxBytes) {
        try {
          const head = readPrefix(abs, 16).toString('latin1');
          byName = secretFileKind(entry.path, head);
        } catch {
          // Unreadable: keep the name's verdict.
        }
      }
    }
    if (byName) out.files.push({ path: entry.path, kind: byName });

    if (NOT_SCANNED.test(entry.path) || options.skipPath?.(entry.path)) continue;
    if (GENERATED.test(entry.path)) {
      out.skippedGenerated++;
      continue;
    }
    if (entry.size > maxBytes) {
      out.skippedLarge++;
      continue;
    }
    const content = readText();
    if (content === null) {
      out.skippedBinary++;
      continue;
    }
    out.scannedFiles++;
    out.scannedBytes += entry.size;
    const matches = scanText(content, {
      allow: options.allow,
      entropy: options.entropy,
      style: CODE_FILE.test(entry.path) ? 'code' : 'config',
    });
    if (matches.length === 0) continue;
    const lines = new LineIndex(content);
    for (const m of matches) {
      const region = lines.region(m);
      const lineText = content.slice(lines.offsetOfLine(region.line), lines.lineContentEnd(region.line - 1));
      if (lineText.includes(ALLOW_MARKER)) continue;
      const { start: _start, end: _end, ...rest } = m;
      out.secrets.push({ path: entry.path, ...region, match: rest });
    }
  }
  return out;
}
