import { formatImageRef, type ImageRef } from '../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Stage } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { rootRefOf, shortName } from './lib/images.js';
import { lineageStages } from './lib/lineage.js';

const TOOLS = new Set([
  'gcc',
  'g++',
  'cpp',
  'clang',
  'llvm',
  'make',
  'cmake',
  'ninja-build',
  'build-essential',
  'build-base',
  'autoconf',
  'automake',
  'libtool',
  'pkg-config',
  'pkgconf',
  'gfortran',
  'golang',
  'golang-go',
  'go',
  'rustc',
  'cargo',
  'musl-dev',
  'linux-headers',
]);
/** Header packages (`libpq-dev`, `openssl-devel`): only needed to compile. */
const HEADERS = /^[a-z0-9][a-z0-9.+_-]*-(?:dev|devel)(?:[:=].*)?$/;
const PURPOSE_NEEDS_TOOLS =
  /(?:^|[-_.])(?:dev|develop|development|debug|test|tests|testing|validate|validation|lint|check|ci|build|builder)(?:$|[-_.])/i;
/** Images that are compilers and SDKs, not runtimes. */
function isToolchainImage(ref: ImageRef): boolean {
  const name = shortName(ref);
  if (['golang', 'rust', 'maven', 'gradle', 'gcc'].includes(name)) return true;
  return /(?:^|\/)dotnet\/(?:core\/)?sdk$/.test(ref.repository);
}

interface Install {
  pkg: string;
  /** `apk add --virtual NAME`: removed together by `apk del NAME`. */
  group: string | null;
}

/** Packages a package-manager command installs (`install`/`add` subcommands) or removes. */
function packagesOf(cmd: ShellCommand): { installs: Install[]; removes: string[] } {
  const p = cmd.program ?? '';
  const args = cmd.args.map((a) => a.value ?? '');
  const positional = args.filter((a) => a && !a.startsWith('-'));
  const sub = positional[0] ?? '';
  const none = { installs: [], removes: [] };
  if (!['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper'].includes(p)) return none;
  if (['install', 'add'].includes(sub)) {
    const at = args.findIndex((a) => a === '--virtual' || a === '-t');
    const group = p === 'apk' && at !== -1 ? (args[at + 1] ?? null) : null;
    return {
      installs: positional
        .slice(1)
        .filter((x) => x !== group)
        .map((pkg) => ({ pkg: pkg.replace(/[=:].*$/, ''), group })),
      removes: [],
    };
  }
  if (['remove', 'purge', 'del', 'autoremove', 'erase'].includes(sub))
    return { installs: [], removes: positional.slice(1) };
  return none;
}

/** Build tools a stage's lineage installs and does not remove, by the stage that installed them. */
function toolsOf(model: DockerfileAnalysis, stages: readonly Stage[]): Map<string, Stage> {
  const tools = new Map<string, { stage: Stage; group: string | null }>();
  for (const stage of stages)
    for (const inst of stage.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const cmd of model.commandsOf(inst)?.commands ?? []) {
        const { installs, removes } = packagesOf(cmd);
        for (const i of installs)
          if (TOOLS.has(i.pkg) || HEADERS.test(i.pkg)) tools.set(i.pkg, { stage, group: i.group });
        for (const r of removes)
          for (const [pkg, t] of tools)
            if (pkg === r || t.group === r || (r.endsWith('*') && pkg.startsWith(r.slice(0, -1))))
              tools.delete(pkg);
      }
    }
  return new Map([...tools].map(([pkg, t]) => [pkg, t.stage]));
}

export default dockerfileRule({
  id: 'final-inherits-build-tools',
  code: 'DA4204',
  aliases: [],
  severity: 'warning',
  category: 'size',
  docs: {
    summary:
      'In a multi-stage build, the final stage is built FROM a stage that installed compilers or headers (gcc, build-essential, `*-dev`), or FROM a toolchain image (golang, rust, maven, gradle, the .NET SDK).',
    rationale:
      'Multi-stage builds exist so that compilers and headers stay in the builder: in the final image they add hundreds of megabytes, more packages to patch and tools an attacker can use. Start the final stage from a runtime base (`-slim`, a JRE, distroless, `alpine`) and `COPY --from=` only the artifacts. Tools removed again (`apt-get purge`, `apk del .build-deps`) are not counted, nor final stages named for development, tests or checks (`dev`, `test`, `validate`, `ci`, `build`).',
    bad: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/install psycopg2\nFROM build\nCMD ["python", "app.py"]',
    good: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/install psycopg2\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\nCMD ["python", "app.py"]',
  },
  messages: {
    stage:
      'the final stage is built FROM stage {stage}, which installs build tools ({tools}): they ship in the image; start from a runtime base and COPY --from={stage} only the artifacts',
    image:
      'the final stage runs on {image}, a build toolchain image, although the build happens in other stages: start from a runtime base (slim, JRE, distroless) and COPY --from the artifacts',
  },
  check({ model, report }) {
    const final = model.finalStage;
    const image = final?.from.image;
    if (!final || !image || model.stages.length < 2) return;
    // A final stage for development, tests or checks needs its tools.
    if (final.name && PURPOSE_NEEDS_TOOLS.test(final.name)) return;
    const lineage = lineageStages(model, final);
    if (lineage.length > 1) {
      const tools = toolsOf(model, lineage);
      const inherited = [...tools].filter(([, stage]) => stage !== final);
      if (inherited.length === 0) return;
      const stage = inherited[0]![1];
      const names = inherited.map(([pkg]) => pkg);
      report({
        span: image.span,
        messageId: 'stage',
        data: {
          stage: stage.from.alias?.value ?? `#${stage.index}`,
          tools: names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : ''),
        },
      });
      return;
    }
    // A toolchain image as the final base, while other stages feed it artifacts.
    const root = rootRefOf(model, final);
    const fed = model.stageGraph.dependencies[final.index]?.some(
      (d) => d.kind === 'copy' && d.stage !== null,
    );
    if (root && root !== 'scratch' && fed && isToolchainImage(root))
      report({ span: image.span, messageId: 'image', data: { image: formatImageRef(root) } });
  },
});
