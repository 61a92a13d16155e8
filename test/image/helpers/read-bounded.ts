/**
 * Runs readImage on hostile inputs in a separate process and reports, per case, the error message and
 * the time taken, then the process's peak resident memory. The test harness asserts the bounds.
 * Usage: node --import tsx read-bounded.ts CASES_JSON   (CASES_JSON: [{ path, options }])
 */
import { readImage } from '../../../src/image/read.js';

interface Case {
  path: string;
  options?: Parameters<typeof readImage>[1];
}

const cases = JSON.parse(process.argv[2]!) as Case[];
const results = [];
for (const c of cases) {
  const started = performance.now();
  let error: string | null = null;
  let anomalies: string[] = [];
  try {
    const m = await readImage(c.path, c.options ?? {});
    anomalies = m.anomalies.map((a) => `${a.kind}:${a.path}`);
    for (const f of m.files.worldWritable) anomalies.push(`ww:${f.path}`);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  results.push({ path: c.path, error, anomalies, ms: Math.round(performance.now() - started) });
}
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ results, maxRssMB })}\n`);
