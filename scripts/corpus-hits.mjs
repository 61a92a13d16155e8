// Prints the findings of chosen rules over the corpus, one per line with the source line, for hand review.
// Usage: node scripts/corpus-hits.mjs RULE[,RULE…] [--corpus DIR] [--limit N] [--sample N] [--seed S]
//   --sample N: N findings per rule picked evenly over the corpus (deterministic) instead of the first ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const wanted = new Set((args[0] ?? '').split(',').filter(Boolean));
const root = resolve(opt('--corpus') ?? new URL('../../shared/corpus/dockerfiles', import.meta.url).pathname);
const limit = Number(opt('--limit') ?? Infinity);
const sample = opt('--sample') ? Number(opt('--sample')) : null;
const lib = await import(new URL('../dist/index.js', import.meta.url).href);

const rules = lib.dockerfileRules.filter((r) => wanted.has(r.id) || wanted.has(r.code));
const config = { ...lib.defaultConfig(), enabled: rules.map((r) => r.id) };
const hits = new Map(rules.map((r) => [r.id, []]));
for (const repo of readdirSync(root).sort())
  for (const f of readdirSync(join(root, repo)).sort()) {
    const path = join(repo, f);
    const text = readFileSync(join(root, path), 'utf8');
    const file = lib.parseDockerfile(text, path);
    if (lib.notADockerfile(file)) continue;
    const secrets = [];
    const findings = lib.lintDockerfile(file, { config, rules, secrets });
    const shown = secrets.length > 0 && lib.maskSecrets ? lib.maskSecrets(file.text, secrets) : file.text;
    const lines = shown.split(/\r?\n/);
    for (const x of findings)
      hits
        .get(x.rule)
        .push(
          `${path}:${x.line}:${x.column} ${x.message}\n      | ${(lines[x.line - 1] ?? '').trim().slice(0, 200)}`,
        );
  }
for (const [rule, list] of hits) {
  console.log(`## ${rule}: ${list.length}`);
  let chosen = list;
  if (sample !== null && list.length > sample) {
    const step = list.length / sample;
    chosen = Array.from({ length: sample }, (_, i) => list[Math.floor(i * step)]);
  }
  for (const h of chosen.slice(0, limit)) console.log(h);
}
