import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { finalImagePackages } from './lib/final-packages.js';
import { packageCommands } from './lib/packages.js';
import { runsService, startsScript } from './lib/runtime.js';

const TOOLS = new Set(['curl', 'wget']);
const TOOL_WORD = /^(?:curl|wget)\b/;

export default dockerfileRule({
  id: 'unused-curl-wget',
  code: 'DA2207',
  aliases: [],
  severity: 'info',
  category: 'size',
  docs: {
    summary: '`curl` or `wget` installed in the final image but used by nothing in the Dockerfile.',
    rationale:
      'A download tool in the runtime image adds megabytes of libraries to patch and a ready-made way to fetch payloads for anyone who gets a shell. Often it was installed for a health check that later moved elsewhere (or was never written). When no later RUN, HEALTHCHECK, CMD or ENTRYPOINT of the final stage uses it, drop it; a health check can use the runtime instead (`python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"`, `node -e …`). Only the final stage counts (a builder stage may keep its tools), and only when it runs a program (base and toolbox images without CMD/ENTRYPOINT, or with an interactive shell, ship tools on purpose); packages removed later are not reported, and nothing is reported when the container starts a script, which may use the tool.',
    bad: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl && rm -rf /var/lib/apt/lists/*\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]',
    good: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]',
  },
  messages: {
    default:
      '`{name}` is installed in the final image but nothing here uses it: drop it (a health check can use the language runtime instead)',
  },
  check({ model, report }) {
    // Most files install neither: look at the operands before ordering the final image's packages.
    if (
      !packageCommands(model).some(
        (pc) =>
          pc.action === 'install' && pc.operands.some((w) => w.value !== null && TOOL_WORD.test(w.value)),
      )
    )
      return;
    const installed = finalImagePackages(model).filter((e) => TOOLS.has(e.name));
    if (installed.length === 0 || !runsService(model) || startsScript(model)) return;
    const final = model.finalStage!;
    const lineage = new Set(model.lineageOf(final).map((s) => s.index));
    const uses: ShellCommand[] = [];
    for (const { inst, cmd } of model.commandsNamed('curl', 'wget'))
      if (!inst.onbuild && lineage.has(inst.stage)) uses.push(cmd);
    const runtime = runtimeCommands(model);
    for (const e of installed) {
      const used =
        // Offsets order uses: stages a stage is built on come earlier in the file.
        uses.some((c) => c.program === e.name && c.start > e.pc.cmd.start) ||
        runtime.some((c) => c.program === e.name);
      if (!used) report({ span: { start: e.word.start, end: e.word.end }, data: { name: e.name } });
    }
  },
});

/** Commands of the final stage's HEALTHCHECK, CMD and ENTRYPOINT (inherited ones included). */
function runtimeCommands(model: DockerfileAnalysis): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const s of model.lineageOf(model.finalStage!))
    for (const i of s.instructions)
      if (i.keyword === 'HEALTHCHECK' || i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')
        out.push(...(model.commandsOf(i)?.commands ?? []));
  return out;
}
