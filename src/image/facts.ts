import type { EntryType } from './analyzer.js';
import type { LayerFilesystem } from './filesystem.js';
import type { ContainerConfig } from './oci.js';

/** A file of the final filesystem that a check is about. */
export interface FileFact {
  path: string;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  layer: number;
}

export interface WorldWritableFact extends FileFact {
  /** The file is in (or is) a folder of the image's PATH: anyone can replace a command. */
  onPath: boolean;
}

export interface FileFacts {
  /** Regular files with the setuid or setgid bit. */
  setuid: FileFact[];
  /** World-writable files, and world-writable folders without the sticky bit (or on PATH). */
  worldWritable: WorldWritableFact[];
  /** PATH of the image (its ENV, else Docker's default), as resolved folders. */
  pathDirs: string[];
  /** An SSH server binary, when the image has one. */
  sshServer: FileFact | null;
  /** True when a list above was cut at its limit. */
  truncated: boolean;
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const MAX_LISTED = 2000;
const SSH_SERVERS = ['usr/sbin/sshd', 'sbin/sshd', 'usr/bin/sshd', 'usr/sbin/dropbear', 'usr/bin/dropbear'];

export function imagePath(config: ContainerConfig): string {
  for (const e of config.Env ?? []) if (e.startsWith('PATH=')) return e.slice(5);
  return DEFAULT_PATH;
}

function fact(
  path: string,
  n: { type: EntryType; mode: number; uid: number; gid: number; size: number; layer: number },
): FileFact {
  return {
    path: `/${path}`,
    type: n.type,
    mode: n.mode,
    uid: n.uid,
    gid: n.gid,
    size: n.size,
    layer: n.layer,
  };
}

/** Facts about the final filesystem that image rules check (permissions, SSH server). */
export function collectFileFacts(fs: LayerFilesystem, config: ContainerConfig): FileFacts {
  const pathDirs: string[] = [];
  for (const dir of imagePath(config).split(':')) {
    if (!dir.startsWith('/')) continue;
    const resolved = fs.resolve(dir.slice(1));
    const p = resolved ? resolved.path : dir.slice(1).replace(/\/+$/, '');
    if (!pathDirs.includes(p)) pathDirs.push(p);
  }
  const onPath = new Set(pathDirs);
  const setuid: FileFact[] = [];
  const worldWritable: WorldWritableFact[] = [];
  let truncated = false;
  for (const [path, node] of fs.entries()) {
    if (node.type === 'symlink') continue;
    if (node.type === 'file' && (node.mode & 0o6000) !== 0) {
      if (setuid.length < MAX_LISTED) setuid.push(fact(path, node));
      else truncated = true;
    }
    if ((node.mode & 0o002) === 0) continue;
    const slash = path.lastIndexOf('/');
    const parent = slash === -1 ? '' : path.slice(0, slash);
    const inPath = onPath.has(parent) || (node.isDir && onPath.has(path));
    const sticky = (node.mode & 0o1000) !== 0;
    if (node.isDir && sticky && !inPath) continue;
    if (node.type !== 'file' && !node.isDir) continue;
    if (worldWritable.length < MAX_LISTED) worldWritable.push({ ...fact(path, node), onPath: inPath });
    else truncated = true;
  }
  let sshServer: FileFact | null = null;
  for (const p of SSH_SERVERS) {
    const n = fs.lookup(p);
    if (n && n.type === 'file') {
      sshServer = fact(p, n);
      break;
    }
  }
  return { setuid, worldWritable, pathDirs: pathDirs.map((p) => `/${p}`), sshServer, truncated };
}
