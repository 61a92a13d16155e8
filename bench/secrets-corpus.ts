// Runs the secret detector over the shared corpus and prints hit counts and every hit (redacted) for
// hand review. Usage: npx tsx bench/secrets-corpus.ts [corpus dir] [--entropy]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { checkKeyValue, type SecretMatch, scanText } from '../src/secrets/index.js';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/corpus');
const entropy = args.includes('--entropy');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

const counts = new Map<string, number>();
const hits: string[] = [];
let bytes = 0;
let scanned = 0;
let scanMs = 0;
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const record = (where: string, how: string, m: SecretMatch) => {
  const key = `${how} ${m.kind}/${m.confidence}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  hits.push(`${key}\t${where}\t${m.key ?? ''}\t${m.redacted}`);
};

for (const sub of ['dockerfiles', 'compose']) {
  for (const path of files(join(root, sub))) {
    const text = readFileSync(path, 'utf8');
    const rel = relative(root, path);
    bytes += Buffer.byteLength(text);
    scanned++;
    const t0 = performance.now();
    const found = scanText(text, { entropy });
    scanMs += performance.now() - t0;
    for (const m of found) record(`${rel}:${lineOf(text, m.start)}`, 'text', m);
    if (sub === 'dockerfiles') {
      const file = parseDockerfile(text, rel);
      for (const inst of file.instructions) {
        const pairs =
          inst.keyword === 'ENV' || inst.keyword === 'LABEL'
            ? inst.pairs.map((p) => [p.key, p.value] as const)
            : inst.keyword === 'ARG'
              ? inst.args.flatMap((a) => (a.value === null ? [] : [[a.name, a.value] as const]))
              : [];
        for (const [k, v] of pairs)
          for (const m of checkKeyValue(k, v, { entropy }))
            record(`${rel}:${file.lines.position(inst.span.start).line}`, inst.keyword, m);
      }
    } else {
      let doc: unknown;
      try {
        doc = parseYaml(text, { uniqueKeys: false, maxAliasCount: -1 });
      } catch {
        continue;
      }
      const services = (doc as { services?: Record<string, unknown> } | null)?.services ?? (doc as object);
      if (!services || typeof services !== 'object') continue;
      for (const [name, svc] of Object.entries(services)) {
        const env = (svc as { environment?: unknown } | null)?.environment;
        const entries: [string, string][] = Array.isArray(env)
          ? env
              .filter((e) => typeof e === 'string' && e.includes('='))
              .map((e: string) => {
                const i = e.indexOf('=');
                return [e.slice(0, i), e.slice(i + 1)];
              })
          : env && typeof env === 'object'
            ? Object.entries(env).flatMap(([k, v]) =>
                v === null || typeof v === 'object' ? [] : [[k, String(v)]],
              )
            : [];
        for (const [k, v] of entries)
          for (const m of checkKeyValue(k, v, { entropy })) record(`${rel} ${name}`, 'env', m);
      }
    }
  }
}
console.log(
  `${scanned} files, ${(bytes / 1e6).toFixed(1)} MB; scanText ${scanMs.toFixed(0)} ms (${(bytes / 1e6 / (scanMs / 1000)).toFixed(1)} MB/s)`,
);
for (const [k, n] of [...counts].sort()) console.log(`${String(n).padStart(5)}  ${k}`);
if (args.includes('--list')) for (const h of hits.sort()) console.log(h);
