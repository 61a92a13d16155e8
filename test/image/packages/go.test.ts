import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../../src/image/packages/drive.js';
import { createGoAnalyzer, goPackages, scanGoBinaryStream } from '../../../src/image/packages/go.js';
import { GO_BUILDINFO_MAGIC, parseGoBinary } from '../../../src/image/packages/go-buildinfo.js';

const E2E = process.env.DOCKAUDIT_E2E === '1';
const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

function varint(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    bytes.push(b);
  } while (n);
  return Buffer.from(bytes);
}

/** A fake ELF with a Go ≥ 1.18 build info section in the middle. */
function fakeBinary(goVersion: string, modinfo: string, padding = 300_000): Buffer {
  const header = Buffer.alloc(32);
  GO_BUILDINFO_MAGIC.copy(header);
  header[14] = 8;
  header[15] = 2;
  const sentinel = Buffer.alloc(16, 0xaa);
  const mod = Buffer.concat([sentinel, Buffer.from(modinfo), sentinel]);
  const version = Buffer.from(goVersion);
  return Buffer.concat([
    Buffer.from('\x7fELF', 'latin1'),
    Buffer.alloc(padding - 3, 1),
    header,
    varint(version.length),
    version,
    varint(mod.length),
    mod,
    Buffer.alloc(5000, 2),
  ]);
}

const MODINFO =
  'path\texample.com/app\nmod\texample.com/app\tv1.4.0\th1:abc=\ndep\tgolang.org/x/net\tv0.17.0\th1:x=\n' +
  'dep\tgithub.com/old/dep\tv1.0.0\th1:y=\n=>\tgithub.com/fork/dep\tv1.0.1\th1:z=\nbuild\t-compiler=gc\nbuild\tGOOS=linux\n';

async function* chunked(buf: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('Go build info', () => {
  it('reads the toolchain, main module, dependencies and replacements', () => {
    const info = parseGoBinary(fakeBinary('go1.21.3', MODINFO))!;
    expect(info.goVersion).toBe('go1.21.3');
    expect(info.path).toBe('example.com/app');
    expect(info.settings.get('GOOS')).toBe('linux');
    expect(goPackages(info).map((p) => `${p.name}@${p.version}`)).toEqual([
      'stdlib@v1.21.3',
      'example.com/app@v1.4.0',
      'golang.org/x/net@v0.17.0',
      'github.com/fork/dep@v1.0.1',
    ]);
  });

  it('finds the magic across chunk boundaries of a stream', async () => {
    const binary = fakeBinary('go1.20', MODINFO, 65_531);
    for (const size of [7, 4096, 65_536, 1 << 20]) {
      const info = await scanGoBinaryStream(chunked(binary, size));
      expect(info?.deps.length, `chunks of ${size}`).toBe(2);
    }
    expect(await scanGoBinaryStream(chunked(Buffer.from('#!/bin/sh\necho hi\n'.repeat(100)), 64))).toBeNull();
  });

  it('skips executables without build info and reports truncated build info', async () => {
    const truncated = fakeBinary('go1.21.3', MODINFO).subarray(0, 300_000 + 40);
    const result = await runOnLayers(createGoAnalyzer(), [
      {
        files: [
          { path: 'usr/bin/app', content: fakeBinary('go1.21.3', MODINFO), mode: 0o755 },
          {
            path: 'usr/bin/not-go',
            content: Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(300_000)]),
            mode: 0o755,
          },
          { path: 'usr/bin/broken', content: truncated, mode: 0o755 },
          { path: 'usr/share/data.bin', content: fakeBinary('go1.21.3', MODINFO), mode: 0o644 },
        ],
      },
    ]);
    expect(result.packages.map((p) => `${p.path} ${p.name}`)).toEqual([
      'usr/bin/app stdlib',
      'usr/bin/app example.com/app',
      'usr/bin/app golang.org/x/net',
      'usr/bin/app github.com/fork/dep',
    ]);
    expect(result.problems).toEqual([
      { path: 'usr/bin/broken', layer: 0, message: 'build info string runs past the data read' },
    ]);
  });

  describe.skipIf(!hasGo && !E2E)('against a binary built by the real Go toolchain', () => {
    it('go is present (required with DOCKAUDIT_E2E=1; scripts/e2e/vulns-setup.sh installs golang-go)', () => {
      expect(hasGo).toBe(true);
    });

    it('reads the same modules as `go version -m`', { timeout: 240_000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'gobuild-'));
      mkdirSync(join(dir, 'vendor/example.com/dep'), { recursive: true });
      writeFileSync(
        join(dir, 'go.mod'),
        'module example.com/app\n\ngo 1.18\n\nrequire example.com/dep v1.2.3\n',
      );
      writeFileSync(
        join(dir, 'main.go'),
        'package main\n\nimport "example.com/dep"\n\nfunc main() { println(dep.Hello()) }\n',
      );
      writeFileSync(
        join(dir, 'vendor/example.com/dep/dep.go'),
        'package dep\n\nfunc Hello() string { return "hi" }\n',
      );
      writeFileSync(
        join(dir, 'vendor/modules.txt'),
        '# example.com/dep v1.2.3\n## explicit\nexample.com/dep\n',
      );
      const env = {
        ...process.env,
        GOPROXY: 'off',
        GOFLAGS: '-mod=vendor',
        // A cache shared between runs on one machine: the first build compiles the standard library.
        GOCACHE: join(tmpdir(), 'dockaudit-go-build-cache'),
        GOPATH: join(dir, '.gopath'),
        CGO_ENABLED: '0',
      };
      execFileSync('go', ['build', '-o', 'app', '.'], { cwd: dir, env, stdio: 'ignore' });
      const reference = execFileSync('go', ['version', '-m', join(dir, 'app')], { encoding: 'utf8', env });
      const expected = reference
        .split('\n')
        .map((l) => l.trim().split('\t'))
        .filter((f) => f[0] === 'dep')
        .map((f) => `${f[1]}@${f[2]}`);
      const goVersion = reference.split('\n')[0]!.split(': ')[1]!.trim();
      const info = parseGoBinary(readFileSync(join(dir, 'app')))!;
      expect(info.goVersion).toBe(goVersion);
      expect(info.path).toBe('example.com/app');
      expect(info.deps.map((d) => `${d.path}@${d.version}`)).toEqual(expected);
      expect(expected).toEqual(['example.com/dep@v1.2.3']);
    });
  });
});
