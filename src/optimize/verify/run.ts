/**
 * --verify: builds the original and the optimized Dockerfile on a real engine, measures both images
 * (size, layers, user, ports), runs a smoke check in each and reports measured next to expected gains.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { optimizeCatalog } from '../catalog.js';
import { withoutSyntaxDirective } from '../render.js';
import type { OptimizeResult } from '../types.js';
import { BuildahEngine, buildahAvailable } from './buildah.js';
import { contextFiles } from './context.js';
import { DockerEngine, engineAvailable, engineEndpoint } from './docker.js';
import type { BuildEngine, ImageFacts, VerifyReport } from './types.js';

export interface VerifyInput {
  result: OptimizeResult;
  /** The original Dockerfile's text. */
  original: string;
  /** Build context folder. */
  context: string;
  /** `--smoke`: a shell command (or a JSON array) run in both images; null to use their HEALTHCHECK. */
  smoke: string | null;
  timeoutSeconds: number;
  /** Engine to use (tests); default: Docker Engine when one answers, else buildah. */
  engine?: BuildEngine | null;
  env?: NodeJS.ProcessEnv;
}

const LOG_TAIL = 30;

export async function chooseEngine(env: NodeJS.ProcessEnv): Promise<BuildEngine | null> {
  const ep = engineEndpoint(env);
  if (await engineAvailable(ep)) return new DockerEngine(ep);
  if (await buildahAvailable()) return new BuildahEngine();
  return null;
}

/** The check to run: `--smoke`, else the image's HEALTHCHECK test, else the other image's. */
export function smokeCommand(
  smoke: string | null,
  own: string[] | null,
  other: string[] | null,
): string[] | null {
  if (smoke) {
    const trimmed = smoke.trim();
    if (trimmed.startsWith('[')) {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[];
    }
    return ['/bin/sh', '-c', smoke];
  }
  const test = own && own[0] !== 'NONE' ? own : other && other[0] !== 'NONE' ? other : null;
  if (!test || test.length < 2) return null;
  if (test[0] === 'CMD-SHELL') return ['/bin/sh', '-c', test[1]!];
  return test[0] === 'CMD' ? test.slice(1) : test;
}

function ignoreTextOf(context: string, dockerfile: string): string | null {
  for (const p of [`${dockerfile}.dockerignore`, join(context, '.dockerignore')])
    if (existsSync(p)) return readFileSync(p, 'utf8');
  return null;
}

export async function verifyOptimization(input: VerifyInput): Promise<VerifyReport> {
  const env = input.env ?? process.env;
  const engine = input.engine === undefined ? await chooseEngine(env) : input.engine;
  const { result } = input;
  const report: VerifyReport = {
    engine: engine?.name ?? 'none',
    original: null,
    optimized: null,
    expectedBytes: result.estimate.optimizedBytes,
    expectedSavingBytes: result.estimate.savingBytes,
    syntaxStripped: false,
    failure: null,
  };
  if (!engine) {
    const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
    report.failure = {
      which: 'optimized',
      message: optimizeCatalog.t(result.lang, 'verify.noEngine', { host }),
      logTail: [],
    };
    return report;
  }
  const id = randomBytes(4).toString('hex');
  const name =
    basename(input.context)
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-') || 'app';
  const tags = {
    original: `localhost/dockaudit-verify-${name}:original-${id}`,
    optimized: `localhost/dockaudit-verify-${name}:optimized-${id}`,
  };
  const existingIgnore = ignoreTextOf(input.context, result.file);
  const originalContext = contextFiles(input.context, existingIgnore);
  // The optimized build sees what `--write` leaves: the proposed .dockerignore (when none exists) and new files.
  const overlay = result.extraFiles.map((f) => ({ path: f.path, data: Buffer.from(f.text), mode: 0o644 }));
  const optimizedContext = contextFiles(input.context, existingIgnore ?? result.dockerignore, overlay);
  const optimizedText = withoutSyntaxDirective(result.dockerfile);
  report.syntaxStripped = optimizedText !== result.dockerfile;
  const built: string[] = [];
  try {
    for (const which of ['original', 'optimized'] as const) {
      const outcome = await engine.build(
        which === 'original' ? originalContext : optimizedContext,
        which === 'original' ? withoutSyntaxDirective(input.original) : optimizedText,
        tags[which],
      );
      if (!outcome.ok) {
        report.failure = { which, message: outcome.message, logTail: outcome.log.slice(-LOG_TAIL) };
        return report;
      }
      built.push(tags[which]);
      const facts = await engine.inspect(tags[which]);
      report[which] = { tag: tags[which], ...facts, smoke: null, smokeDetail: '' };
    }
    for (const which of ['original', 'optimized'] as const) {
      const own = report[which]!;
      const other = report[which === 'original' ? 'optimized' : 'original']!;
      const check = smokeCommand(input.smoke, own.healthcheck, other.healthcheck);
      if (!check) continue;
      const outcome = await engine.smoke(tags[which], check, input.timeoutSeconds);
      (report[which] as ImageFacts).smoke = outcome.ok;
      (report[which] as ImageFacts).smokeDetail = outcome.detail;
    }
    return report;
  } finally {
    for (const tag of built) await engine.remove(tag);
  }
}
