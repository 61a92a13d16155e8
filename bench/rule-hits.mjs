// Lists every finding of the given rules over the corpus, with the source line, for hand review.
// Usage: npm run build && node bench/rule-hits.mjs <rule-id>[,<rule-id>…] [--corpus DIR] [--limit N] [--context DIR-less]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const ids = new Set((args[0] ?? '').split(',').filter(Boolean));
const root = resolve(
  args.includes('--corpus')
    ? args[args.indexOf('--corpus') + 1]
    : new URL('../../shared/corpus/dockerfiles', import.meta.url).pathname,
);
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Number.POSITIVE_INFINITY;
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const config = { ...lib.defaultConfig(), enabled: [...ids] };
const rules = lib.dockerfileRules.filter((r) => ids.has(r.id));
let shown = 0;
const counts = new Map();
for (const repo of readdirSync(root).sort())
  for (const f of readdirSync(join(root, repo)).sort()) {
    const path = join(repo, f);
    const text = readFileSync(join(root, path), 'utf8');
    const file = lib.parseDockerfile(text, path);
    const lines = file.text.split('\n');
    for (const finding of lib.lintDockerfile(file, { config, rules })) {
      counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
      if (shown++ >= limit) continue;
      console.log(`${path}:${finding.line}:${finding.column} ${finding.rule}: ${finding.message}`);
      console.log(`    ${lines[finding.line - 1]?.trim().slice(0, 160)}`);
    }
  }
for (const [rule, n] of counts) console.error(`${n}\t${rule}`);
