import type { Instruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { lastInLineage } from './lib/lineage.js';

interface DevServer {
  /** What was found, for the message. */
  what: string;
  advice: string;
}

const NODE_ADVICE = 'build the app and serve the output (node server, nginx) with NODE_ENV=production';
const SCRIPTS = new Set(['dev', 'develop', 'start:dev', 'serve:dev', 'watch', 'start:watch']);
/** A name that says the image is for development on purpose. */
const DEV_NAME = /(?:^|[-_.])(?:dev|develop|development|debug|local|test|tests|testing)(?:$|[-_.])/i;

const value = (cmd: ShellCommand, i: number) => cmd.args[i]?.value ?? null;

/** Which development server a command starts, or null. */
export function devServerOf(cmd: ShellCommand): DevServer | null {
  const p = cmd.program;
  if (!p) return null;
  // `npx nodemon`, `bunx vite`: the package's binary is the program.
  if ((p === 'npx' || p === 'bunx' || p === 'pnpx') && cmd.args.length > 0) {
    const at = cmd.args.findIndex((a) => a.value !== null && !a.value.startsWith('-'));
    if (at === -1) return null;
    const words = cmd.args.slice(at);
    const name = words[0]!.value!;
    return devServerOf({ ...cmd, name, program: name.split('/').pop()!, words, args: words.slice(1) });
  }
  const args = cmd.args.map((a) => a.value ?? '');
  const has = (...names: string[]) =>
    args.some((a) => names.includes(a) || names.some((n) => a.startsWith(`${n}=`)));
  if (p === 'flask' && args.includes('run'))
    return {
      what: '`flask run`',
      advice: 'serve the app with gunicorn or waitress',
    };
  if (/^python[\d.]*$/.test(p)) {
    if (value(cmd, 0) === '-m' && value(cmd, 1) === 'flask' && args.includes('run'))
      return {
        what: '`python -m flask run`',
        advice: 'serve the app with gunicorn or waitress',
      };
    if (args.includes('runserver') && args.some((a) => /manage\.py$/.test(a)))
      return {
        what: '`manage.py runserver`',
        advice: 'serve the app with gunicorn or uvicorn',
      };
    if (value(cmd, 0) === '-m' && value(cmd, 1) === 'http.server')
      return {
        what: '`python -m http.server`',
        advice: 'serve static files with nginx or a real web server',
      };
  }
  if (p === 'django-admin' && args.includes('runserver'))
    return {
      what: '`django-admin runserver`',
      advice: 'serve the app with gunicorn or uvicorn',
    };
  if ((p === 'uvicorn' || p === 'gunicorn' || p === 'hypercorn') && has('--reload'))
    return {
      what: `\`${p} --reload\``,
      advice: 'drop --reload: it watches files and restarts workers, for development only',
    };
  if ((p === 'npm' || p === 'yarn' || p === 'pnpm' || p === 'bun') && args.length > 0) {
    const script = args[0] === 'run' || args[0] === 'run-script' ? args[1] : args[0];
    if (script && SCRIPTS.has(script))
      return { what: `\`${p} ${args[0] === 'run' ? 'run ' : ''}${script}\``, advice: NODE_ADVICE };
  }
  if (p === 'nodemon' || p === 'ts-node-dev' || p === 'webpack-dev-server')
    return { what: `\`${p}\``, advice: NODE_ADVICE };
  if (p === 'node' && has('--watch')) return { what: '`node --watch`', advice: NODE_ADVICE };
  if (p === 'tsx' && args[0] === 'watch') return { what: '`tsx watch`', advice: NODE_ADVICE };
  if (p === 'ng' && args[0] === 'serve')
    return {
      what: '`ng serve`',
      advice: 'run `ng build` and serve dist/ with nginx',
    };
  if (p === 'webpack' && (args[0] === 'serve' || has('--watch')))
    return { what: `\`webpack ${args[0]}\``, advice: NODE_ADVICE };
  if (
    p === 'vite' &&
    (args.length === 0 || args[0] === 'dev' || args[0] === 'serve' || args[0]!.startsWith('-'))
  )
    return {
      what: '`vite`',
      advice: 'run `vite build` and serve dist/ with nginx',
    };
  if ((p === 'next' || p === 'nuxt' || p === 'nuxi' || p === 'astro' || p === 'remix') && args[0] === 'dev')
    return { what: `\`${p} dev\``, advice: `run \`${p} build\` and \`${p} start\` (or serve the output)` };
  if (p === 'react-scripts' && args[0] === 'start')
    return {
      what: '`react-scripts start`',
      advice: 'run `react-scripts build` and serve build/ with nginx',
    };
  if (p === 'vue-cli-service' && args[0] === 'serve')
    return {
      what: '`vue-cli-service serve`',
      advice: 'run `vue-cli-service build` and serve dist/ with nginx',
    };
  if ((p === 'ember' && args[0] === 'serve') || (p === 'gatsby' && args[0] === 'develop'))
    return { what: `\`${p} ${args[0]}\``, advice: 'build the site and serve it with nginx' };
  if (p === 'php' && args[0] === 'artisan' && args[1] === 'serve')
    return { what: '`php artisan serve`', advice: 'serve the app with php-fpm behind nginx' };
  if (p === 'php' && args[0] === '-S')
    return { what: '`php -S`', advice: 'serve the app with php-fpm behind nginx' };
  if (p === 'dotnet' && args[0] === 'watch')
    return { what: '`dotnet watch`', advice: 'publish the app and run the published DLL' };
  return null;
}

export default dockerfileRule({
  id: 'dev-server',
  code: 'DA4207',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary:
      'The image starts a development server (`flask run`, `manage.py runserver`, `uvicorn --reload`, `npm run dev`, `nodemon`, `ng serve`, `vite`, `webpack-dev-server` …).',
    rationale:
      'Development servers are single-process or single-threaded, reload on file changes, may expose a debugger, and say themselves that they are not for production. Run a production server (gunicorn/uvicorn workers for Python, a built bundle served by nginx or `node server.js` for JavaScript). Judged on the command of the final stage; images whose final stage or file name says development (`dev`, `debug`, `test`, `Dockerfile.dev`) are left alone.',
    bad: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["flask", "run", "--host=0.0.0.0"]',
    good: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
  },
  messages: { default: '{keyword} starts a development server ({what}): {advice}' },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final) return;
    const file = model.file.path.split('/').pop() ?? '';
    if ((final.name && DEV_NAME.test(final.name)) || DEV_NAME.test(file.replace(/^dockerfile/i, ''))) return;
    for (const keyword of ['ENTRYPOINT', 'CMD'] as const) {
      const inst: Instruction | null = lastInLineage(model, final, keyword);
      if (!inst) continue;
      for (const cmd of model.commandsOf(inst)?.commands ?? []) {
        const found = devServerOf(cmd);
        if (!found) continue;
        report({ span: { start: cmd.start, end: cmd.end }, data: { keyword, ...found } });
        break;
      }
    }
  },
});
