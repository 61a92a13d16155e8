/**
 * What a build context sends: a walk of the context folder with the .dockerignore matcher, the way
 * BuildKit's file transfer walks it (excluded folders skipped when nothing inside can be re-included,
 * symbolic links sent as links and never followed).
 */
import { type Dirent, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
import type { DockerignoreMatcher, ParentMatches } from './dockerignore.js';

export type EntryType = 'file' | 'dir' | 'symlink' | 'other';

export interface ContextEntry {
  /** Slash-separated path relative to the context root. */
  path: string;
  type: EntryType;
  /** Bytes for files, 0 otherwise. */
  size: number;
  /** Link target as written, for symbolic links. */
  target?: string;
}

export interface FolderSize {
  path: string;
  bytes: number;
  files: number;
  /** Left out by .dockerignore (sizes of skipped folders are known only with `measureExcluded`). */
  excluded: boolean;
}

export interface ContextWalk {
  /** Entries sent: files, folders and links (folders that only lead to re-included files count too). */
  entries: ContextEntry[];
  files: number;
  dirs: number;
  symlinks: number;
  bytes: number;
  /** Entries left out and their bytes (for skipped folders, only with `measureExcluded`). */
  excludedEntries: number;
  excludedBytes: number;
  /** Folders and files at the top of the context, biggest first, sent or not. */
  topLevel: FolderSize[];
  /** Biggest sent folders at any depth (each with its whole subtree), biggest first. */
  largestDirs: FolderSize[];
  largestFiles: ContextEntry[];
  /** Links whose target is absolute or climbs out of the context: Docker sends the link, not the target. */
  escapingLinks: ContextEntry[];
  /** Folders or files that could not be read. */
  errors: { path: string; message: string }[];
}

export interface WalkOptions {
  /** Also walk folders .dockerignore skips, to tell how much they weigh. Default: false. */
  measureExcluded?: boolean;
  /** How many largest folders and files to keep. Default: 10. */
  top?: number;
}

function typeOf(d: Dirent): EntryType {
  if (d.isSymbolicLink()) return 'symlink';
  if (d.isDirectory()) return 'dir';
  if (d.isFile()) return 'file';
  return 'other';
}

/** Whether a link target leaves the context when resolved from the link's folder. */
export function linkEscapes(linkPath: string, target: string): boolean {
  if (isAbsolute(target)) return true;
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target));
  return resolved === '..' || resolved.startsWith('../');
}

/** Keeps the `n` biggest items (ties: by path), sorted biggest first. */
function keepTop<T extends { path: string }>(list: T[], item: T, size: (t: T) => number, n: number): void {
  const order = (a: T, b: T) => size(b) - size(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  if (list.length >= n && order(item, list[n - 1]!) >= 0) return;
  if (list.length >= n) list.pop();
  list.push(item);
  list.sort(order);
}

/** Walks a context folder and tells what Docker would send. Synchronous: it only reads metadata. */
export function walkContext(
  root: string,
  matcher: DockerignoreMatcher,
  options: WalkOptions = {},
): ContextWalk {
  const top = options.top ?? 10;
  const result: ContextWalk = {
    entries: [],
    files: 0,
    dirs: 0,
    symlinks: 0,
    bytes: 0,
    excludedEntries: 0,
    excludedBytes: 0,
    topLevel: [],
    largestDirs: [],
    largestFiles: [],
    escapingLinks: [],
    errors: [],
  };
  const noParent = new Array<boolean>(matcher.patterns.length).fill(false);

  /** Walks one folder; returns the bytes and files sent from it and (when measured) left out. */
  const walkDir = (
    rel: string,
    parent: ParentMatches,
  ): { sent: number; sentFiles: number; left: number; leftFiles: number; anySent: boolean } => {
    const out = { sent: 0, sentFiles: 0, left: 0, leftFiles: 0, anySent: false };
    let dirents: Dirent[];
    try {
      dirents = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
    } catch (error) {
      result.errors.push({ path: rel || '.', message: (error as Error).message });
      return out;
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of dirents) {
      const path = rel === '' ? d.name : `${rel}/${d.name}`;
      const type = typeOf(d);
      const m = matcher.isEmpty ? null : matcher.match(path, parent ?? noParent);
      const excluded = m ? m.excluded : false;
      let size = 0;
      if (type === 'file') {
        try {
          size = lstatSync(join(root, path)).size;
        } catch (error) {
          result.errors.push({ path, message: (error as Error).message });
          continue;
        }
      }
      if (type === 'dir') {
        const skip = excluded && matcher.canSkipDir(path);
        if (skip && !options.measureExcluded) {
          result.excludedEntries++;
          if (rel === '') result.topLevel.push({ path, bytes: 0, files: 0, excluded: true });
          continue;
        }
        const entryIndex = result.entries.length;
        if (!excluded) result.entries.push({ path, type, size: 0 });
        const inner = skip ? measure(path) : walkDir(path, m ? m.matches : null);
        if (skip) {
          result.excludedEntries += 1 + inner.leftFiles;
          result.excludedBytes += inner.left;
          if (rel === '')
            result.topLevel.push({ path, bytes: inner.left, files: inner.leftFiles, excluded: true });
          continue;
        }
        if (excluded) {
          // A folder left out whose contents were partly re-included is sent anyway, before them.
          if (inner.anySent) result.entries.splice(entryIndex, 0, { path, type, size: 0 });
          else result.excludedEntries++;
        }
        const sentHere = !excluded || inner.anySent;
        if (sentHere) result.dirs++;
        out.sent += inner.sent;
        out.sentFiles += inner.sentFiles;
        out.left += inner.left;
        out.leftFiles += inner.leftFiles;
        out.anySent ||= sentHere;
        if (sentHere)
          keepTop(
            result.largestDirs,
            { path, bytes: inner.sent, files: inner.sentFiles, excluded: false },
            (f) => f.bytes,
            top,
          );
        if (rel === '')
          result.topLevel.push({
            path,
            bytes: sentHere ? inner.sent : inner.left,
            files: sentHere ? inner.sentFiles : inner.leftFiles,
            excluded: !sentHere,
          });
        continue;
      }
      if (excluded) {
        result.excludedEntries++;
        result.excludedBytes += size;
        out.left += size;
        if (type === 'file') out.leftFiles++;
        if (rel === '' && type === 'file')
          result.topLevel.push({ path, bytes: size, files: 1, excluded: true });
        continue;
      }
      const entry: ContextEntry = { path, type, size };
      if (type === 'symlink') {
        try {
          entry.target = readlinkSync(join(root, path));
        } catch {
          entry.target = '';
        }
        result.symlinks++;
        if (linkEscapes(path, entry.target)) result.escapingLinks.push(entry);
      }
      result.entries.push(entry);
      out.anySent = true;
      if (type === 'file') {
        result.files++;
        result.bytes += size;
        out.sent += size;
        out.sentFiles++;
        keepTop(result.largestFiles, entry, (e) => e.size, top);
        if (rel === '') result.topLevel.push({ path, bytes: size, files: 1, excluded: false });
      }
    }
    return out;
  };

  /** Sizes of a folder .dockerignore skips (with `measureExcluded`). */
  const measure = (rel: string) => {
    const out = { sent: 0, sentFiles: 0, left: 0, leftFiles: 0, anySent: false };
    const stack = [rel];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let dirents: Dirent[];
      try {
        dirents = readdirSync(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const d of dirents) {
        const path = `${dir}/${d.name}`;
        if (d.isDirectory()) stack.push(path);
        else if (d.isFile()) {
          try {
            out.left += lstatSync(join(root, path)).size;
            out.leftFiles++;
          } catch {
            // Vanished or unreadable: nothing to count.
          }
        }
      }
    }
    return out;
  };

  walkDir('', null);
  result.topLevel.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  return result;
}
