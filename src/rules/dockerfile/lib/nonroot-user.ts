/**
 * The suggested fix of `final-stage-root`: create an unprivileged user with a fixed UID and switch to it
 * right after the final stage's last RUN, so every build step keeps root and only the running program
 * loses it. Offered only where the user tools are known (Debian/Ubuntu `groupadd`/`useradd`, Alpine/BusyBox
 * `addgroup`/`adduser`).
 */

import type { TextEdit } from '../../../core/finding.js';
import type { ImageRef } from '../../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, Stage } from '../../../dockerfile/model.js';
import { isDebianBased, libcOf } from './images.js';
import { sameCase } from './instructions.js';

/** The UID (and GID) of the user the fix creates; the optimizer uses the same one. */
export const UNPRIVILEGED_UID = 10001;

export type Tools = 'debian' | 'alpine';

/** Which user tools the image has: from its own package commands first, else from the base name. */
export function userTools(
  model: DockerfileAnalysis,
  lineage: readonly Instruction[],
  root: ImageRef,
): Tools | null {
  let apt = false;
  let apk = false;
  let other = false;
  for (const inst of lineage) {
    if (inst.keyword !== 'RUN') continue;
    for (const c of model.commandsOf(inst)?.commands ?? []) {
      if (c.program === 'apt-get' || c.program === 'apt') apt = true;
      else if (c.program === 'apk') apk = true;
      else if (c.program && /^(?:dnf|yum|microdnf|zypper|tdnf|pacman)$/.test(c.program)) other = true;
    }
  }
  if (other || (apt && apk)) return null;
  if (apk) return 'alpine';
  if (apt) return 'debian';
  if (libcOf(root) === 'musl') return 'alpine';
  if (isDebianBased(root)) return 'debian';
  return null;
}

/** The shell command that creates an unprivileged user and its group with a fixed UID and GID. */
export function createUserCommand(tools: Tools, name = 'app', uid = UNPRIVILEGED_UID): string {
  if (tools === 'alpine')
    return `addgroup -g ${uid} -S ${name} && adduser -u ${uid} -S -G ${name} -H -s /sbin/nologin ${name}`;
  return `groupadd --gid ${uid} ${name} && useradd --uid ${uid} --gid ${name} --no-create-home --shell /usr/sbin/nologin --no-log-init ${name}`;
}

/** The edits that add the user after the final stage's last RUN (after its FROM when it has none). */
export function unprivilegedUserFix(
  model: DockerfileAnalysis,
  final: Stage,
  tools: Tools,
): TextEdit[] | null {
  const anchor = final.instructions.findLast((i) => i.keyword === 'RUN' && !i.onbuild) ?? final.from;
  const text = model.file.text;
  const eol = model.file.eol;
  const nl = text.indexOf('\n', anchor.span.end);
  const at = nl < 0 ? text.length : nl + 1;
  // The same indentation and keyword case as the anchor.
  const lineStart = text.lastIndexOf('\n', anchor.span.start - 1) + 1;
  const indent = text.slice(lineStart, anchor.span.start);
  if (/\S/.test(indent)) return null;
  const run = sameCase(anchor.keywordRaw, 'RUN');
  const user = sameCase(anchor.keywordRaw, 'USER');
  const uid = UNPRIVILEGED_UID;
  const lines = `${indent}${run} ${createUserCommand(tools, 'app', uid)}${eol}${indent}${user} ${uid}:${uid}${eol}`;
  return [{ start: at, end: at, text: nl < 0 ? `${eol}${lines}` : lines }];
}
