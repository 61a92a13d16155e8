// Bundles the CLI and the library with esbuild (ESM, code splitting so heavy parts load lazily).
// Usage: node scripts/build.mjs [--if-stale] [--types]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = { cli: 'src/cli/main.ts', index: 'src/index.ts' };
/**
 * Small CommonJS packages that every `dockaudit lint` loads are bundled: an external CommonJS package costs
 * a resolution, a CommonJS loader and a scan of its exports on each start (a third of the CPU time of
 * `dockaudit lint` on one file). Other packages stay external and load only with the command that uses them.
 */
const BUNDLED = new Set(['commander', 'picocolors', 'ignore']);
/**
 * commander requires node:child_process (and with it node:net) when it loads, for subcommands that are
 * separate executables; dockaudit has none. It gets a stand-in that loads the module on first use (~10 ms of
 * every start).
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (a) =>
      a.importer.includes('/node_modules/commander/')
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let cp; const load = () => (cp ??= require('node:child_process'));\nmodule.exports = { spawn: (...args) => load().spawn(...args) };",
      loader: 'js',
    }));
  },
};
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => !BUNDLED.has(d));

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

if (args.has('--if-stale') && existsSync(join(root, 'dist/cli.js'))) {
  const built = statSync(join(root, 'dist/cli.js')).mtimeMs;
  const sources = Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (built > sources) process.exit(0);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...external, ...external.map((d) => `${d}/*`)],
  // Bundled CommonJS code requires Node's built-in modules: give ES module chunks a `require`.
  plugins: [lazyChildProcess],
  banner: {
    js: "import { createRequire as __dockauditCreateRequire } from 'node:module';\nconst require = __dockauditCreateRequire(import.meta.url);",
  },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  minifySyntax: true,
  legalComments: 'none',
  define: { __DOCKAUDIT_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
// esbuild keeps the entry's shebang only when it is the first line of the source.
const cli = join(root, 'dist/cli.js');
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
}
execFileSync('chmod', ['+x', cli]);
if (args.has('--types')) {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
