import { dockerfileRule } from '../define.js';
import { lineageInstructions } from './lib/lineage.js';

/** Sources that mean "the whole build context". */
const EVERYTHING = /^(?:\.|\.\/|\*|\.\/\*)$/;
/** What a whole-context copy drags in, when present, worth naming in the message. */
const NOTABLE: Array<[RegExp, string]> = [
  [/^\.git\//, '.git'],
  [/(?:^|\/)\.env(?:\.[^/]*)?$/, '.env files'],
  [/(?:^|\/)node_modules\//, 'node_modules'],
  [/(?:^|\/)(?:\.venv|venv)\//, 'a virtualenv'],
];

export default dockerfileRule({
  id: 'broad-copy-no-dockerignore',
  code: 'DA4209',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      '`COPY . .` (or `ADD . …`) into the final image from a build context that has no `.dockerignore`.',
    rationale:
      'Without a `.dockerignore` the whole folder goes into the image: `.git` (the full history, sometimes with credentials in its config), `.env` files, local `node_modules` or virtualenvs, tests and docs — bigger images, secrets in a layer, and a cache that breaks on every commit. Add a `.dockerignore` (the seeds list `.git`, `.env*`, `node_modules`, `__pycache__`, tests and docs) or copy only what the image needs. Needs the build context (`lint --context DIR`); without it the rule stays silent.',
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt app/ ./',
  },
  messages: {
    default:
      '{keyword} {source} copies the whole build context into the image and there is no .dockerignore{found}: add one (.git, .env*, node_modules, tests) or copy only what is needed',
  },
  check({ model, report }) {
    const context = model.context;
    const final = model.finalStage;
    if (!context || context.hasIgnoreFile || !final) return;
    let found: string | null = null;
    for (const inst of lineageInstructions(model, final)) {
      if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || inst.flags.some((f) => f.name === 'from'))
        continue;
      for (const source of inst.sources) {
        if (!EVERYTHING.test(source.value)) continue;
        if (found === null) {
          const names = new Set<string>();
          for (const path of context.matches('.'))
            for (const [re, name] of NOTABLE) if (re.test(path)) names.add(name);
          found = names.size > 0 ? ` (it would take ${[...names].join(', ')})` : '';
        }
        report({ span: source.span, data: { keyword: inst.keyword, source: source.value, found } });
      }
    }
  },
});
