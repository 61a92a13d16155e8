/**
 * Node: a builder that installs from the lockfile (npm ci / pnpm / yarn, cache mount), copies the source
 * and builds. A static build is served by nginx as an unprivileged user on a port ≥ 1024; a Node server
 * runs on the same C library as its builder (native modules never cross glibc/musl), as the image's
 * `node` user, with production dependencies only and a fetch() health check.
 */
import { parseImageRef } from '../core/image-ref.js';
import {
  commandAsWords,
  copyFromStage,
  copyParts,
  createUserRun,
  editText,
  execForm,
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
import { builderVariables, fetchUse, finalSteps, lastBuildIndex, planPackages } from './layout.js';
import { privilegedListens, rewriteNginxConf, UNPRIVILEGED_PORT, unprivilegedNginxConf } from './nginx.js';
import type { SynthInput } from './python.js';
import type { Step } from './steps.js';
import type { ExtraFile, OutInstruction, Synthesis } from './types.js';

const CACHE: Record<string, string> = {
  npm: '/root/.npm',
  pnpm: '/root/.local/share/pnpm/store',
  yarn: '/usr/local/share/.cache/yarn',
};
/** Pinned nginx for static sites when the original's tag is missing or `latest` (stable line, repo-info 2026-10). */
export const NGINX_DEFAULT = 'nginx:1.30-alpine';
export const NODE_DEFAULT = 'node:22-slim';

function nodeImage(image: string | null, rec: Recorder, final: boolean): string | null {
  const ref = image ? parseImageRef(image) : null;
  if (ref?.name !== 'node') return image;
  const tag = ref.tag ?? 'latest';
  if (!/^\d/.test(tag)) {
    rec.change(
      'change.pinnedBase',
      'latest-tag',
      'seed 003 §2.1',
      { reliability: true },
      { base: NODE_DEFAULT, original: image! },
    );
    return NODE_DEFAULT;
  }
  // The full image is buildpack-deps: the slim variant of the same version and libc is enough to run.
  if (final && !/slim|alpine/.test(tag))
    return `node:${tag.replace(/-(bookworm|trixie|bullseye)$/, '')}-slim${/-(bookworm|trixie|bullseye)$/.exec(tag)?.[0] ?? ''}`;
  return image;
}

function builderImage(input: SynthInput, rec: Recorder): string {
  const builderStage = input.model.stages.find((s) => !input.model.isFinal(s) && input.model.isReachable(s));
  const root = builderStage
    ? input.model.rootImageOf(builderStage)
    : input.model.rootImageOf(input.model.finalStage!);
  const image = root.kind === 'image' ? root.text : null;
  return nodeImage(image, rec, false) ?? NODE_DEFAULT;
}

/** Dependency install of the original, rewritten: npm install → npm ci with a lockfile, cache mounted. */
function depsRun(step: Step, manager: string, lockfile: string | null, rec: Recorder): string {
  const run = step.run as Extract<Step['run'], { kind: 'deps' }>;
  const cmd = run.command;
  const edits: { start: number; end: number; text: string }[] = [];
  const sub = cmd.args.find((w) => !(w.value ?? '').startsWith('-'));
  if (
    cmd.program === 'npm' &&
    lockfile &&
    sub &&
    (sub.value === 'install' || sub.value === 'i') &&
    cmd.args.every((w) => (w.value ?? '').startsWith('-') || w === sub)
  ) {
    edits.push({ start: sub.start, end: sub.end, text: 'ci' });
    rec.change('change.npmCi', 'npm-ci', 'seed 003 §3.2', { reliability: true, rebuild: true });
  }
  return runWithMounts(editText(step, edits), [`--mount=type=cache,target=${CACHE[manager] ?? CACHE.npm}`]);
}

export function synthesizeNode(input: SynthInput): Synthesis {
  const { model, steps, detection } = input;
  const node = detection.node!;
  const rec = new Recorder();
  const handled = new Set<Step>();
  const isStatic = detection.stack === 'node-static';
  const builderBase = builderImage(input, rec);
  const manager = detection.base.packager === 'apk' ? 'apk' : 'apt';
  const extraFiles: ExtraFile[] = [];
  rec.change('change.multiStage', null, 'seed 000 §3.3; seed 003 §3.2', { security: true, sizeBytes: 0 });

  // Runtime image
  let runtimeBase: string;
  const official = detection.base.family;
  if (isStatic && (official === 'nginx' || !detection.base.image)) {
    const ref = detection.base.image ? parseImageRef(detection.base.image) : null;
    const version = detection.base.version;
    runtimeBase = ref && version ? `nginx:${version}-alpine` : NGINX_DEFAULT;
    if (!version)
      rec.change(
        'change.pinnedBase',
        'latest-tag',
        'seed 003 §2.1',
        { reliability: true },
        { base: runtimeBase, original: detection.base.image ?? 'nginx' },
      );
  } else if (isStatic) runtimeBase = detection.base.image!;
  else runtimeBase = nodeImage(detection.base.image, rec, true) ?? NODE_DEFAULT;
  if (detection.base.image && runtimeBase !== detection.base.image)
    rec.change(
      'change.runtimeBase',
      null,
      'seed 000 F-5; seed 003 §4',
      { security: true },
      { base: runtimeBase, original: detection.base.image },
    );
  if (!isStatic && detection.base.libc !== 'unknown')
    rec.change('change.keepLibc', null, 'seed 000 §9', { reliability: true }, { libc: detection.base.libc });

  for (const s of steps)
    if (s.keyword === 'FROM') {
      rec.dispose(s, 'changed', 'reason.fromReplaced', s.final ? 'runtime' : 'builder', {
        base: s.final ? runtimeBase : builderBase,
      });
      handled.add(s);
    }
  const rawPort = detection.port ?? (isStatic ? 80 : null);
  const port = isStatic && rawPort !== null && rawPort < 1024 ? UNPRIVILEGED_PORT : rawPort;
  const officialNginx = isStatic && runtimeBase.startsWith('nginx:');
  const healthTool = isStatic
    ? officialNginx && runtimeBase.includes('alpine')
      ? 'wget'
      : detection.base.packager === 'apt'
        ? 'perl'
        : null
    : 'node';
  const oldHealth = healthcheckUsesFetchTool(model, steps);
  const health = port && healthTool ? healthcheck(healthTool, port, isStatic ? '/' : '/') : null;
  const fetch = fetchUse(model, steps, Boolean(oldHealth && !health));
  const pkgs = planPackages(steps, detection.stack, manager, rec, fetch);

  // Builder
  const builder: OutInstruction[] = [];
  if (pkgs.builder) builder.push(out(pkgs.builder, 'comment.systemBuildDeps'));
  const workdirStep =
    steps.find((s) => !s.final && s.keyword === 'WORKDIR') ?? steps.find((s) => s.keyword === 'WORKDIR');
  const workdir = workdirStep ? workdirStep.inst.argsText.trim() : '/app';
  builder.push(out(`WORKDIR ${workdir}`));
  for (const s of steps)
    if (s.run?.kind === 'tool') {
      builder.push(out(s.text));
      rec.dispose(s, 'moved', 'reason.toolInstall', 'builder');
      handled.add(s);
    }
  const deps = steps.filter((s) => s.run?.kind === 'deps');
  const depTexts = deps.map((s) => depsRun(s, node.manager, node.lockfile, rec));
  builder.push(...builderVariables(steps, depTexts));
  const manifests = node.manifests.length > 0 ? node.manifests : ['package.json'];
  builder.push(out(`COPY ${manifests.join(' ')} ./`, 'comment.deps', { files: manifests.join(', ') }));
  deps.forEach((s, i) => {
    builder.push(out(depTexts[i]!));
    rec.dispose(s, 'moved', 'reason.depsInstall', 'builder');
    handled.add(s);
  });
  if (deps.length > 0) {
    rec.change(
      'change.depsBeforeSource',
      null,
      'seed 000 F-4; seed 001',
      { rebuild: true },
      { files: manifests.join(', ') },
    );
    rec.change(
      'change.depsCacheMount',
      null,
      'seed 000 F-4',
      { rebuild: true },
      { tool: node.manager, target: CACHE[node.manager]! },
    );
  }
  builder.push(out('COPY . .', 'comment.source'));
  const lastBuild = lastBuildIndex(steps);
  const buildAt = steps.find((x) => x.final && x.run?.kind === 'build')?.inst.index ?? -1;
  // Builder-side steps in their order: source copies, builds, the user's own RUNs.
  for (const s of steps) {
    if (handled.has(s) || rec.has(s) || s.global) continue;
    const k = s.keyword;
    // A single-stage static build: RUN steps after the build work on its output, so they stay with it.
    const afterBuild =
      isStatic &&
      s.final &&
      s.keyword === 'RUN' &&
      s.run?.kind !== 'packages' &&
      s.inst.index < lastBuild &&
      lastBuild >= 0;
    const builderSide =
      !s.final ||
      s.run?.kind === 'build' ||
      afterBuild ||
      (isStatic && s.final && s.keyword === 'RUN' && s.inst.index > buildAt && buildAt >= 0);
    if (!builderSide) continue;
    if (k === 'COPY' || k === 'ADD') {
      const fromImage = s.inst.flags.some((f) => f.name === 'from') && copyFromStage(model, s.inst) === null;
      if (fromImage) builder.push(out(s.text));
      if (copyFromStage(model, s.inst) !== null) rec.dispose(s, 'removed', 'reason.mergedStage', null);
      else
        rec.dispose(
          s,
          fromImage ? 'kept' : 'moved',
          fromImage ? 'reason.keptBuilder' : 'reason.copySourceBuilder',
          'builder',
        );
      if (k === 'ADD')
        rec.change('change.addToCopy', 'add-instead-of-copy', 'hadolint DL3020', { reliability: true });
    } else if (k === 'RUN' && s.run?.kind !== 'packages') {
      builder.push(out(s.text, s.run?.kind === 'build' ? 'comment.build' : null));
      rec.dispose(
        s,
        s.run?.kind === 'build' ? 'moved' : 'kept',
        s.run?.kind === 'build' ? 'reason.buildStep' : 'reason.keptBuilder',
        'builder',
      );
    } else if (k === 'ENV' || k === 'ARG') {
      builder.push(out(s.text));
      rec.dispose(s, 'kept', 'reason.keptBuilder', 'builder');
    } else if (k === 'WORKDIR') rec.dispose(s, 'kept', 'reason.workdir', 'builder');
    else if (k === 'MAINTAINER') {
      rec.dispose(s, 'changed', 'reason.maintainer', 'runtime');
      rec.change('change.maintainerLabel', 'maintainer-deprecated', 'hadolint DL4000', {});
    } else rec.dispose(s, 'removed', 'reason.unusedStage', null);
    handled.add(s);
  }

  // Runtime
  const runtime: OutInstruction[] = [out(ociLabels(titleOf(input.path), maintainerOf(steps)))];
  rec.change('change.ociLabels', null, 'OCI image-spec annotations', {});
  if (!isStatic) runtime.push(out('ENV NODE_ENV=production'));
  if (pkgs.runtime) runtime.push(out(pkgs.runtime, 'comment.runtimeDeps'));
  let user: string;
  const tail: OutInstruction[] = [];
  const outputCopy = steps.find((s) => s.final && copyFromStage(model, s.inst) !== null);
  for (const s of steps)
    if (s.final && copyFromStage(model, s.inst) !== null && (!isStatic || s === outputCopy)) {
      rec.dispose(s, 'changed', 'reason.copyFromReplaced', 'runtime', {
        what: copyParts(s.inst).sources.join(' '),
      });
      handled.add(s);
    }
  if (isStatic) {
    const out_ = node.outputDir ?? `${workdir}/dist`;
    const htmlStep = steps.find(
      (s) => s.final && s.inst.keyword === 'COPY' && s.inst.flags.some((f) => f.name === 'from'),
    );
    const dest = (htmlStep ? copyParts(htmlStep.inst).destination : null) ?? '/usr/share/nginx/html';
    rec.change('change.staticToNginx', null, 'seed 000 §3.3', { security: true }, { dir: out_ });
    user = officialNginx ? '101:101' : (finalUser(steps) ?? '33:33');
    runtime.push(...nginxConfig(input, rec, handled, port!, dest, extraFiles));
    runtime.push(out(`COPY --from=builder ${out_} ${dest}`));
    rec.change(
      'change.nginxUnprivileged',
      'final-stage-root',
      'seed 000 F-1, F-2; seed 003 §2.5',
      { security: true },
      { port: port! },
    );
  } else {
    const origUser = finalUser(steps);
    const officialNode = detection.base.family === 'node';
    user = !isRootUser(origUser) ? origUser! : officialNode ? '1000:1000' : '10001:10001';
    if (isRootUser(origUser) && !officialNode) {
      const create = createUserRun(detection.base.packager);
      if (create) runtime.push(out(create, 'comment.user'));
    }
    rec.change(
      'change.nonRootUser',
      'final-stage-root',
      'seed 003 §2.2',
      { security: true },
      { user: officialNode ? 'node' : 'app', uid: user.split(':')[0]! },
    );
    runtime.push(out(`WORKDIR ${workdir}`));
    if (node.manager === 'npm') {
      builder.push(out('RUN npm prune --omit=dev'));
      rec.change(
        'change.nodeProdDeps',
        null,
        'seed 003 §3.2',
        { sizeBytes: 0 },
        { command: 'npm prune --omit=dev' },
      );
    }
    runtime.push(out(`COPY --from=builder --chown=${user} ${workdir} ${workdir}`, 'comment.fromBuilder'));
  }
  for (const s of steps)
    if (s.final && s.keyword === 'USER') {
      rec.dispose(s, 'changed', 'reason.userReplaced', 'runtime', { user });
      handled.add(s);
    }

  // Command, health check
  const cmdStep = [...steps].reverse().find((s) => s.final && s.keyword === 'CMD');
  const entryStep = [...steps].reverse().find((s) => s.final && s.keyword === 'ENTRYPOINT');
  for (const s of steps)
    if (s.final && s.keyword === 'HEALTHCHECK') {
      if (health && s === oldHealth) rec.dispose(s, 'changed', 'reason.healthcheckReplaced', 'runtime');
      else {
        tail.push(out(s.text));
        rec.dispose(s, 'kept', 'reason.keptRuntime', 'runtime');
      }
      handled.add(s);
    }
  if (health && !steps.some((s) => s.final && s.keyword === 'HEALTHCHECK' && s !== oldHealth)) {
    tail.unshift(out(health, 'comment.health'));
    rec.change(
      'change.healthcheck',
      'healthcheck-missing',
      'seed 000 F (healthcheck); seed 002',
      { reliability: true },
      {
        tool: healthTool === 'wget' ? 'busybox wget' : healthTool === 'perl' ? 'perl (TCP)' : 'Node fetch()',
        port: port!,
      },
    );
  } else if (!health)
    rec.change(
      'change.noHealthcheck',
      'healthcheck-missing',
      'seed 000 §3.3',
      {},
      { why: port ? 'no HTTP client in the runtime image' : 'EXPOSE' },
    );
  if (entryStep) {
    const words = commandAsWords(model, entryStep.inst);
    tail.push(out(words ? `ENTRYPOINT ${execForm(words)}` : entryStep.text));
    rec.dispose(entryStep, 'kept', 'reason.keptRuntime', 'runtime');
    handled.add(entryStep);
  }
  let cmd: string[] | null = cmdStep ? commandAsWords(model, cmdStep.inst) : null;
  if (isStatic) {
    const next = ['nginx', '-e', 'stderr', '-g', 'daemon off;'];
    if (cmdStep) rec.dispose(cmdStep, 'changed', 'reason.cmdServer', 'runtime', { command: next.join(' ') });
    cmd = next;
  } else if (cmd && ['npm', 'yarn', 'pnpm'].includes(cmd[0]!) && cmd.includes('start') && node.start) {
    const start = input.read('package.json');
    const script = start
      ? (JSON.parse(start) as { scripts?: Record<string, string> }).scripts?.start
      : undefined;
    if (script && /^node\s+[\w./-]+$/.test(script.trim())) {
      const next = script.trim().split(/\s+/);
      rec.dispose(cmdStep!, 'changed', 'reason.cmdServer', 'runtime', { command: next.join(' ') });
      rec.change('change.execForm', 'no-exec-main-process', 'seed 002 (graceful exit)', {
        reliability: true,
      });
      cmd = next;
    } else rec.dispose(cmdStep!, 'kept', 'reason.keptRuntime', 'runtime');
  } else if (cmdStep) {
    rec.dispose(
      cmdStep,
      cmd && !isExecForm(cmdStep.inst) ? 'changed' : 'kept',
      cmd && !isExecForm(cmdStep.inst) ? 'reason.cmdExec' : 'reason.keptRuntime',
      'runtime',
    );
    if (cmd && !isExecForm(cmdStep.inst))
      rec.change('change.execForm', 'cmd-shell-form', 'seed 002', { reliability: true });
  }
  if (cmdStep) handled.add(cmdStep);
  for (const s of steps)
    if (s.final && (s.keyword === 'CMD' || s.keyword === 'ENTRYPOINT') && !handled.has(s)) {
      rec.dispose(s, 'removed', 'reason.duplicate', null);
      handled.add(s);
    }
  const portChange = isStatic && rawPort !== null && port !== rawPort ? { from: rawPort, to: port! } : null;
  const own = finalSteps(steps, rec, {
    chown: isStatic ? null : user,
    handled,
    port: portChange,
    buildsUntil: isStatic ? lastBuildIndex(steps) : Number.MAX_SAFE_INTEGER,
  });
  if (isStatic && !steps.some((s) => s.final && s.keyword === 'EXPOSE')) own.push(out(`EXPOSE ${port}`));
  const body = [...runtime, ...own, out(`USER ${user}`), ...tail];
  if (cmd) body.push(out(`CMD ${execForm(cmd)}`));
  else if (cmdStep) body.push(out(cmdStep.text));
  return {
    stages: [
      { from: builderBase, alias: 'builder', body: builder },
      { from: runtimeBase, alias: null, body },
    ],
    changes: rec.changes,
    dispositions: rec.dispositions,
    extraFiles,
    droppedPackages: pkgs.dropped,
    runtimePackages: pkgs.runtimePackages.map((p) => p.name),
    runtimeBase,
  };
}

/** COPY of an unprivileged nginx.conf: the user's own (rewritten when it listens below 1024) or a new one. */
function nginxConfig(
  input: SynthInput,
  rec: Recorder,
  handled: Set<Step>,
  port: number,
  root: string,
  extra: ExtraFile[],
): OutInstruction[] {
  const node = input.detection.node!;
  const lines: OutInstruction[] = [];
  const confSteps = input.steps.filter(
    (s) =>
      s.final &&
      (s.inst.keyword === 'COPY' || s.inst.keyword === 'ADD') &&
      !s.inst.flags.some((f) => f.name === 'from') &&
      (copyParts(s.inst).destination ?? '').startsWith('/etc/nginx'),
  );
  const ownMain = node.nginxConfigs.some((c) => c.destination === '/etc/nginx/nginx.conf');
  for (const s of confSteps) {
    handled.add(s);
    const src = copyParts(s.inst).sources[0] ?? '';
    const text = input.read(src);
    const rewritten =
      text !== null && privilegedListens(text).length > 0 ? rewriteNginxConf(text, port) : null;
    if (rewritten) {
      const proposed = src.replace(/(\.conf)?$/, '.unprivileged.conf');
      extra.push({ path: proposed, text: rewritten, reason: 'reason.generatedFile' });
      lines.push(out(`COPY ${proposed} ${copyParts(s.inst).destination}`));
      rec.dispose(s, 'changed', 'reason.nginxConfigReplaced', 'runtime', { port });
      rec.change(
        'change.nginxConfigRewritten',
        null,
        'seed 000 F-1',
        { security: true },
        { file: src, port, proposed },
      );
    } else {
      lines.push(out(s.text));
      rec.dispose(s, 'kept', 'reason.nginxConfig', 'runtime');
    }
  }
  if (!ownMain) {
    const name = input.exists('nginx.conf') ? 'nginx.unprivileged.conf' : 'nginx.conf';
    const confD = confSteps.some((s) =>
      (copyParts(s.inst).destination ?? '').startsWith('/etc/nginx/conf.d'),
    );
    extra.push({
      path: name,
      text: unprivilegedNginxConf(port, root, confD),
      reason: 'reason.generatedFile',
    });
    lines.unshift(out(`COPY ${name} /etc/nginx/nginx.conf`, 'comment.nginx', { port }));
  }
  return lines;
}
