import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';
import type { ShellCommand } from '../../../dockerfile/shell-ast.js';
import { resolvedValue } from './shell-values.js';

/** Package sources: the default index of each ecosystem, and how a host is read from a URL or sed script. */

export type SourceKind = 'pip' | 'npm' | 'apk' | 'apt';

const DEFAULT_HOST: Record<SourceKind, RegExp> = {
  pip: /^(?:pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)$/,
  npm: /^(?:registry\.npmjs\.org|registry\.npmjs\.com|registry\.yarnpkg\.com)$/,
  apk: /(?:^|\.)alpinelinux\.org$/,
  // Debian's and Ubuntu's own hosts, official country mirrors (ftp.de.debian.org, de.archive.ubuntu.com) included.
  apt: /(?:^|\.)(?:debian\.org|debian\.net|ubuntu\.com|raspbian\.org|raspberrypi\.org|devuan\.org)$/,
};

export const DEFAULT_NAME: Record<SourceKind, string> = {
  pip: 'pypi.org',
  npm: 'registry.npmjs.org',
  apk: 'dl-cdn.alpinelinux.org',
  apt: 'deb.debian.org / archive.ubuntu.com',
};

export function isDefaultHost(kind: SourceKind, host: string): boolean {
  return DEFAULT_HOST[kind].test(host.toLowerCase());
}

/** The host of a URL (`https://user:pw@host:8080/x` → `host`), or of a bare host name; null when there is none. */
export function hostOf(text: string): string | null {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/:\s?#]+)/i.exec(text.trim());
  if (url) return url[1]!.toLowerCase();
  const bare = /(?:^|[\s/"'=])((?:[a-z0-9-]+\.)+[a-z]{2,})(?=$|[\s/:"'])/i.exec(text);
  return bare ? bare[1]!.toLowerCase() : null;
}

/** The replacement hosts of a sed script's `s` commands (`s/deb.debian.org/mirrors.ustc.edu.cn/g`). */
export function sedReplacementHosts(script: string): string[] {
  const hosts: string[] = [];
  for (const expr of script.split(/;|\n/)) {
    const m = /^\s*(?:\d+|\/[^/]*\/)?\s*s(.)/.exec(expr);
    if (!m) continue;
    const d = m[1]!;
    const parts = splitUnescaped(expr.slice(m[0].length), d);
    if (parts.length < 2) continue;
    const host = hostOf(parts[1]!);
    if (host && hostOf(parts[0]!)) hosts.push(host);
  }
  return hosts;
}

function splitUnescaped(text: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
    } else if (c === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A `sed` command's scripts and the files it edits. */
export function sedScripts(
  model: DockerfileAnalysis,
  inst: Instruction,
  cmd: ShellCommand,
): { scripts: Array<{ text: string; word: ShellCommand['args'][number] }>; files: string[] } {
  const scripts: Array<{ text: string; word: ShellCommand['args'][number] }> = [];
  const files: string[] = [];
  let explicit = false;
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = resolvedValue(model, inst, args[i]!) ?? args[i]!.text;
    if (v === '-e' || v === '--expression') {
      const next = args[++i];
      if (next) scripts.push({ text: resolvedValue(model, inst, next) ?? next.text, word: next });
      explicit = true;
    } else if (v.startsWith('--expression=')) {
      scripts.push({ text: v.slice(13), word: args[i]! });
      explicit = true;
    } else if (v === '-f' || v === '--file' || v === '-l' || v === '--line-length') i++;
    else if (v.startsWith('-')) continue;
    else if (!explicit && scripts.length === 0) scripts.push({ text: v, word: args[i]! });
    else files.push(v);
  }
  return { scripts, files };
}
