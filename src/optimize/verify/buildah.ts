/**
 * A build engine over buildah (when no Docker Engine answers): `buildah bud` (OCI or chroot isolation),
 * `buildah inspect`/`images` for the facts, and the smoke check as one `buildah run` that starts the
 * image's command in the background and polls the check. DOCKAUDIT_BUILDAH_ROOT selects a private
 * storage (`--root ROOT/root --runroot ROOT/run`, vfs driver).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildEngine, ContextFile } from './types.js';

function run(args: string[], timeoutMs = 30 * 60_000): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('buildah', [...storageArgs(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const add = (c: Buffer) => {
      out += c.toString('utf8');
      if (out.length > 2_000_000) out = out.slice(-1_000_000);
    };
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, out: String(e) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, out });
    });
  });
}

function storageArgs(): string[] {
  const root = process.env.DOCKAUDIT_BUILDAH_ROOT;
  return root
    ? ['--root', join(root, 'root'), '--runroot', join(root, 'run'), '--storage-driver', 'vfs']
    : [];
}

/**
 * OCI isolation (runc/crun) when a runtime is installed: package installs need a real /dev; chroot
 * isolation (no runtime needed) is the fallback.
 */
function isolation(): string {
  return ['/usr/sbin/runc', '/usr/bin/runc', '/usr/bin/crun'].some((p) => existsSync(p)) ? 'oci' : 'chroot';
}

export async function buildahAvailable(): Promise<boolean> {
  return (await run(['--version'], 10_000)).code === 0;
}

/** "121 MB" → bytes (buildah prints decimal units). */
export function parseHumanSize(text: string): number {
  const m = /([\d.]+)\s*([kMGT]?B)/i.exec(text);
  if (!m) return 0;
  const unit = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[m[2]!.toUpperCase()] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class BuildahEngine implements BuildEngine {
  readonly name = 'buildah';

  async build(context: ContextFile[], dockerfile: string, tag: string) {
    const dir = mkdtempSync(join(tmpdir(), 'dockaudit-ctx-'));
    try {
      for (const f of context) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.data, { mode: f.mode });
      }
      const file = join(dir, '.dockaudit.Dockerfile');
      writeFileSync(file, dockerfile);
      const r = await run([
        'bud',
        '--isolation',
        isolation(),
        '--format',
        'docker',
        '--layers',
        '--pull=never',
        '--network',
        'host',
        '-f',
        file,
        '-t',
        tag,
        dir,
      ]);
      if (r.code === 0) return { ok: true as const };
      const lines = r.out.split('\n').filter(Boolean);
      return {
        ok: false as const,
        message: lines[lines.length - 1] ?? `buildah exited with ${r.code}`,
        log: lines,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async inspect(tag: string) {
    const r = await run(['inspect', '--type', 'image', tag]);
    if (r.code !== 0) throw new Error(`cannot inspect ${tag}: ${r.out.slice(0, 300)}`);
    const doc = JSON.parse(r.out) as {
      Docker?: {
        config?: { User?: string; ExposedPorts?: Record<string, unknown>; Healthcheck?: { Test?: string[] } };
        rootfs?: { diff_ids?: string[] };
      };
    };
    const images = await run(['images', '--json', tag]);
    const list = JSON.parse(images.code === 0 ? images.out : '[]') as { size?: string }[];
    return {
      size: parseHumanSize(list[0]?.size ?? ''),
      layers: doc.Docker?.rootfs?.diff_ids?.length ?? 0,
      user: doc.Docker?.config?.User ?? '',
      ports: Object.keys(doc.Docker?.config?.ExposedPorts ?? {}).sort(),
      healthcheck: doc.Docker?.config?.Healthcheck?.Test ?? null,
    };
  }

  async smoke(tag: string, check: string[], seconds: number) {
    const info = await run(['inspect', '--type', 'image', tag]);
    const cfg =
      (JSON.parse(info.out) as { Docker?: { config?: { Entrypoint?: string[]; Cmd?: string[] } } }).Docker
        ?.config ?? {};
    const command = [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])];
    const from = await run(['from', '--pull=never', tag]);
    const ctr = from.out.trim().split('\n').pop() ?? '';
    if (from.code !== 0 || !ctr) return { ok: false, detail: `buildah from: ${from.out.slice(0, 200)}` };
    try {
      const script = `${command.map(quote).join(' ')} >/dev/null 2>&1 </dev/null & i=0; while [ $i -lt ${seconds} ]; do ${check.map(quote).join(' ')} >/dev/null 2>&1 && exit 0; i=$((i+1)); sleep 1; done; exit 1`;
      const r = await run(
        [
          'run',
          '--isolation',
          isolation(),
          ...(isolation() === 'oci' ? ['--network', 'none'] : []),
          ctr,
          '--',
          '/bin/sh',
          '-c',
          script,
        ],
        (seconds + 30) * 1000,
      );
      return {
        ok: r.code === 0,
        detail: r.code === 0 ? check.join(' ') : `${check.join(' ')}: no success within ${seconds}s`,
      };
    } finally {
      await run(['rm', ctr]);
    }
  }

  async remove(tag: string) {
    await run(['rmi', '-f', tag]);
  }
}
