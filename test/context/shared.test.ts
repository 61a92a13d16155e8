import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeContext } from '../../src/context/analyze.js';
import type { ContextSecretScan } from '../../src/context/secrets.js';
import type { ContextWalk } from '../../src/context/walk.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-context-shared-'));
  writeFileSync(join(dir, 'app.Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\n');
  writeFileSync(join(dir, 'worker.Dockerfile'), 'FROM alpine:3.20\nCOPY app.py /app/\n');
  writeFileSync(join(dir, 'worker.Dockerfile.dockerignore'), '.env\n');
  writeFileSync(join(dir, 'app.py'), 'print(1)\n');
  writeFileSync(join(dir, '.env'), 'API_TOKEN=ghp_4Fq9ZxT2mLk8Rv1Nw7Yb3Hc6Jd0Pe5Sa2Ut8\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contexts shared by several Dockerfiles', () => {
  it('are walked and scanned once per ignore file, with the same results as alone', () => {
    const shared = { scans: new Map<string, ContextSecretScan>(), walks: new Map<string, ContextWalk>() };
    const summary = (name: string, options: object) => {
      const m = analyzeContext(dir, { dockerfile: join(dir, name), ...options });
      return {
        entries: m.walk.entries.map((e) => e.path),
        secretFiles: m.secretFiles.map((f) => [f.path, f.copiedBy.length]),
        secrets: m.secrets.map((s) => [s.path, s.copiedBy.length]),
      };
    };
    const alone = ['app.Dockerfile', 'worker.Dockerfile', 'app.Dockerfile'].map((n) => summary(n, {}));
    const together = ['app.Dockerfile', 'worker.Dockerfile', 'app.Dockerfile'].map((n) => summary(n, shared));
    expect(together).toEqual(alone);
    // app.Dockerfile sends .env (and copies it); worker.Dockerfile's own ignore file leaves it out.
    expect(alone[0]!.entries).toContain('.env');
    expect(alone[0]!.secrets.length).toBeGreaterThan(0);
    expect(alone[1]!.entries).not.toContain('.env');
    expect(alone[1]!.secrets).toEqual([]);
    expect(shared.walks.size).toBe(2);
    expect(shared.scans.size).toBe(2);
  });
});
