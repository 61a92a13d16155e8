/** Pieces every synthesizer uses: instruction rewriting, users, labels, health checks, dispositions. */
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Instruction } from '../dockerfile/model.js';
import { createUserCommand, UNPRIVILEGED_UID } from '../rules/dockerfile/lib/nonroot-user.js';
import type { ChangeKey, CommentKey, ReasonKey } from './catalog.js';
import type { Step } from './steps.js';
import type { BaseFacts, Change, Disposition, Gain, OutInstruction } from './types.js';

/** The application user's UID, the same one `final-stage-root`'s fix creates. */
export const APP_UID = UNPRIVILEGED_UID;

export function out(
  text: string,
  comment: CommentKey | null = null,
  commentData?: Record<string, string | number>,
): OutInstruction {
  return { text, comment, commentData };
}

/** Collects changes and dispositions while a synthesizer works. */
export class Recorder {
  readonly changes: Change[] = [];
  readonly dispositions: Disposition[] = [];
  private seen = new Set<Instruction>();

  change(
    key: ChangeKey,
    rule: string | null,
    practice: string,
    gain: Gain,
    data?: Record<string, string | number>,
  ): void {
    if (this.changes.some((c) => c.key === key && JSON.stringify(c.data) === JSON.stringify(data))) return;
    this.changes.push({ key, rule, practice, gain, data });
  }

  dispose(
    step: Step,
    action: Disposition['action'],
    reason: ReasonKey,
    stage: string | null,
    data?: Record<string, string | number>,
  ): void {
    if (this.seen.has(step.inst)) return;
    this.seen.add(step.inst);
    this.dispositions.push({
      line: step.line,
      keyword: step.keyword,
      text: step.text,
      action,
      reason,
      data,
      stage,
    });
  }

  has(step: Step): boolean {
    return this.seen.has(step.inst);
  }
}

/** JSON array form of a command. */
export function execForm(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

/** Inserts flags right after the keyword (`COPY --chown=… src dst`), keeping the rest as written. */
export function withFlags(step: Step, flags: string[], keyword = step.inst.keyword): string {
  const inst = step.inst;
  const rest = step.text.slice(inst.keywordSpan.end - inst.span.start).replace(/^[ \t]+/, '');
  return [keyword, ...flags, rest].filter(Boolean).join(' ');
}

/** Applies edits (source offsets) to an instruction's text. */
export function editText(step: Step, edits: { start: number; end: number; text: string }[]): string {
  const base = step.inst.span.start;
  let text = step.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    let end = e.end - base;
    // Removing a word also removes one space after it.
    if (e.text === '' && text[end] === ' ') end++;
    text = text.slice(0, e.start - base) + e.text + text.slice(end);
  }
  return text;
}

/** A RUN with BuildKit mounts in front of its command (the command kept exactly as written). */
export function runWithMounts(text: string, mounts: string[]): string {
  const m = /^(\s*RUN)\s+((?:--\S+\s+)*)/i.exec(text);
  if (!m) return text;
  const existing = m[2]!.trim();
  const rest = text.slice(m[0].length);
  const flags = [...(existing ? existing.split(/\s+/) : []), ...mounts.filter((x) => !existing.includes(x))];
  return `RUN ${flags.map((f) => `${f} \\\n    `).join('')}${rest}`;
}

/** Creates the application user with a fixed UID (Debian/Ubuntu or Alpine). */
export function createUserRun(packager: BaseFacts['packager'], name = 'app', uid = APP_UID): string | null {
  if (packager === 'apk') return `RUN ${createUserCommand('alpine', name, uid)}`;
  // Debian's two commands on two lines: the second is long.
  if (packager === 'apt' || packager === 'unknown')
    return `RUN ${createUserCommand('debian', name, uid).replace(' && ', ' && \\\n    ')}`;
  return null;
}

/** OCI labels: a title from the context folder, and the authors when the original named them. */
export function ociLabels(title: string, authors: string | null): string {
  const pairs = [`org.opencontainers.image.title=${JSON.stringify(title)}`];
  if (authors) pairs.push(`org.opencontainers.image.authors=${JSON.stringify(authors)}`);
  return `LABEL ${pairs.join(' \\\n      ')}`;
}

/** The user a final stage switches to (last USER), or null. */
export function finalUser(steps: Step[]): string | null {
  let user: string | null = null;
  for (const s of steps) if (s.final && s.inst.keyword === 'USER') user = s.inst.argsText.trim();
  return user;
}

export function isRootUser(user: string | null): boolean {
  return user === null || /^(?:root|0)(?::.*)?$/.test(user);
}

/** Curl/wget-based health checks that a urllib/fetch/busybox check replaces. */
export function healthcheckUsesFetchTool(model: DockerfileAnalysis, steps: Step[]): Step | null {
  for (const s of steps) {
    if (!s.final || s.inst.keyword !== 'HEALTHCHECK') continue;
    const c = model.commandsOf(s.inst);
    if (c?.commands.some((cmd) => cmd.program === 'curl' || cmd.program === 'wget')) return s;
  }
  return null;
}

/** Whether a program is run by the final stage outside the health check (RUN, CMD, ENTRYPOINT). */
export function finalStageRuns(model: DockerfileAnalysis, steps: Step[], programs: string[]): boolean {
  return steps.some((s) => {
    if (!s.final || !['RUN', 'CMD', 'ENTRYPOINT'].includes(s.inst.keyword)) return false;
    if (s.run?.kind === 'packages') return false;
    const c = model.commandsOf(s.inst);
    return Boolean(c?.commands.some((cmd) => cmd.program !== null && programs.includes(cmd.program)));
  });
}

/** An existing command as exec-form words, or null when it needs a shell (operators, expansions). */
export function commandAsWords(model: DockerfileAnalysis, inst: Instruction): string[] | null {
  if ((inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') && inst.form === 'exec' && inst.json)
    return inst.json.values;
  const c = model.commandsOf(inst);
  if (c?.commands.length !== 1 || c.errors.length > 0) return null;
  const cmd = c.commands[0]!;
  if (cmd.assignments.length > 0 || cmd.redirects.length > 0 || cmd.words.some((w) => w.value === null))
    return null;
  const words = cmd.words.map((w) => w.value!);
  // `sh -c "…"` wrappers: read the inner command when it is one simple command.
  return words[0] === 'exec' ? words.slice(1) : words;
}

/** An HTTP health check that needs no curl: Python urllib, Node fetch or busybox wget. */
export function healthcheck(tool: 'python' | 'node' | 'wget' | 'perl', port: number, path: string): string {
  const url = `http://127.0.0.1:${port}${path}`;
  const timing = '--interval=30s --timeout=5s --start-period=20s --retries=3';
  if (tool === 'python')
    return `HEALTHCHECK ${timing} \\\n    CMD ${execForm(['python', '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`])}`;
  if (tool === 'node')
    return `HEALTHCHECK ${timing} \\\n    CMD ${execForm(['node', '-e', `fetch('${url}').then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))`])}`;
  if (tool === 'wget')
    return `HEALTHCHECK ${timing} \\\n    CMD ${execForm(['wget', '-q', '--spider', url])}`;
  // Debian's perl-base is Essential (in every Debian image): a TCP connect to the port.
  return `HEALTHCHECK ${timing} \\\n    CMD ${execForm(['perl', '-MIO::Socket::INET', '-e', `exit !IO::Socket::INET->new("127.0.0.1:${port}")`])}`;
}

/** Title for labels: the context folder's name. */
export function titleOf(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/').filter(Boolean);
  return parts.length >= 2 ? parts[parts.length - 2]! : 'app';
}

/** MAINTAINER's value, when the original has one. */
export function maintainerOf(steps: Step[]): string | null {
  const m = steps.find((s) => s.inst.keyword === 'MAINTAINER');
  return m ? m.inst.argsText.trim() : null;
}

/** Variables (ARG/ENV) of the original that a text refers to. */
export function variablesUsed(steps: Step[], texts: string[]): Step[] {
  const joined = texts.join('\n');
  return steps.filter((s) => {
    if (s.inst.keyword === 'ARG')
      return s.inst.args.some((a) => new RegExp(`\\$\\{?${a.name}\\b`).test(joined));
    if (s.inst.keyword === 'ENV')
      return s.inst.pairs.some((p) => new RegExp(`\\$\\{?${p.key}\\b`).test(joined));
    return false;
  });
}

/** CMD/ENTRYPOINT/RUN written in exec (JSON) form. */
export function isExecForm(inst: Instruction): boolean {
  return 'form' in inst && inst.form === 'exec';
}

/** Sources and destination of a COPY/ADD (empty for other instructions). */
export function copyParts(inst: Instruction): { sources: string[]; destination: string | null } {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return { sources: [], destination: null };
  return { sources: inst.sources.map((w) => w.value), destination: inst.destination?.value ?? null };
}

/** The original stage a `COPY --from` names (by alias or index), or null for an image or none. */
export function copyFromStage(model: DockerfileAnalysis, inst: Instruction): number | null {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return null;
  const from = inst.flags.find((f) => f.name === 'from')?.value;
  if (!from) return null;
  const byName = model.stages.find((st) => st.name === from.toLowerCase());
  if (byName && byName.index < inst.stage) return byName.index;
  if (/^\d+$/.test(from) && Number(from) < inst.stage) return Number(from);
  return null;
}

/** A runtime COPY from one of the original's build stages, now merged into `builder`. */
export function remapCopyFrom(step: Step): string {
  return step.text.replace(/--from=(?:"[^"]*"|\S+)/, '--from=builder');
}
