import { formatImageRef } from '../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { entrypointStepsDown, isWindowsRef, rootRefOf, runsAsNonRootByDefault } from './lib/images.js';
import { lineageInstructions } from './lib/lineage.js';
import { unprivilegedUserFix, userTools } from './lib/nonroot-user.js';

/** Programs that start the main process as another user: the image starts as root on purpose. */
const DROPS_PRIVILEGES = new Set([
  'gosu',
  'su-exec',
  'setpriv',
  's6-setuidgid',
  'chpst',
  'setuidgid',
  'runuser',
]);
const PRIVILEGE_TOOL = /(?:^|[/=])(?:gosu|su-exec)(?:$|[-.:/\s])/;

function mentionsTool(text: string): boolean {
  return (text.includes('gosu') || text.includes('su-exec')) && PRIVILEGE_TOOL.test(text);
}

/** The image is meant to start as root and step down (docker-library entrypoints with gosu/su-exec). */
function dropsPrivilegesAtRuntime(model: DockerfileAnalysis, insts: readonly Instruction[]): boolean {
  for (const inst of insts) {
    if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
      if (inst.sources.some((s) => mentionsTool(s.value))) return true;
      continue;
    }
    const commands = model.commandsOf(inst)?.commands;
    if (!commands) continue;
    for (const c of commands) {
      if (c.program && DROPS_PRIVILEGES.has(c.program)) return true;
      if (c.program === 'chroot' && c.args.some((a) => a.value?.startsWith('--userspec'))) return true;
      if (inst.keyword === 'RUN' && c.args.some((a) => mentionsTool(a.text))) return true;
    }
  }
  return false;
}

export default dockerfileRule({
  id: 'final-stage-root',
  code: 'DA3100',
  aliases: [],
  severity: 'warning',
  category: 'security',
  fixable: 'suggested',
  docs: {
    summary: 'The final stage never sets USER, so the container runs as root.',
    rationale:
      "Least privilege is the first rule of production images: a root process that escapes its container is root on the host. Only the final stage and the stages it is built `FROM` count: a USER in a builder stage does not change who runs the image. Not reported for scratch images, bases that already run as an unprivileged user (distroless `nonroot`, Chainguard, .NET chiseled, Bitnami, Jupyter…), official database and server images that keep their own entrypoint (postgres, redis, mysql… step down to their service user), Windows images, and images whose entrypoint steps down with gosu/su-exec/setpriv. The suggested fix (Debian/Ubuntu and Alpine bases, where the user tools are known) creates a user `app` with UID 10001 right after the final stage's last RUN and switches to it, so build steps keep root; check that the program needs no root and can write where it writes.",
    bad: 'FROM python:3.12-slim AS build\nUSER nobody\nFROM python:3.12-slim\nCOPY --from=build /app /app\nCMD ["python", "/app/main.py"]',
    good: 'FROM python:3.12-slim\nRUN useradd --create-home app\nCOPY --chown=app:app . /app\nUSER app\nCMD ["python", "/app/main.py"]',
  },
  messages: {
    default:
      'the final image runs as root: no USER in its stage (from {image}); create an unprivileged user and switch to it with USER',
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final?.from.image) return;
    const root = rootRefOf(model, final);
    if (root === null || root === 'scratch' || isWindowsRef(root) || runsAsNonRootByDefault(root)) return;
    const insts = lineageInstructions(model, final);
    if (insts.some((i) => i.keyword === 'USER')) return;
    // Windows images (a backtick escape, a cmd or PowerShell SHELL) have no root user to speak of.
    const last = insts[insts.length - 1] ?? final.from;
    if (model.file.escape === '`' || model.shellOf(last).kind !== 'posix') return;
    if (entrypointStepsDown(root) && !insts.some((i) => i.keyword === 'ENTRYPOINT')) return;
    if (dropsPrivilegesAtRuntime(model, insts)) return;
    const tools = userTools(model, insts, root);
    const fix = tools ? unprivilegedUserFix(model, final, tools) : null;
    report({ span: final.from.image.span, data: { image: formatImageRef(root) }, ...(fix ? { fix } : {}) });
  },
});
