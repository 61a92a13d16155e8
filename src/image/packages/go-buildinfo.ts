/**
 * Go build information embedded in binaries (Go ≥ 1.18 layout of the `.go.buildinfo` section): a 16-byte
 * header `\xff Go buildinf:` + pointer size + flags; with flag bit 2 the Go version and the module
 * information follow as varint-length-prefixed strings at offset 32. Module lines are tab-separated:
 * `path`, `mod`, `dep`, `=>` (replacement of the previous module) and `build` settings.
 */

export const GO_BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const FLAG_INLINE_STRINGS = 0x2;

export interface GoModule {
  path: string;
  version: string;
  sum: string;
}

export interface GoBuildInfo {
  /** Toolchain version, e.g. `go1.21.3`. */
  goVersion: string;
  /** Main package path. */
  path: string;
  main: GoModule | null;
  deps: GoModule[];
  settings: Map<string, string>;
}

export class GoBuildInfoError extends Error {}

function readVarint(buf: Buffer, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const b = buf[i]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  throw new GoBuildInfoError('truncated varint in build info');
}

function readString(buf: Buffer, at: number): [string, number] {
  const [length, start] = readVarint(buf, at);
  if (start + length > buf.length) throw new GoBuildInfoError('build info string runs past the data read');
  return [buf.toString('utf8', start, start + length), start + length];
}

/**
 * Parses the build info that starts at `buf[0]` (the magic). Returns null for the pre-1.18 layout,
 * whose strings are pointers into the binary's data (not read).
 */
export function parseGoBuildInfoAt(buf: Buffer): GoBuildInfo | null {
  if (buf.length < 32 || !buf.subarray(0, 14).equals(GO_BUILDINFO_MAGIC))
    throw new GoBuildInfoError('no Go build info header');
  const flags = buf[15]!;
  if ((flags & FLAG_INLINE_STRINGS) === 0) return null;
  const [goVersion, next] = readString(buf, 32);
  let [modinfo] = readString(buf, next);
  // The module text is framed by two 16-byte sentinels.
  if (modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n') modinfo = modinfo.slice(16, -16);
  return { goVersion, ...parseModInfo(modinfo) };
}

export function parseModInfo(text: string): Omit<GoBuildInfo, 'goVersion'> {
  let path = '';
  let main: GoModule | null = null;
  const deps: GoModule[] = [];
  const settings = new Map<string, string>();
  for (const line of text.split('\n')) {
    const fields = line.split('\t');
    const kind = fields[0];
    const module = (): GoModule => ({
      path: fields[1] ?? '',
      version: fields[2] ?? '',
      sum: fields[3] ?? '',
    });
    if (kind === 'path') path = fields[1] ?? '';
    else if (kind === 'mod') main = module();
    else if (kind === 'dep') deps.push(module());
    else if (kind === '=>') {
      // Replaces the module on the previous line.
      if (deps.length > 0) deps[deps.length - 1] = module();
      else if (main) main = module();
    } else if (kind === 'build') {
      const setting = fields.slice(1).join('\t');
      const eq = setting.indexOf('=');
      if (eq > 0) settings.set(setting.slice(0, eq), setting.slice(eq + 1));
    }
  }
  return { path, main, deps, settings };
}

/** Finds and parses the build info of a whole binary held in memory (null when it has none). */
export function parseGoBinary(binary: Buffer): GoBuildInfo | null {
  const at = binary.indexOf(GO_BUILDINFO_MAGIC);
  if (at === -1) return null;
  return parseGoBuildInfoAt(binary.subarray(at));
}

/** Whether the first bytes are an executable format Go produces (ELF, PE, Mach-O). */
export function isExecutableFormat(head: Buffer): boolean {
  if (head.length < 4) return false;
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return true;
  if (head[0] === 0x4d && head[1] === 0x5a) return true;
  const magic = head.readUInt32BE(0);
  return magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe;
}
