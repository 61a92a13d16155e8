import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Stage } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { pythonVersionOf, rootRefOf, shortName } from './lib/images.js';
import { lastInLineage, lineageInstructions } from './lib/lineage.js';

/** Python programs that run an application (not an interactive interpreter). */
const PYTHON_SERVERS = new Set([
  'gunicorn',
  'uvicorn',
  'hypercorn',
  'daphne',
  'celery',
  'waitress-serve',
  'flask',
  'streamlit',
  'jupyter',
  'dagster',
  'airflow',
  'rq',
  'dramatiq',
  'huey_consumer',
]);

/** Whether a command runs Python code; `-u` (unbuffered) counts as handled. */
function runsPython(cmd: ShellCommand): 'yes' | 'unbuffered' | 'no' {
  const p = cmd.program ?? '';
  if (/^python[\d.]*$/.test(p)) {
    const args = cmd.args.map((a) => a.value ?? '');
    if (args.some((a) => /^-[A-Za-z]*u[A-Za-z]*$/.test(a))) return 'unbuffered';
    // A bare `python3` is an interactive interpreter: a terminal, no buffering problem.
    return args.some((a) => !a.startsWith('-') || a === '-m' || a === '-c') ? 'yes' : 'no';
  }
  return PYTHON_SERVERS.has(p) ? 'yes' : 'no';
}

function commandRunsPython(model: DockerfileAnalysis, stage: Stage): 'yes' | 'unbuffered' | 'no' {
  let result: 'yes' | 'unbuffered' | 'no' = 'no';
  for (const keyword of ['ENTRYPOINT', 'CMD'] as const) {
    const inst = lastInLineage(model, stage, keyword);
    for (const cmd of (inst && model.commandsOf(inst)?.commands) ?? []) {
      const r = runsPython(cmd);
      if (r === 'unbuffered') return r;
      if (r === 'yes') result = 'yes';
    }
  }
  return result;
}

export default dockerfileRule({
  id: 'python-unbuffered',
  code: 'DA4208',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: 'A Python image (or a final stage that runs Python) without `ENV PYTHONUNBUFFERED=1`.',
    rationale:
      'Without a terminal, Python buffers stdout in blocks: `docker logs` shows output late, in bursts, and loses the last lines when the process crashes. `ENV PYTHONUNBUFFERED=1` (or `python -u`) writes logs as they happen. Reported once, on the final stage, when its base is a Python image or its command runs Python.',
    bad: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    good: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nCMD ["python", "/app/main.py"]',
  },
  messages: {
    default:
      'no PYTHONUNBUFFERED in this {why}: logs arrive late and the last lines are lost on a crash; add ENV PYTHONUNBUFFERED=1',
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final?.from.image) return;
    const insts = lineageInstructions(model, final);
    for (const inst of insts)
      if (inst.keyword === 'ENV' && inst.pairs.some((p) => p.key === 'PYTHONUNBUFFERED' && p.value !== ''))
        return;
    const root = rootRefOf(model, final);
    const pythonBase =
      root !== null && root !== 'scratch' && (pythonVersionOf(root) !== null || shortName(root) === 'python');
    const runs = commandRunsPython(model, final);
    if (runs === 'unbuffered' || (!pythonBase && runs === 'no')) return;
    report({
      span: final.from.image.span,
      data: { why: pythonBase ? 'Python image' : 'image that runs Python' },
    });
  },
});
