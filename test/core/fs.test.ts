import { lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/fs.js';

describe('writeFileAtomic', () => {
  it('replaces a regular file and keeps its mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockaudit-fs-'));
    const p = join(dir, 'f');
    writeFileSync(p, 'old', { mode: 0o600 });
    await writeFileAtomic(p, 'new');
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(statSync(p).mode & 0o777).toBe(0o600);
  });

  it('writes through a symbolic link and keeps the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockaudit-fs-'));
    writeFileSync(join(dir, 'real'), 'old');
    symlinkSync('real', join(dir, 'link'));
    await writeFileAtomic(join(dir, 'link'), 'new');
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real'), 'utf8')).toBe('new');
  });

  it('writes to a device in place instead of replacing it (--output /dev/null)', async () => {
    await writeFileAtomic('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});
