/** Extensions of files ADD unpacks (tar archives, possibly compressed), as hadolint lists them. */
const ARCHIVE_EXTENSIONS = [
  '.tar',
  '.Z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tZ',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
  '.zst',
  '.tzst',
];

export function isArchiveName(path: string): boolean {
  return ARCHIVE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** A remote source ADD downloads: http(s) URL or git repository. */
export function isRemoteSource(path: string): boolean {
  return /^(?:https?|git|ssh):\/\//i.test(path) || /^git@[^:]+:/.test(path);
}

/** Last path segment (both separators, as written in Linux and Windows Dockerfiles). */
export function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}
