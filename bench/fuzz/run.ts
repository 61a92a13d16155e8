// npm run fuzz [-- --runs N --seed S]: mutated corpus Dockerfiles through parse, analysis, lint and fix,
// generated shell text through the shell reader, and mutated corpus compose files through the compose
// reader and rules. Prints inputs run and failures; exits 1 on any.
import fc from 'fast-check';
import { checkCompose, composeMutationArb, composeSeeds, mutateCompose } from './compose.js';
import { checkDockerfile, checkShell, mutate, mutationArb, seedTexts, shellArb } from './properties.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const runs = opt('--runs', 100_000);
const seed = opt('--seed', Date.now() % 2 ** 31);
const seeds = seedTexts();
const t0 = performance.now();
let failures = 0;

// biome-ignore lint/suspicious/noExplicitAny: run details of differently typed properties
const report = (name: string, r: fc.RunDetails<any>) => {
  const ok = !r.failed;
  if (!ok) failures++;
  console.log(
    `${name}: ${r.numRuns} inputs, ${ok ? '0 failures' : `FAILED after ${r.numRuns}: ${r.counterexample ? JSON.stringify(r.counterexample).slice(0, 500) : ''}\n${String(r.errorInstance ?? '').slice(0, 2000)}`}`,
  );
};

// Fixing is the slow part: every tenth input also goes through fix and its idempotence check.
const dockerfileRuns = Math.round(runs * 0.7);
const composeRuns = Math.round(runs * 0.1);
report(
  'dockerfile',
  fc.check(
    fc.property(mutationArb(seeds.length), fc.nat({ max: 9 }), (m, k) =>
      checkDockerfile(mutate(seeds[m.seed]!, m), k === 0),
    ),
    { numRuns: dockerfileRuns, seed },
  ),
);
report(
  'shell',
  fc.check(
    fc.property(shellArb, (t) => checkShell(t)),
    { numRuns: runs - dockerfileRuns - composeRuns, seed },
  ),
);
const composeTexts = composeSeeds();
report(
  'compose',
  await fc.check(
    fc.asyncProperty(composeMutationArb(composeTexts.length), (m) =>
      checkCompose(mutateCompose(composeTexts[m.seed]!, m)),
    ),
    { numRuns: composeRuns, seed },
  ),
);
console.log(
  `seed ${seed}, ${runs} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${failures} failing properties`,
);
process.exit(failures > 0 ? 1 : 0);
