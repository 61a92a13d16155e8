/**
 * Go: modules downloaded before the source with module and build caches mounted, a static binary
 * (CGO_ENABLED=0) copied onto distroless `static:nonroot` (or onto alpine when the final stage runs its
 * own shell steps, or onto distroless `base` when cgo is on).
 */
import { commandAsWords, copyFromStage, execForm, out, Recorder, runWithMounts } from './common.js';
import { finalSteps, lastBuildIndex } from './layout.js';
import type { SynthInput } from './python.js';
import type { Step } from './steps.js';
import type { OutInstruction, Synthesis } from './types.js';

export const GO_DEFAULT = 'golang:1.25';
export const DISTROLESS_STATIC = 'gcr.io/distroless/static-debian12:nonroot';
export const DISTROLESS_BASE = 'gcr.io/distroless/base-debian12:nonroot';
export const ALPINE_DEFAULT = 'alpine:3.22';
const CACHES = ['--mount=type=cache,target=/go/pkg/mod', '--mount=type=cache,target=/root/.cache/go-build'];

export function synthesizeGo(input: SynthInput): Synthesis {
  const { model, steps, detection } = input;
  const go = detection.go!;
  const rec = new Recorder();
  const handled = new Set<Step>();
  const builderStage = model.stages.find((s) => {
    const r = model.rootImageOf(s);
    return r.kind === 'image' && /(^|\/)golang(:|$)/.test(r.text);
  });
  const root = builderStage ? model.rootImageOf(builderStage) : null;
  let builderBase = root && root.kind === 'image' ? root.text : GO_DEFAULT;
  if (!/:\d/.test(builderBase)) {
    rec.change(
      'change.pinnedBase',
      'latest-tag',
      'seed 003 §2.1',
      { reliability: true },
      { base: GO_DEFAULT, original: builderBase },
    );
    builderBase = GO_DEFAULT;
  }
  const finalRuns = steps.filter(
    (s) =>
      s.final &&
      s.keyword === 'RUN' &&
      s.run?.kind !== 'build' &&
      s.run?.kind !== 'deps' &&
      s.run?.kind !== 'packages',
  );
  const runtimeBase = finalRuns.length > 0 ? ALPINE_DEFAULT : go.cgo ? DISTROLESS_BASE : DISTROLESS_STATIC;
  for (const s of steps)
    if (s.keyword === 'FROM') {
      rec.dispose(s, 'changed', 'reason.fromReplaced', s.final ? 'runtime' : 'builder', {
        base: s.final ? runtimeBase : builderBase,
      });
      handled.add(s);
    }
  rec.change('change.multiStage', null, 'seed 003 §3.3', { security: true, sizeBytes: 0 });
  rec.change('change.goStatic', null, 'seed 003 §3.3, §4.3', { security: true }, { base: runtimeBase });

  const builder: OutInstruction[] = [out('WORKDIR /src')];
  const manifests = ['go.mod', ...(input.exists('go.sum') ? ['go.sum'] : [])];
  builder.push(out(`COPY ${manifests.join(' ')} ./`, 'comment.deps', { files: manifests.join(', ') }));
  builder.push(out(`RUN ${CACHES[0]} \\\n    go mod download`));
  rec.change(
    'change.depsBeforeSource',
    null,
    'seed 003 §3.3',
    { rebuild: true },
    { files: manifests.join(', ') },
  );
  rec.change('change.goModCache', null, 'Docker docs: cache mounts', { rebuild: true });
  builder.push(out('COPY . .', 'comment.source'));
  let built = false;
  for (const s of steps) {
    if (s.global || handled.has(s)) continue;
    if (
      s.run?.kind === 'deps' ||
      (s.inst.keyword === 'COPY' && !s.final && !s.inst.flags.some((f) => f.name === 'from'))
    ) {
      rec.dispose(s, 'moved', s.run ? 'reason.depsInstall' : 'reason.copySourceBuilder', 'builder');
    } else if (s.run?.kind === 'build' && !built) {
      builder.push(
        out(
          `RUN ${CACHES.join(' \\\n    ')} \\\n    CGO_ENABLED=${go.cgo ? 1 : 0} go build -trimpath -ldflags="-s -w" -o /out/app ${go.mainPackage}`,
          'comment.build',
        ),
      );
      rec.dispose(s, 'changed', 'reason.buildStep', 'builder');
      built = true;
    } else if (!s.final && s.keyword === 'RUN') {
      builder.push(out(runWithMounts(s.text, [])));
      rec.dispose(s, 'kept', 'reason.keptBuilder', 'builder');
    } else if (!s.final && (s.keyword === 'ENV' || s.keyword === 'ARG')) {
      builder.push(out(s.text));
      rec.dispose(s, 'kept', 'reason.keptBuilder', 'builder');
    } else if (!s.final) rec.dispose(s, 'removed', 'reason.unusedStage', null);
    else continue;
    handled.add(s);
  }
  if (!built)
    builder.push(
      out(
        `RUN ${CACHES.join(' \\\n    ')} \\\n    CGO_ENABLED=${go.cgo ? 1 : 0} go build -trimpath -ldflags="-s -w" -o /out/app ${go.mainPackage}`,
        'comment.build',
      ),
    );

  // The original's binary path, to keep its command's arguments.
  const cmdStep = [...steps].reverse().find((s) => s.final && s.keyword === 'CMD');
  const entryStep = [...steps].reverse().find((s) => s.final && s.keyword === 'ENTRYPOINT');
  const entryWords = entryStep ? commandAsWords(model, entryStep.inst) : null;
  const cmdWords = cmdStep ? commandAsWords(model, cmdStep.inst) : null;
  const args = entryWords ? (cmdWords ?? []) : (cmdWords ?? []).slice(1);
  for (const s of [cmdStep, entryStep])
    if (s) {
      rec.dispose(s, 'changed', 'reason.cmdExec', 'runtime');
      handled.add(s);
    }
  // The first copy from a build stage is the binary; others (configuration, assets) are remapped.
  const binaryCopy = steps.find((s) => s.final && copyFromStage(model, s.inst) !== null);
  if (binaryCopy) {
    rec.dispose(binaryCopy, 'changed', 'reason.copyFromReplaced', 'runtime', { what: '/app' });
    handled.add(binaryCopy);
  }
  for (const s of steps)
    if (s.final && (s.keyword === 'USER' || s.keyword === 'HEALTHCHECK' || s.run?.kind === 'packages')) {
      rec.dispose(
        s,
        'changed',
        s.keyword === 'USER' ? 'reason.userReplaced' : 'reason.healthcheckReplaced',
        'runtime',
        { user: '65532' },
      );
      handled.add(s);
    }
  const user = '65532:65532';
  const runtime: OutInstruction[] = [];
  if (runtimeBase === ALPINE_DEFAULT)
    runtime.push(out('RUN adduser -u 65532 -S -H -s /sbin/nologin nonroot', 'comment.user'));
  runtime.push(out('COPY --from=builder /out/app /app'));
  rec.change(
    'change.nonRootUser',
    'final-stage-root',
    'seed 003 §2.2',
    { security: true },
    { user: 'nonroot', uid: 65532 },
  );
  const own = finalSteps(steps, rec, { chown: user, handled, model, buildsUntil: lastBuildIndex(steps) });
  rec.change(
    'change.noHealthcheck',
    'healthcheck-missing',
    'seed 003 §4.3',
    {},
    { why: 'no shell or HTTP client in a distroless image; probe from the orchestrator' },
  );
  const body = [...runtime, ...own, out(`USER ${user}`), out(`ENTRYPOINT ${execForm(['/app'])}`)];
  if (args.length > 0) body.push(out(`CMD ${execForm(args)}`));
  return {
    stages: [
      { from: builderBase, alias: 'builder', body: builder },
      { from: runtimeBase, alias: null, body },
    ],
    changes: rec.changes,
    dispositions: rec.dispositions,
    extraFiles: [],
    droppedPackages: steps.flatMap((s) =>
      s.final && s.run?.kind === 'packages' ? s.run.packages.map((p) => p.name) : [],
    ),
    runtimePackages: [],
    runtimeBase,
  };
}
