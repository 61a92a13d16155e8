import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { runAudit } from '../../src/audit/run.js';
import type { AuditReport } from '../../src/audit/types.js';

let dir: string;
let report: AuditReport;
const SAME =
  'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\nFROM nginx:latest\nCOPY --from=build /app/dist /usr/share/nginx/html\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-audit-sections-'));
  for (const [folder, text] of [
    ['agent', SAME],
    ['h5', SAME],
    ['admin', SAME.replace('nginx:latest', 'nginx:1.27')],
  ]) {
    mkdirSync(join(dir, folder!));
    writeFileSync(join(dir, folder!, 'Dockerfile'), text!);
    writeFileSync(join(dir, folder!, 'package.json'), '{"name":"x"}\n');
  }
  report = buildAuditReport(await runAudit(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('image sections', () => {
  it('share one section between identical Dockerfiles with identical findings', () => {
    expect(report.images.map((s) => [s.prefix, s.names, s.dockerfiles])).toEqual([
      ['AD', ['admin'], ['admin/Dockerfile']],
      ['AG', ['agent', 'h5'], ['agent/Dockerfile', 'h5/Dockerfile']],
    ]);
    // Every finding of both files carries the shared section's id.
    const shared = report.findings.filter((f) => f.file === 'agent/Dockerfile' || f.file === 'h5/Dockerfile');
    expect(shared.filter((f) => f.file === 'agent/Dockerfile').every((f) => f.issue?.startsWith('AG-'))).toBe(
      true,
    );
    expect(report.images[1]!.issues.every((i) => i.file === 'agent/Dockerfile')).toBe(true);
  });

  it('reads the current state off the Dockerfile', () => {
    const facts = Object.fromEntries(report.images[0]!.facts.map((f) => [f.key, f.value]));
    expect(facts).toMatchObject({
      dockerfile: 'admin/Dockerfile',
      stages: '2 (build, #2)',
      base: 'nginx:1.27',
      exposed: 'none',
      healthcheck: 'no',
      cacheMounts: '0',
      ignoreFile: 'no',
    });
  });
});
