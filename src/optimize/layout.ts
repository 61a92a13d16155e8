/** Placement shared by the stack synthesizers: system packages, the user's own steps, the command. */
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { copyFromStage, execForm, out, type Recorder, remapCopyFrom, withFlags } from './common.js';
import { FETCH_TOOLS, installRun, type SystemPackage, splitPackages } from './packages.js';
import type { Step } from './steps.js';
import type { Detection, OutInstruction, StackKind } from './types.js';

export interface PackagePlan {
  builder: string | null;
  runtime: string | null;
  builderPackages: SystemPackage[];
  runtimePackages: SystemPackage[];
  /** Packages the final image of the original installed and the new one does not. */
  dropped: string[];
}

/**
 * Gathers every package install of the original into one builder install (build tools, headers) and
 * one runtime install (runtime packages, the run-time libraries of `-dev` packages).
 */
export function planPackages(
  steps: Step[],
  stack: StackKind,
  manager: 'apt' | 'apk',
  rec: Recorder,
  fetch: { builder: boolean; runtime: boolean },
): PackagePlan {
  const builder: SystemPackage[] = [];
  const runtime: SystemPackage[] = [];
  const droppedFetch: string[] = [];
  const finalInstalled = new Set<string>();
  const add = (list: SystemPackage[], p: SystemPackage) => {
    if (!list.some((q) => q.name === p.name)) list.push(p);
  };
  for (const s of steps) {
    if (s.run?.kind !== 'packages' || s.run.manager !== manager) continue;
    if (s.final) for (const p of s.run.packages) finalInstalled.add(p.name);
    const split = splitPackages(s.run.packages, stack, manager);
    for (const p of split.build) add(builder, p);
    // Runtime packages of a builder stage stay in the builder (its own tools); those of the final stage ship.
    // A builder stage's own runtime packages stay in the builder (its tools); the run-time libraries of
    // its -dev packages are the final stage's business (a multi-stage original installs them there).
    const listed = new Set(s.run.packages.map((p) => p.name));
    for (const p of split.runtime)
      if (s.final) add(runtime, p);
      else if (listed.has(p.name)) add(builder, p);
    for (const p of split.fetch) {
      if (fetch.builder) add(builder, p);
      if (fetch.runtime && s.final) add(runtime, p);
      else if (s.final) droppedFetch.push(p.name);
    }
    const toRuntime = s.final && (split.runtime.length > 0 || (fetch.runtime && split.fetch.length > 0));
    const toBuilder =
      split.build.length > 0 ||
      (!s.final && split.runtime.some((p) => listed.has(p.name))) ||
      (fetch.builder && split.fetch.length > 0);
    if (toRuntime && toBuilder) rec.dispose(s, 'changed', 'reason.packagesSplit', 'builder, runtime');
    else if (toRuntime) rec.dispose(s, 'changed', 'reason.keptRuntime', 'runtime');
    else if (toBuilder) rec.dispose(s, 'moved', 'reason.packagesBuilder', 'builder');
    else
      rec.dispose(s, 'removed', 'reason.packagesDropped', null, {
        packages: split.fetch.map((p) => p.name).join(', '),
      });
    if (split.mapped.length > 0 && s.final)
      rec.change(
        'change.runtimeLibs',
        null,
        'seed 000 §2.3; seed 003 §3',
        { security: true },
        {
          mapped: split.mapped.map((m) => `${m.dev} → ${m.lib}`).join(', '),
        },
      );
    if (split.unknownDev.length > 0)
      rec.change('change.unknownDev', null, 'seed 003 §3', {}, { packages: split.unknownDev.join(', ') });
  }
  const buildOnly = builder.filter((p) => !runtime.some((r) => r.name === p.name));
  const dropped = [...finalInstalled].filter((n) => !runtime.some((r) => r.name === n));
  if (buildOnly.length > 0)
    rec.change(
      'change.buildToolsBuilderOnly',
      'apt-no-install-recommends',
      'seed 001 multi-stage; seed 003 §3.1',
      { security: true },
      {
        packages: buildOnly.map((p) => p.name).join(', '),
      },
    );
  const dropFetch = [...new Set(droppedFetch)];
  if (dropFetch.length > 0)
    rec.change(
      'change.dropFetchTools',
      null,
      'seed 000 B-1',
      { security: true },
      { packages: dropFetch.join(', ') },
    );
  if (builder.length + runtime.length > 0 && manager === 'apt')
    rec.change(
      'change.aptCacheMounts',
      'apt-no-install-recommends',
      'seed 000 B-6; Docker docs: cache mounts',
      { rebuild: true },
    );
  return {
    builder: builder.length > 0 ? installRun(manager, builder, true) : null,
    runtime: runtime.length > 0 ? installRun(manager, runtime, false) : null,
    builderPackages: builder,
    runtimePackages: runtime,
    dropped,
  };
}

/** Whether any builder-side or runtime RUN uses curl/wget (then they stay where needed). */
export function fetchUse(
  model: DockerfileAnalysis,
  steps: Step[],
  healthcheckKept: boolean,
): { builder: boolean; runtime: boolean } {
  let builder = false;
  let runtime = healthcheckKept;
  for (const s of steps) {
    if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(s.inst.keyword) || s.run?.kind === 'packages') continue;
    const c = model.commandsOf(s.inst);
    const uses = Boolean(c?.commands.some((cmd) => cmd.program !== null && FETCH_TOOLS.has(cmd.program)));
    if (!uses) continue;
    if (s.inst.keyword === 'RUN') builder = true;
    if (s.final) runtime = true;
  }
  return { builder, runtime };
}

export interface FinalStepOptions {
  /** Owner for COPY --chown (`10001:10001`), or null to copy as written. */
  chown: string | null;
  /** Steps a synthesizer placed itself. */
  handled: Set<Step>;
  /** The original's analysis: COPY --from one of its stages is remapped to the builder. */
  model?: DockerfileAnalysis;
  /** Port change for EXPOSE (unprivileged nginx). */
  port?: { from: number; to: number } | null;
  /**
   * A single-stage original builds in its final stage: its COPY/ADD of the context and WORKDIR before
   * this instruction index feed the build, so they belong to the builder (which copies the source).
   */
  buildsUntil?: number;
}

/** Index of the last dependency install or build of the final stage (single-stage originals), or -1. */
export function lastBuildIndex(steps: Step[]): number {
  let last = -1;
  for (const s of steps)
    if (s.final && (s.run?.kind === 'build' || s.run?.kind === 'deps')) last = s.inst.index;
  return last;
}

/**
 * The user's own steps of the final stage, in their original order: ENV, ARG, COPY of the source
 * (with --chown), RUN, VOLUME, LABEL, EXPOSE, WORKDIR, SHELL, STOPSIGNAL, ONBUILD.
 */
export function finalSteps(steps: Step[], rec: Recorder, opts: FinalStepOptions): OutInstruction[] {
  const body: OutInstruction[] = [];
  let first = true;
  for (const s of steps) {
    if (!s.final || opts.handled.has(s) || rec.has(s)) continue;
    const k = s.inst.keyword;
    let text: string | null = null;
    const feedsBuild = opts.buildsUntil !== undefined && s.inst.index < opts.buildsUntil;
    if (feedsBuild && (k === 'COPY' || k === 'ADD') && !s.inst.flags.some((f) => f.name === 'from')) {
      rec.dispose(s, 'moved', 'reason.copySourceBuilder', 'builder');
      continue;
    }
    if (feedsBuild && k === 'WORKDIR') {
      rec.dispose(s, 'kept', 'reason.workdir', 'builder');
      continue;
    }
    if ((k === 'COPY' || k === 'ADD') && opts.model && copyFromStage(opts.model, s.inst) !== null) {
      const flags =
        opts.chown && !s.inst.flags.some((f) => f.name === 'chown') ? [`--chown=${opts.chown}`] : [];
      text = remapCopyFrom({ ...s, text: withFlags(s, flags) });
      rec.dispose(s, 'changed', 'reason.copyFromRemapped', 'runtime');
    } else if (k === 'COPY' || k === 'ADD') {
      const isAddLocal = k === 'ADD' && !s.inst.sources.some((w) => /^(?:https?:|git@)/.test(w.value));
      const hasChown = s.inst.flags.some((f) => f.name === 'chown');
      const flags = opts.chown && !hasChown ? [`--chown=${opts.chown}`] : [];
      text = withFlags(s, flags, isAddLocal ? 'COPY' : k);
      if (isAddLocal)
        rec.change('change.addToCopy', 'add-instead-of-copy', 'hadolint DL3020', { reliability: true });
      rec.dispose(s, 'changed', isAddLocal ? 'reason.addToCopy' : 'reason.copySource', 'runtime');
    } else if (k === 'EXPOSE' && opts.port) {
      text = s.text.replace(new RegExp(`\\b${opts.port.from}\\b`), String(opts.port.to));
      rec.dispose(s, 'changed', 'reason.exposeChanged', 'runtime', {
        from: opts.port.from,
        to: opts.port.to,
      });
    } else if (k === 'MAINTAINER') {
      rec.dispose(s, 'changed', 'reason.maintainer', 'runtime');
      rec.change('change.maintainerLabel', 'maintainer-deprecated', 'hadolint DL4000', {});
      continue;
    } else if (
      [
        'ENV',
        'ARG',
        'RUN',
        'VOLUME',
        'LABEL',
        'EXPOSE',
        'WORKDIR',
        'SHELL',
        'STOPSIGNAL',
        'ONBUILD',
      ].includes(k)
    ) {
      text = s.text;
      rec.dispose(s, 'kept', 'reason.keptRuntime', 'runtime');
    } else continue;
    body.push(out(text, first ? 'comment.appSteps' : null));
    first = false;
  }
  return body;
}

/** The final command: ENTRYPOINT kept (exec form when possible), CMD given by the synthesizer. */
export function commandLines(entrypoint: string[] | null, cmd: string[] | null): OutInstruction[] {
  const lines: OutInstruction[] = [];
  if (entrypoint) lines.push(out(`ENTRYPOINT ${execForm(entrypoint)}`));
  if (cmd) lines.push(out(`CMD ${execForm(cmd)}`));
  return lines;
}

/** The builder ARG/ENV a builder-side text needs, copied from the original. */
export function builderVariables(steps: Step[], texts: string[]): OutInstruction[] {
  const joined = texts.join('\n');
  const lines: OutInstruction[] = [];
  for (const s of steps) {
    if (s.global) continue;
    if (s.inst.keyword === 'ARG' && s.inst.args.some((a) => new RegExp(`\\$\\{?${a.name}\\b`).test(joined)))
      lines.push(out(s.text));
    if (s.inst.keyword === 'ENV' && s.inst.pairs.some((p) => new RegExp(`\\$\\{?${p.key}\\b`).test(joined)))
      lines.push(out(s.text));
  }
  return lines;
}

export type { Detection };
