import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimizeDockerfile } from '../../src/optimize/plan.js';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'examples', 'README.md'), 'utf8');

describe('examples/README.md', () => {
  for (const name of ['backend', 'frontend-agent', 'frontend-h5']) {
    it(`shows what dockaudit optimize writes today for examples/${name}`, () => {
      const section = readme.split(`### ${name}\n`)[1]!;
      const block = /```dockerfile\n([\s\S]*?)```/.exec(section)![1]!;
      const path = `examples/${name}/Dockerfile`;
      const result = optimizeDockerfile(readFileSync(join(ROOT, path), 'utf8'), path, {
        context: join(ROOT, 'examples', name),
      });
      expect(block).toBe(result.dockerfile);
    });
  }
});
