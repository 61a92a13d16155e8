import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOptimize } from '../../src/cli/optimize.js';
import { optimizeDockerfile } from '../../src/optimize/plan.js';
import { verifyOptimization } from '../../src/optimize/verify/run.js';
import type { VerifyReport } from '../../src/optimize/verify/types.js';
import { type E2E, E2E_REQUIRED, missingPrerequisite, startE2E } from './e2e-env.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'optimize-e2e');
const missing = missingPrerequisite();
if (missing && E2E_REQUIRED) throw new Error(`DOCKAUDIT_E2E=1 but ${missing}`);
if (missing) console.warn(`skipping optimize --verify end-to-end tests: ${missing}`);

const MINUTES = 60_000;

function nonRoot(user: string): boolean {
  return user !== '' && !/^(?:root|0)(?::|$)/.test(user);
}

describe.skipIf(missing !== null)('optimize --verify on a real dockerd', () => {
  let env: E2E;
  beforeAll(async () => {
    env = await startE2E();
  }, 10 * MINUTES);
  afterAll(async () => {
    await env?.stop();
  }, 3 * MINUTES);

  async function verify(name: string, smoke: string | null = null): Promise<VerifyReport> {
    const dir = join(FIXTURES, name);
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const result = optimizeDockerfile(text, join(dir, 'Dockerfile'), { context: dir });
    const report = await verifyOptimization({
      result,
      original: text,
      context: dir,
      smoke,
      timeoutSeconds: 45,
      engine: env.engine,
    });
    console.log(
      `${name}: original ${report.original?.size} bytes, ${report.original?.layers} layers, user "${report.original?.user}", smoke ${report.original?.smoke}; ` +
        `optimized ${report.optimized?.size} bytes, ${report.optimized?.layers} layers, user "${report.optimized?.user}", smoke ${report.optimized?.smoke}; expected ${report.expectedBytes}`,
    );
    return report;
  }

  it(
    'python: smaller, non-root, and its urllib health check passes',
    async () => {
      const report = await verify('python');
      expect(report.failure).toBeNull();
      expect(report.optimized!.size).toBeLessThan(report.original!.size);
      expect(nonRoot(report.optimized!.user)).toBe(true);
      expect(report.original!.user).toBe('');
      expect(report.optimized!.smoke).toBe(true);
      expect(report.original!.smoke).toBe(true);
      expect(report.optimized!.ports).toEqual(['8000/tcp']);
    },
    15 * MINUTES,
  );

  it(
    'static site: dockaudit optimize --verify reports the measured gain and exits 0',
    async () => {
      const dir = join(FIXTURES, 'static');
      const output = join(
        await import('node:os').then((o) => o.tmpdir()),
        `dockaudit-verify-${process.pid}.json`,
      );
      const code = await runOptimize(join(dir, 'Dockerfile'), {
        context: dir,
        verify: true,
        format: 'json',
        output,
        timeout: '45',
        engine: env.engine,
      });
      const doc = JSON.parse(readFileSync(output, 'utf8'));
      console.log(
        `static: ${JSON.stringify({ original: doc.verify.original, optimized: doc.verify.optimized })}`,
      );
      expect(doc.verify.failure).toBeNull();
      expect(code).toBe(0);
      expect(doc.verify.optimized.size).toBeLessThan(doc.verify.original.size);
      expect(doc.verify.optimized.user).toBe('33:33');
      expect(doc.verify.optimized.ports).toEqual(['8080/tcp']);
      expect(doc.verify.optimized.smoke).toBe(true);
    },
    15 * MINUTES,
  );

  it(
    'a broken optimized build fails clearly with the build log tail',
    async () => {
      const dir = join(FIXTURES, 'python');
      const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      const result = optimizeDockerfile(text, join(dir, 'Dockerfile'), { context: dir });
      result.dockerfile = result.dockerfile.replace(
        'RUN python3 -m venv /opt/venv',
        'RUN python3 -m venv /opt/venv && echo broken-on-purpose && false',
      );
      const report = await verifyOptimization({
        result,
        original: text,
        context: dir,
        smoke: null,
        timeoutSeconds: 30,
        engine: env.engine,
      });
      expect(report.failure?.which).toBe('optimized');
      expect(report.failure?.logTail.join('\n')).toContain('broken-on-purpose');
    },
    15 * MINUTES,
  );
});
