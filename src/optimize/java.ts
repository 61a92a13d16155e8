/**
 * Java: Maven or Gradle resolves dependencies from the build files before the source (cache mount on
 * ~/.m2 or ~/.gradle), builds the jar, and a JRE image of the same Java version and C library runs it
 * as a non-root user.
 */
import {
  commandAsWords,
  createUserRun,
  execForm,
  maintainerOf,
  ociLabels,
  out,
  Recorder,
  runWithMounts,
  titleOf,
} from './common.js';
import { finalSteps, lastBuildIndex } from './layout.js';
import type { SynthInput } from './python.js';
import type { Step } from './steps.js';
import type { OutInstruction, Synthesis } from './types.js';

export function synthesizeJava(input: SynthInput): Synthesis {
  const { model, steps, detection } = input;
  const java = detection.java!;
  const rec = new Recorder();
  const handled = new Set<Step>();
  const version = java.javaVersion ?? '21';
  const alpine = steps.some((s) => s.keyword === 'FROM' && /alpine/.test(s.text));
  const maven = java.tool === 'maven';
  const builderBase = maven
    ? `maven:3.9-eclipse-temurin-${version}${alpine ? '-alpine' : ''}`
    : `gradle:8-jdk${version}${alpine ? '-alpine' : ''}`;
  const runtimeBase = `eclipse-temurin:${version}-jre${alpine ? '-alpine' : ''}`;
  const cache = maven ? '/root/.m2' : '/home/gradle/.gradle';
  const mount = `--mount=type=cache,target=${cache}`;
  for (const s of steps)
    if (s.keyword === 'FROM') {
      rec.dispose(s, 'changed', 'reason.fromReplaced', s.final ? 'runtime' : 'builder', {
        base: s.final ? runtimeBase : builderBase,
      });
      handled.add(s);
    }
  rec.change('change.multiStage', null, 'seed 003 §3.4', { security: true, sizeBytes: 0 });
  rec.change('change.javaJre', null, 'seed 003 §3.4', { security: true }, { base: runtimeBase });
  rec.change(
    'change.keepLibc',
    null,
    'seed 000 §9',
    { reliability: true },
    { libc: alpine ? 'musl' : 'glibc' },
  );

  const files = maven
    ? ['pom.xml']
    : [
        'build.gradle',
        'build.gradle.kts',
        'settings.gradle',
        'settings.gradle.kts',
        'gradle.properties',
      ].filter((f) => input.exists(f));
  const wrapper = java.wrapper ? (maven ? ['mvnw', '.mvn'] : ['gradlew', 'gradle']) : [];
  const builder: OutInstruction[] = [out('WORKDIR /src')];
  const manifests = [...files, ...wrapper.filter((f) => input.exists(f))];
  builder.push(
    out(
      `COPY ${manifests.length > 0 ? manifests.join(' ') : maven ? 'pom.xml' : 'build.gradle'} ./`,
      'comment.deps',
      { files: manifests.join(', ') },
    ),
  );
  const tool = java.wrapper ? (maven ? './mvnw' : './gradlew') : maven ? 'mvn' : 'gradle';
  const depsStep = steps.find((s) => s.run?.kind === 'deps');
  builder.push(
    out(
      depsStep
        ? runWithMounts(depsStep.text, [mount])
        : `RUN ${mount} \\\n    ${maven ? `${tool} -B -q dependency:go-offline` : `${tool} dependencies --no-daemon -q`}`,
    ),
  );
  if (depsStep) {
    rec.dispose(depsStep, 'moved', 'reason.depsInstall', 'builder');
    handled.add(depsStep);
  }
  rec.change(
    'change.javaDeps',
    null,
    'seed 003 §3.4',
    { rebuild: true },
    { files: manifests.join(', ') || 'pom.xml', target: cache },
  );
  builder.push(out('COPY . .', 'comment.source'));
  const buildStep = steps.find((s) => s.run?.kind === 'build');
  builder.push(
    out(
      buildStep
        ? runWithMounts(buildStep.text, [mount])
        : `RUN ${mount} \\\n    ${maven ? `${tool} -B -q package -DskipTests` : `${tool} build -x test --no-daemon`}`,
      'comment.build',
    ),
  );
  if (buildStep) {
    rec.dispose(buildStep, 'moved', 'reason.buildStep', 'builder');
    handled.add(buildStep);
  }
  for (const s of steps) {
    if (s.final || s.global || handled.has(s)) continue;
    if (s.keyword === 'RUN' || s.keyword === 'ENV' || s.keyword === 'ARG') {
      builder.push(out(s.text));
      rec.dispose(s, 'kept', 'reason.keptBuilder', 'builder');
    } else
      rec.dispose(
        s,
        s.inst.keyword === 'COPY' ? 'moved' : 'removed',
        s.inst.keyword === 'COPY' ? 'reason.copySourceBuilder' : 'reason.unusedStage',
        'builder',
      );
    handled.add(s);
  }
  const jar = maven ? 'target/*.jar' : 'build/libs/*.jar';
  builder.push(
    out(
      // The application jar: not Gradle's `-plain` jar nor a sources jar (no pipe: no pipefail needed).
      `RUN mkdir -p /out && for f in ${jar}; do case "$f" in *-plain.jar) ;; *-sources.jar) ;; *) cp "$f" /out/app.jar ;; esac; done`,
    ),
  );

  const runtime: OutInstruction[] = [out(ociLabels(titleOf(input.path), maintainerOf(steps)))];
  const create = createUserRun(alpine ? 'apk' : 'apt');
  if (create) runtime.push(out(create, 'comment.user'));
  runtime.push(out('WORKDIR /app'));
  runtime.push(
    out('COPY --from=builder --chown=10001:10001 /out/app.jar /app/app.jar', 'comment.fromBuilder'),
  );
  rec.change(
    'change.nonRootUser',
    'final-stage-root',
    'seed 003 §3.4',
    { security: true },
    { user: 'app', uid: 10001 },
  );
  for (const s of steps)
    if (s.final && (s.keyword === 'USER' || (s.inst.keyword === 'COPY' && /\.jar\b/.test(s.text)))) {
      rec.dispose(
        s,
        'changed',
        s.keyword === 'USER' ? 'reason.userReplaced' : 'reason.copyFromReplaced',
        'runtime',
        { user: 'app (10001)', what: '/app/app.jar' },
      );
      handled.add(s);
    }
  const entryStep = [...steps].reverse().find((s) => s.final && s.keyword === 'ENTRYPOINT');
  const cmdStep = [...steps].reverse().find((s) => s.final && s.keyword === 'CMD');
  const tail: OutInstruction[] = [];
  for (const s of [entryStep, cmdStep])
    if (s) {
      const words = commandAsWords(model, s.inst);
      const isJar = words && words[0] === 'java' && words.includes('-jar');
      if (isJar) {
        const i = words.indexOf('-jar');
        tail.push(
          out(`${s.keyword} ${execForm([...words.slice(0, i + 1), '/app/app.jar', ...words.slice(i + 2)])}`),
        );
      } else tail.push(out(words ? `${s.keyword} ${execForm(words)}` : s.text));
      rec.dispose(s, 'changed', 'reason.cmdExec', 'runtime');
      handled.add(s);
    }
  if (!entryStep && !cmdStep) tail.push(out(`ENTRYPOINT ${execForm(['java', '-jar', '/app/app.jar'])}`));
  rec.change(
    'change.noHealthcheck',
    'healthcheck-missing',
    'seed 003 §3.4',
    {},
    { why: "the JRE image has no HTTP client; use the application's health endpoint from the orchestrator" },
  );
  const own = finalSteps(steps, rec, {
    chown: '10001:10001',
    handled,
    model,
    buildsUntil: lastBuildIndex(steps),
  });
  return {
    stages: [
      { from: builderBase, alias: 'builder', body: builder },
      { from: runtimeBase, alias: null, body: [...runtime, ...own, out('USER 10001:10001'), ...tail] },
    ],
    changes: rec.changes,
    dispositions: rec.dispositions,
    extraFiles: [],
    droppedPackages: [],
    runtimePackages: [],
    runtimeBase,
  };
}
