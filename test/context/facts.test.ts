import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/build-context.js';
import { contextFacts } from '../../src/context/facts.js';

describe('context facts for Dockerfile rules', () => {
  it('answers what is sent and what a COPY source copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockaudit-facts-'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'src/app.js'), 'x');
    writeFileSync(join(dir, 'node_modules/dep.js'), 'x');
    writeFileSync(join(dir, '.env'), 'A=1');
    writeFileSync(join(dir, '.dockerignore'), 'node_modules\n.env\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20\nCOPY . .\n');
    const facts = contextFacts(loadBuildContext(dir, { dockerfile: join(dir, 'Dockerfile') }));
    expect(facts.hasIgnoreFile).toBe(true);
    expect(facts.isSent('src/app.js')).toBe(true);
    expect(facts.isSent('.env')).toBe(false);
    expect(facts.matches('.').sort()).toEqual(['.dockerignore', 'Dockerfile', 'src/app.js']);
  });
});
