/**
 * Python: a builder that compiles dependencies into the virtual environment /opt/venv (build tools and a
 * pip/poetry/uv/pipenv cache mount), a runtime stage on the same C library that copies the venv, the
 * source with --chown, a non-root user, a production server and a urllib health check.
 */
import { parseImageRef } from '../core/image-ref.js';
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import {
  commandAsWords,
  copyFromStage,
  copyParts,
  createUserRun,
  editText,
  finalUser,
  healthcheck,
  healthcheckUsesFetchTool,
  isExecForm,
  isRootUser,
  maintainerOf,
  ociLabels,
  out,
  Recorder,
  runWithMounts,
  titleOf,
} from './common.js';
import { builderVariables, fetchUse, finalSteps, planPackages } from './layout.js';
import { installRun } from './packages.js';
import type { Step } from './steps.js';
import type { Detection, OutInstruction, Synthesis } from './types.js';

export interface SynthInput {
  model: DockerfileAnalysis;
  steps: Step[];
  detection: Detection;
  /** Dockerfile path, for the image title. */
  path: string;
  /** Files present in the build context (context-relative), or null when it is unknown. */
  exists: (path: string) => boolean;
  /** Reads a context file's text (null when missing or unknown). */
  read: (path: string) => string | null;
}

const CACHE_OF: Record<string, string> = {
  pip: '/root/.cache/pip',
  poetry: '/root/.cache/pypoetry',
  uv: '/root/.cache/uv',
  pipenv: '/root/.cache/pipenv',
};

/** Builder and runtime images: the official python image's slim variant of the same version and C library. */
export function pythonBases(
  detection: Detection,
  steps: Step[],
): { builder: string; runtime: string; pinned: boolean } {
  const image = detection.base.image;
  const ref = image ? parseImageRef(image) : null;
  if (!ref || detection.base.family !== 'python')
    return { builder: image ?? 'python:3.12-slim', runtime: image ?? 'python:3.12-slim', pinned: false };
  const tag = ref.tag ?? 'latest';
  const version = detection.base.version;
  if (!version) return { builder: 'python:3.12-slim', runtime: 'python:3.12-slim', pinned: true };
  let runtime: string;
  if (tag.includes('alpine') || tag.includes('slim')) runtime = `python:${tag}`;
  else {
    const suite = /(bookworm|trixie|bullseye)/.exec(tag)?.[1];
    runtime = `python:${version}-slim${suite ? `-${suite}` : ''}`;
  }
  // A full image (compilers and headers included) stays the builder when the Dockerfile installs no compiler.
  const fullUsed = steps.some(
    (s) =>
      s.keyword === 'FROM' &&
      /python:[\d.]+(?:-(?:bookworm|trixie|bullseye))?$/.test(s.inst.argsText.split(/\s+/)[0] ?? ''),
  );
  const installsCompiler = steps.some(
    (s) =>
      s.run?.kind === 'packages' &&
      s.run.packages.some((p) => /^(?:gcc|g\+\+|build-essential|build-base)$/.test(p.name)),
  );
  const builder =
    fullUsed && !installsCompiler && !tag.includes('alpine') ? `python:${tag.replace(/-slim/, '')}` : runtime;
  return { builder, runtime, pinned: false };
}

function serverCommand(
  input: SynthInput,
  rec: Recorder,
  original: string[] | null,
  port: number,
): string[] | null {
  const py = input.detection.python!;
  if (!original) return null;
  const joined = original.join(' ');
  if (py.server === 'uvicorn' && original.includes('--reload')) {
    const cmd = original.filter((w) => w !== '--reload');
    rec.change(
      'change.prodServer',
      null,
      'seed 002 WSGI server',
      { reliability: true },
      { command: cmd.join(' '), dev: joined },
    );
    return cmd;
  }
  if ((py.server === 'flask' || py.server === 'django') && py.hasGunicorn) {
    let app = py.app;
    if (py.server === 'flask') {
      const i = original.indexOf('--app');
      app = i >= 0 ? (original[i + 1] ?? null) : null;
      app = app ? (app.includes(':') ? app : `${app.replace(/\.py$/, '')}:app`) : 'app:app';
    } else {
      const project = ['config', 'project', 'app', 'core'].find((p) => input.exists(`${p}/wsgi.py`));
      app = project ? `${project}.wsgi:application` : null;
    }
    if (app) {
      const cmd = ['gunicorn', '--bind', `0.0.0.0:${port}`, '--workers', '2', app];
      rec.change(
        'change.prodServer',
        null,
        'seed 002 WSGI server',
        { reliability: true },
        { command: cmd.join(' '), dev: joined },
      );
      return cmd;
    }
  }
  return original;
}

export function synthesizePython(input: SynthInput): Synthesis {
  const { model, steps, detection } = input;
  const py = detection.python!;
  const rec = new Recorder();
  const handled = new Set<Step>();
  const bases = pythonBases(detection, steps);
  const libc = detection.base.libc;
  const manager = detection.base.packager === 'apk' ? 'apk' : 'apt';
  const officialPython = detection.base.family === 'python';
  const port = detection.port;

  for (const s of steps)
    if (s.keyword === 'FROM') {
      rec.dispose(s, 'changed', 'reason.fromReplaced', s.final ? 'runtime' : 'builder', {
        base: s.final ? bases.runtime : bases.builder,
      });
      handled.add(s);
    }
  rec.change('change.multiStage', null, 'seed 001; seed 002; seed 003 §3', { security: true, sizeBytes: 0 });
  if (detection.base.image && bases.runtime !== detection.base.image)
    rec.change(
      bases.pinned ? 'change.pinnedBase' : 'change.runtimeBase',
      bases.pinned ? 'latest-tag' : null,
      'seed 001; seed 003 §4',
      { security: true },
      { base: bases.runtime, original: detection.base.image },
    );
  if (libc !== 'unknown')
    rec.change('change.keepLibc', null, 'seed 000 §9; seed 001', { reliability: true }, { libc });

  // Health check: urllib when the port is known, so curl can leave the image.
  const oldHealth = healthcheckUsesFetchTool(model, steps);
  const health = port ? healthcheck('python', port, py.healthPath ?? '/') : null;
  const fetch = fetchUse(model, steps, Boolean(oldHealth && !health));
  const pkgs = planPackages(steps, 'python', manager, rec, fetch);

  // Builder stage
  const builder: OutInstruction[] = [];
  builder.push(out('ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PIP_DISABLE_PIP_VERSION_CHECK=1'));
  const builderPackages = [...pkgs.builderPackages];
  if (!officialPython && manager === 'apt' && !builderPackages.some((p) => p.name === 'python3-venv'))
    builderPackages.push({ raw: 'python3-venv', name: 'python3-venv', pin: null });
  if (pkgs.builder || builderPackages.length !== pkgs.builderPackages.length) {
    builder.push(out(installRun(manager, builderPackages, true), 'comment.systemBuildDeps'));
  }
  for (const s of steps) {
    if (s.run?.kind !== 'tool') continue;
    builder.push(out(runWithMounts(s.text, [`--mount=type=cache,target=${CACHE_OF.pip}`])));
    rec.dispose(s, 'moved', 'reason.toolInstall', 'builder');
    handled.add(s);
  }
  const python = officialPython ? 'python' : 'python3';
  builder.push(out(`RUN ${python} -m venv /opt/venv`));
  const venvEnv = ['VIRTUAL_ENV=/opt/venv', 'PATH="/opt/venv/bin:$PATH"'];
  if (py.manager === 'uv') venvEnv.push('UV_PROJECT_ENVIRONMENT=/opt/venv');
  if (py.manager === 'poetry') venvEnv.push('POETRY_VIRTUALENVS_CREATE=false');
  builder.push(out(`ENV ${venvEnv.join(' \\\n    ')}`));
  rec.change('change.venv', null, 'seed 000 B-5; seed 001', { reliability: true });
  const workdir = steps.find((s) => s.final && s.keyword === 'WORKDIR');
  const dir = workdir ? workdir.inst.argsText.trim() : '/app';
  if (workdir) {
    rec.dispose(workdir, 'kept', 'reason.workdir', 'builder, runtime');
    handled.add(workdir);
  }
  builder.push(out(`WORKDIR ${dir}`));

  const depSteps = steps.filter((s) => s.run?.kind === 'deps');
  const depTexts = depSteps.map((s) => {
    const run = s.run as Extract<typeof s.run, { kind: 'deps' }>;
    const drop = run.command.args.filter((w) => ['--no-cache-dir', '--user'].includes(w.value ?? ''));
    const edited = editText(
      s,
      drop.map((w) => ({ start: w.start, end: w.end, text: '' })),
    );
    return runWithMounts(edited, [`--mount=type=cache,target=${CACHE_OF[run.tool] ?? CACHE_OF.pip}`]);
  });
  builder.push(...builderVariables(steps, depTexts));
  const manifests = py.manifests.length > 0 ? py.manifests : [];
  for (const s of steps) {
    if (s.inst.keyword !== 'COPY' || s.inst.flags.some((f) => f.name === 'from')) continue;
    const sources = s.inst.sources.map((w) => w.value.replace(/^\.\//, ''));
    if (
      sources.length > 0 &&
      sources.every((src) => manifests.includes(src) || /requirements.*\.txt$/.test(src))
    ) {
      rec.dispose(s, 'moved', 'reason.copyManifests', 'builder');
      handled.add(s);
    }
  }
  if (manifests.length > 0)
    builder.push(out(`COPY ${manifests.join(' ')} ./`, 'comment.deps', { files: manifests.join(', ') }));
  depSteps.forEach((s, i) => {
    builder.push(out(depTexts[i]!));
    rec.dispose(s, 'moved', 'reason.depsInstall', 'builder');
    handled.add(s);
  });
  if (depSteps.length > 0) {
    rec.change(
      'change.depsBeforeSource',
      null,
      'seed 001 layer cache; seed 000 §7',
      { rebuild: true },
      { files: manifests.join(', ') || 'requirements' },
    );
    rec.change(
      'change.depsCacheMount',
      'pip-no-cache-dir',
      'seed 000 B-6',
      { rebuild: true },
      { tool: py.manager, target: CACHE_OF[py.manager]! },
    );
  }
  // Builder-stage steps of the original that are not dependency installs stay in the builder.
  for (const s of steps) {
    if (s.final || s.global || handled.has(s) || rec.has(s)) continue;
    if (s.keyword === 'RUN' && s.run?.kind !== 'packages') {
      builder.push(out(s.text));
      rec.dispose(s, 'kept', 'reason.keptBuilder', 'builder');
    } else if (s.inst.keyword === 'COPY' && !s.inst.flags.some((f) => f.name === 'from')) {
      rec.dispose(s, 'removed', 'reason.duplicate', null);
    } else if (s.keyword === 'ENV' || s.keyword === 'ARG' || s.keyword === 'WORKDIR') {
      builder.push(out(s.text));
      rec.dispose(s, 'kept', 'reason.keptBuilder', 'builder');
    } else rec.dispose(s, 'removed', 'reason.unusedStage', null);
    handled.add(s);
  }

  // Runtime stage
  const runtime: OutInstruction[] = [];
  runtime.push(out(ociLabels(titleOf(input.path), maintainerOf(steps))));
  rec.change('change.ociLabels', null, 'OCI image-spec annotations', {});
  runtime.push(
    out(
      'ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1 \\\n    VIRTUAL_ENV=/opt/venv \\\n    PATH="/opt/venv/bin:$PATH"',
      'comment.python',
    ),
  );
  rec.change('change.pythonEnv', null, 'seed 001; seed 002', { reliability: true });
  const runtimePackages = [...pkgs.runtimePackages];
  if (!officialPython && manager === 'apt' && !runtimePackages.some((p) => p.name === 'python3')) {
    // The venv links to the base's interpreter: the runtime needs python3 itself.
    runtimePackages.unshift({ raw: 'python3', name: 'python3', pin: null });
  }
  if (runtimePackages.length > 0) {
    runtime.push(out(installRun(manager, runtimePackages, false), 'comment.runtimeDeps'));
  }
  const origUser = finalUser(steps);
  const keepUser = !isRootUser(origUser);
  const user = keepUser ? origUser! : '10001:10001';
  if (!keepUser) {
    const create = createUserRun(detection.base.packager);
    if (create) runtime.push(out(create, 'comment.user'));
    rec.change(
      'change.nonRootUser',
      'final-stage-root',
      'seed 000 B-2; seed 001; seed 002',
      { security: true },
      { user: 'app', uid: 10001 },
    );
  } else rec.change('change.existingUser', null, 'seed 002', { security: true }, { user });
  for (const s of steps)
    if (s.final && s.keyword === 'USER') {
      if (keepUser) rec.dispose(s, 'kept', 'reason.keptRuntime', 'runtime');
      else rec.dispose(s, 'changed', 'reason.userReplaced', 'runtime', { user: 'app (10001)' });
      handled.add(s);
    }
  runtime.push(out(`WORKDIR ${dir}`));
  runtime.push(out('COPY --from=builder /opt/venv /opt/venv', 'comment.fromBuilder'));
  // Copies of installed packages from the original's build stage: the venv replaces them.
  const PY_INSTALL =
    /site-packages|dist-packages|\/usr\/local\/(?:bin|lib)|\/root\/\.local|venv|\/install\b|wheels?\b/;
  for (const s of steps)
    if (
      s.final &&
      copyFromStage(model, s.inst) !== null &&
      copyParts(s.inst).sources.some((src) => PY_INSTALL.test(src))
    ) {
      rec.dispose(s, 'changed', 'reason.copyFromReplaced', 'runtime', { what: '/opt/venv' });
      handled.add(s);
    }

  // Command and health check
  const cmdStep = [...steps].reverse().find((s) => s.final && s.keyword === 'CMD');
  const entryStep = [...steps].reverse().find((s) => s.final && s.keyword === 'ENTRYPOINT');
  for (const s of steps)
    if (s.final && (s.keyword === 'CMD' || s.keyword === 'ENTRYPOINT') && s !== cmdStep && s !== entryStep) {
      rec.dispose(s, 'removed', 'reason.duplicate', null);
      handled.add(s);
    }
  const tail: OutInstruction[] = [];
  const cmdWords = cmdStep ? commandAsWords(model, cmdStep.inst) : null;
  const finalCmd = serverCommand(input, rec, cmdWords, port ?? 8000);
  for (const s of steps)
    if (s.final && s.keyword === 'HEALTHCHECK') {
      if (health && s === oldHealth) rec.dispose(s, 'changed', 'reason.healthcheckReplaced', 'runtime');
      else {
        tail.push(out(s.text));
        rec.dispose(s, 'kept', 'reason.keptRuntime', 'runtime');
        rec.change('change.healthcheckKept', null, 'seed 000 B-3', {});
      }
      handled.add(s);
    }
  const hasOwnHealth = steps.some((s) => s.final && s.keyword === 'HEALTHCHECK' && s !== oldHealth);
  if (health && !hasOwnHealth) {
    tail.unshift(out(health, 'comment.health'));
    rec.change(
      'change.healthcheck',
      'healthcheck-missing',
      'seed 000 B-3, P1-3; seed 002',
      { reliability: true },
      { tool: 'Python urllib', port: port! },
    );
  } else if (!health && !hasOwnHealth)
    rec.change('change.noHealthcheck', 'healthcheck-missing', 'seed 000 B-3', {}, { why: 'EXPOSE' });
  if (entryStep) {
    const words = commandAsWords(model, entryStep.inst);
    tail.push(out(words ? `ENTRYPOINT ${JSON.stringify(words).replace(/","/g, '", "')}` : entryStep.text));
    rec.dispose(
      entryStep,
      words && !isExecForm(entryStep.inst) ? 'changed' : 'kept',
      words && !isExecForm(entryStep.inst) ? 'reason.cmdExec' : 'reason.keptRuntime',
      'runtime',
    );
    handled.add(entryStep);
  }
  if (cmdStep) {
    if (finalCmd) tail.push(out(`CMD ${JSON.stringify(finalCmd).replace(/","/g, '", "')}`));
    else tail.push(out(cmdStep.text));
    const replaced = finalCmd && cmdWords && finalCmd.join(' ') !== cmdWords.join(' ');
    if (replaced)
      rec.dispose(cmdStep, 'changed', 'reason.cmdServer', 'runtime', { command: finalCmd!.join(' ') });
    else if (finalCmd && !isExecForm(cmdStep.inst)) {
      rec.dispose(cmdStep, 'changed', 'reason.cmdExec', 'runtime');
      rec.change('change.execForm', 'cmd-shell-form', 'seed 002 (graceful exit)', { reliability: true });
    } else rec.dispose(cmdStep, 'kept', 'reason.keptRuntime', 'runtime');
    handled.add(cmdStep);
  }

  const own = finalSteps(steps, rec, { chown: user, handled, model });
  const body = [...runtime, ...own, out(`USER ${user}`), ...tail];
  return {
    stages: [
      { from: bases.builder, alias: 'builder', body: builder },
      { from: bases.runtime, alias: null, body },
    ],
    changes: rec.changes,
    dispositions: rec.dispositions,
    extraFiles: [],
    droppedPackages: pkgs.dropped,
    runtimePackages: runtimePackages.map((p) => p.name),
    runtimeBase: bases.runtime,
  };
}
