/**
 * Which stack a Dockerfile builds, from its base images and commands first and from the build context's
 * manifests second: Python (pip, Poetry, uv, Pipenv; WSGI/ASGI servers), Node (npm, pnpm, yarn; a static
 * build served by nginx, or a Node server), Go modules, Java (Maven, Gradle), or generic.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseImageRef } from '../core/image-ref.js';
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Instruction } from '../dockerfile/model.js';
import type { Step } from './steps.js';
import type { BaseFacts, Detection, NodeFacts, PythonFacts, StackKind } from './types.js';

export interface DetectInput {
  model: DockerfileAnalysis;
  steps: Step[];
  /** Build context folder, or null when unknown. */
  context: string | null;
}

const FAMILIES: Record<string, StackKind> = {
  python: 'python',
  pypy: 'python',
  node: 'node-server',
  golang: 'go',
  maven: 'java',
  gradle: 'java',
  'eclipse-temurin': 'java',
  openjdk: 'java',
  amazoncorretto: 'java',
};

function readText(dir: string | null, name: string, max = 512 * 1024): string | null {
  if (!dir) return null;
  try {
    const path = join(dir, name);
    if (statSync(path).size > max) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function has(dir: string | null, name: string): boolean {
  return dir !== null && existsSync(join(dir, name));
}

/** Image reference of a stage's root image, as BuildKit resolves it. */
function rootImage(model: DockerfileAnalysis, stage: number): string | null {
  const root = model.rootImageOf(stage);
  return root.kind === 'image' && root.text ? root.text : null;
}

export function baseFacts(image: string | null, model: DockerfileAnalysis): BaseFacts {
  const ref = image ? parseImageRef(image) : null;
  const name = ref?.name ?? null;
  const tag = (ref?.tag ?? 'latest').toLowerCase();
  const family = ref?.official ? name : null;
  const musl = tag.includes('alpine') || name === 'alpine';
  let packager: BaseFacts['packager'] = musl ? 'apk' : 'unknown';
  if (!musl && (family || /debian|ubuntu/.test(name ?? ''))) packager = 'apt';
  if (!musl && model.commandsNamed('apt-get', 'apt').length > 0) packager = 'apt';
  if (model.commandsNamed('apk').length > 0) packager = 'apk';
  if (name && /distroless|scratch/.test(name)) packager = 'none';
  const version = /^(\d+(?:\.\d+)*)/.exec(tag)?.[1] ?? null;
  return {
    image,
    family,
    version,
    libc: musl || packager === 'apk' ? 'musl' : family || packager === 'apt' ? 'glibc' : 'unknown',
    packager,
  };
}

function exposedPort(steps: Step[]): number | null {
  for (const s of steps) {
    if (!s.final || s.inst.keyword !== 'EXPOSE') continue;
    for (const item of s.inst.items) {
      const n = Number.parseInt(item.value, 10);
      if (n > 0 && n < 65536) return n;
    }
  }
  return null;
}

/** The final stage's command words (ENTRYPOINT + CMD), exec or shell form. */
export function commandWords(
  steps: Step[],
  model: DockerfileAnalysis,
): { inst: Instruction; words: string[] }[] {
  const out: { inst: Instruction; words: string[] }[] = [];
  for (const s of steps) {
    if (!s.final || (s.inst.keyword !== 'CMD' && s.inst.keyword !== 'ENTRYPOINT')) continue;
    const c = model.commandsOf(s.inst);
    const words = c?.commands.flatMap((cmd) => cmd.words.map((w) => w.value ?? w.text)) ?? [];
    out.push({ inst: s.inst, words });
  }
  return out;
}

function portInCommand(words: string[]): number | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1] ?? '';
    if (w === '--port' || w === '-p') return Number.parseInt(next, 10) || null;
    const m =
      /^(?:--port=|--bind=|-b=?)?(?:[\d.]+|\[[^\]]*\]|localhost)?:(\d{2,5})$/.exec(w) ??
      /^--port=(\d+)$/.exec(w);
    if (m && (w.startsWith('-') || words[i - 1] === '-b' || words[i - 1] === '--bind' || w.includes(':')))
      return Number(m[1]);
    if (/^runserver$/.test(w) && /^(?:[\d.]*:)?(\d+)$/.test(next)) return Number(/(\d+)$/.exec(next)![1]);
  }
  return null;
}

function pythonFacts(input: DetectInput, cmd: string[]): PythonFacts {
  const dir = input.context;
  const deps = input.steps.filter((s) => s.run?.kind === 'deps').map((s) => (s.run as { tool: string }).tool);
  let manager: PythonFacts['manager'] = 'pip';
  if (deps.includes('poetry') || (has(dir, 'poetry.lock') && !deps.includes('pip'))) manager = 'poetry';
  else if (deps.includes('uv') || (has(dir, 'uv.lock') && !deps.includes('pip'))) manager = 'uv';
  else if (deps.includes('pipenv') || (has(dir, 'Pipfile.lock') && !deps.includes('pip'))) manager = 'pipenv';
  const manifests = {
    pip: requirementFiles(input),
    poetry: ['pyproject.toml', 'poetry.lock'],
    uv: ['pyproject.toml', 'uv.lock'],
    pipenv: ['Pipfile', 'Pipfile.lock'],
  }[manager].filter((f) => dir === null || has(dir, f));
  const reqText = [...manifests.map((f) => readText(dir, f) ?? ''), readText(dir, 'pyproject.toml') ?? '']
    .join('\n')
    .toLowerCase();
  const program = cmd.find((w) => !/^(?:python3?|-m|exec|sh|-c)$/.test(w)) ?? '';
  const joined = cmd.join(' ');
  let server: PythonFacts['server'] = null;
  if (/\bgunicorn\b/.test(joined)) server = 'gunicorn';
  else if (/\buvicorn\b/.test(joined)) server = 'uvicorn';
  else if (/\bflask\b.*\brun\b/.test(joined)) server = 'flask';
  else if (/\bmanage\.py\b.*\brunserver\b/.test(joined)) server = 'django';
  else if (program) server = 'other';
  const app = cmd.find((w) => /^[A-Za-z_][\w.]*:[A-Za-z_]\w*(?:\(\))?$/.test(w)) ?? null;
  return {
    manager,
    manifests,
    app,
    server,
    hasGunicorn: /^gunicorn\b/m.test(reqText) || /["']gunicorn/.test(reqText),
    hasUvicorn: /^uvicorn\b/m.test(reqText) || /["']uvicorn/.test(reqText),
    healthPath: findHealthRoute(dir),
  };
}

/** requirements files the Dockerfile installs from (`-r file`), else the usual names in the context. */
function requirementFiles(input: DetectInput): string[] {
  const named: string[] = [];
  for (const s of input.steps) {
    if (s.run?.kind !== 'deps' || s.run.tool !== 'pip') continue;
    const words = s.run.command.args.map((w) => w.value ?? w.text);
    words.forEach((w, i) => {
      if ((w === '-r' || w === '--requirement') && words[i + 1])
        named.push(words[i + 1]!.replace(/^\.\//, ''));
      else if (w.startsWith('--requirement=')) named.push(w.slice(14));
      else if (w.startsWith('-r') && w.length > 2) named.push(w.slice(2));
    });
  }
  if (named.length > 0) return [...new Set(named)];
  const found = ['requirements.txt', 'pyproject.toml', 'setup.py', 'setup.cfg'].filter((f) =>
    has(input.context, f),
  );
  return found.includes('requirements.txt') ? ['requirements.txt'] : found;
}

/** A health route in the Python or JavaScript sources (`"/health"`, `'/healthz'`…), read from a few files. */
export function findHealthRoute(dir: string | null): string | null {
  if (!dir) return null;
  const queue = [''];
  let read = 0;
  while (queue.length > 0 && read < 200) {
    const rel = queue.shift()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(join(dir, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!/^(?:node_modules|\.git|\.venv|venv|dist|build|tests?|__pycache__)$/.test(e.name))
          queue.push(path);
      } else if (/\.(?:py|js|mjs|ts)$/.test(e.name)) {
        read++;
        const m = /["'`](\/(?:api\/)?(?:health|healthz|healthcheck|ping|status|livez|readyz))["'`]/.exec(
          readText(dir, path) ?? '',
        );
        if (m) return m[1]!;
      }
    }
  }
  return null;
}

function nodeFacts(input: DetectInput, stack: StackKind, cmd: string[]): NodeFacts {
  const dir = input.context;
  const lock =
    ['pnpm-lock.yaml', 'yarn.lock', 'package-lock.json', 'npm-shrinkwrap.json'].find((f) => has(dir, f)) ??
    null;
  const deps = input.steps.filter((s) => s.run?.kind === 'deps').map((s) => (s.run as { tool: string }).tool);
  let manager: NodeFacts['manager'] =
    lock === 'pnpm-lock.yaml' ? 'pnpm' : lock === 'yarn.lock' ? 'yarn' : 'npm';
  if (deps.includes('pnpm')) manager = 'pnpm';
  else if (deps.includes('yarn')) manager = 'yarn';
  let pkg: { scripts?: Record<string, string> } = {};
  try {
    pkg = JSON.parse(readText(dir, 'package.json') ?? '{}');
  } catch {
    pkg = {};
  }
  const buildScript = Boolean(pkg.scripts?.build) || input.steps.some((s) => s.run?.kind === 'build');
  const outputDir = stack === 'node-static' ? staticOutputDir(input) : null;
  const nginxConfigs: NodeFacts['nginxConfigs'] = [];
  for (const s of input.steps) {
    if (!s.final || (s.inst.keyword !== 'COPY' && s.inst.keyword !== 'ADD')) continue;
    if (s.inst.flags.some((f) => f.name === 'from')) continue;
    const dest = s.inst.destination?.value ?? '';
    if (!dest.startsWith('/etc/nginx')) continue;
    for (const src of s.inst.sources) nginxConfigs.push({ source: src.value, destination: dest });
  }
  return {
    manager,
    lockfile: lock,
    manifests: ['package.json', ...(lock ? [lock] : [])].filter((f) => dir === null || has(dir, f)),
    buildScript,
    outputDir,
    nginxConfigs,
    start: cmd.length > 0 ? cmd : pkg.scripts?.start ? ['npm', 'start'] : null,
  };
}

/** The folder the final nginx stage copies from the builder (`COPY --from=build /app/dist …`). */
function staticOutputDir(input: DetectInput): string | null {
  for (const s of input.steps) {
    if (!s.final || s.inst.keyword !== 'COPY' || !s.inst.flags.some((f) => f.name === 'from')) continue;
    const src = s.inst.sources[0]?.value;
    if (src) return src;
  }
  return null;
}

/** Detects the stack of a Dockerfile (and its context). */
export function detectStack(input: DetectInput): Detection {
  const { model, steps, context } = input;
  const final = model.finalStage;
  const evidence: string[] = [];
  const finalImage = final ? rootImage(model, final.index) : null;
  const base = baseFacts(finalImage, model);
  const families = model.stages.map((s) => {
    const img = rootImage(model, s.index);
    const ref = img ? parseImageRef(img) : null;
    return ref?.official ? ref.name : null;
  });
  const cmd = commandWords(steps, model).flatMap((c) => c.words);
  let stack: StackKind = 'generic';
  const tools = new Set(
    steps.flatMap((s) =>
      s.run && s.run.kind !== 'other' && s.run.kind !== 'packages' ? [s.run.command.program ?? ''] : [],
    ),
  );
  if (
    base.family === 'nginx' &&
    (families.includes('node') ||
      tools.has('npm') ||
      tools.has('yarn') ||
      tools.has('pnpm') ||
      has(context, 'package.json'))
  ) {
    stack = 'node-static';
    evidence.push('nginx serves a Node build');
  } else if (base.family && FAMILIES[base.family]) {
    stack = FAMILIES[base.family]!;
    evidence.push(`FROM ${finalImage}`);
  } else {
    const fromFamily = families.map((f) => (f ? FAMILIES[f] : undefined)).find(Boolean);
    if (fromFamily) {
      stack = fromFamily;
      evidence.push('builder image');
    } else if (
      tools.has('pip') ||
      tools.has('pip3') ||
      tools.has('poetry') ||
      tools.has('uv') ||
      tools.has('pipenv')
    )
      stack = 'python';
    else if (tools.has('npm') || tools.has('yarn') || tools.has('pnpm') || tools.has('node'))
      stack = 'node-server';
    else if (tools.has('go')) stack = 'go';
    else if (tools.has('mvn') || tools.has('mvnw') || tools.has('gradle') || tools.has('gradlew'))
      stack = 'java';
    if (stack !== 'generic') evidence.push(`RUN ${[...tools].filter(Boolean).join(', ')}`);
  }
  // A Node stage whose final image runs nginx (apt-installed) serves a static build.
  if (stack === 'node-server' && cmd[0] === 'nginx') stack = 'node-static';
  if (stack === 'generic') {
    const markers: [string, StackKind][] = [
      ['requirements.txt', 'python'],
      ['pyproject.toml', 'python'],
      ['package.json', 'node-server'],
      ['go.mod', 'go'],
      ['pom.xml', 'java'],
      ['build.gradle', 'java'],
      ['build.gradle.kts', 'java'],
    ];
    const hit = markers.find(([f]) => has(context, f));
    // Context files alone decide only when the Dockerfile itself runs something of that stack.
    if (hit && (cmd.some((w) => /python|node|java|gunicorn|uvicorn/.test(w)) || hit[1] === 'go')) {
      stack = hit[1];
      evidence.push(hit[0]);
    }
  }
  for (const f of [
    'requirements.txt',
    'poetry.lock',
    'uv.lock',
    'Pipfile.lock',
    'package-lock.json',
    'pnpm-lock.yaml',
    'yarn.lock',
    'go.mod',
    'pom.xml',
    'build.gradle',
  ])
    if (has(context, f) && !evidence.includes(f)) evidence.push(f);
  const port = exposedPort(steps) ?? portInCommand(cmd);
  return {
    stack,
    evidence,
    base,
    port,
    python: stack === 'python' ? pythonFacts(input, cmd) : null,
    node: stack === 'node-static' || stack === 'node-server' ? nodeFacts(input, stack, cmd) : null,
    go:
      stack === 'go'
        ? { mainPackage: goMain(steps), cgo: steps.some((s) => /CGO_ENABLED=1/.test(s.text)) }
        : null,
    java:
      stack === 'java'
        ? {
            tool:
              tools.has('gradle') ||
              tools.has('gradlew') ||
              has(context, 'build.gradle') ||
              has(context, 'build.gradle.kts')
                ? 'gradle'
                : 'maven',
            wrapper: has(context, 'mvnw') || has(context, 'gradlew'),
            javaVersion:
              /(?:jdk|temurin|openjdk)[-:]?(\d{2})/.exec(
                steps
                  .filter((s) => s.keyword === 'FROM')
                  .map((s) => s.text)
                  .join(' '),
              )?.[1] ?? null,
          }
        : null,
  };
}

function goMain(steps: Step[]): string {
  for (const s of steps) {
    if (s.run?.kind !== 'build' || s.run.command.program !== 'go') continue;
    const args = s.run.command.args.map((w) => w.value ?? w.text);
    const pkg = [...args]
      .reverse()
      .find((a, i, all) => !a.startsWith('-') && a !== 'build' && all[i + 1] !== '-o');
    if (pkg && (pkg.startsWith('.') || pkg.includes('/'))) return pkg;
  }
  return '.';
}
