import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkCompose, composeMutationArb, composeSeeds, mutateCompose } from '../bench/fuzz/compose.js';
import {
  checkDockerfile,
  checkShell,
  mutate,
  mutationArb,
  seedTexts,
  shellArb,
} from '../bench/fuzz/properties.js';

// A short seeded round of the fuzzer (`npm run fuzz` runs 100,000 inputs).
describe('fuzzing (seeded short round)', () => {
  const seeds = seedTexts();
  it('reads, lints and fixes mutated Dockerfiles without throwing; fixes are idempotent', () => {
    fc.assert(
      fc.property(mutationArb(seeds.length), fc.nat({ max: 4 }), (m, k) =>
        checkDockerfile(mutate(seeds[m.seed]!, m), k === 0),
      ),
      { numRuns: 600, seed: 20261122 },
    );
  }, 120_000);

  it('reads generated shell text without throwing, with spans inside the text', () => {
    fc.assert(
      fc.property(shellArb, (t) => checkShell(t)),
      { numRuns: 3000, seed: 20261122 },
    );
  }, 60_000);

  it('loads and audits mutated compose files without throwing; YAML errors carry a line', async () => {
    const composeTexts = composeSeeds();
    await fc.assert(
      fc.asyncProperty(composeMutationArb(composeTexts.length), (m) =>
        checkCompose(mutateCompose(composeTexts[m.seed]!, m)),
      ),
      { numRuns: 400, seed: 20261122 },
    );
  }, 120_000);
});
