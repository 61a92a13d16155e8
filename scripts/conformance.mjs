// Measures agreement with hadolint on its own labelled cases (../shared/conformance/hadolint/cases.jsonl):
// each case is written to a temporary Dockerfile (plus its .hadolint.yaml), linted with the built library
// and scored per (case, rule): does the rule aliased to that DL code fire or stay silent as expected?
// Usage: node scripts/conformance.mjs [--cases FILE] [--verbose] [--rule DL3008] [--min PERCENT] [--json]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const casesPath = resolve(
  opt('--cases') ?? new URL('../../shared/conformance/hadolint/cases.jsonl', import.meta.url).pathname,
);
const verbose = args.includes('--verbose');
const only = opt('--rule');
const lib = await import(new URL('../dist/index.js', import.meta.url).href);

const cases = readFileSync(casesPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((c) => !c.duplicate_of && (!only || c.rule === only));

const implemented = new Set(lib.dockerfileRules.flatMap((r) => r.aliases));
// Cases of rule `shellcheck` need the shellcheck program (as `lint --shellcheck` does).
const shellcheck = await lib.shellcheckVersion();
if (!shellcheck && cases.some((c) => c.rule === 'shellcheck'))
  console.error('conformance: shellcheck is not installed; the shellcheck cases run without it');
const tmp = mkdtempSync(join(tmpdir(), 'dockaudit-conformance-'));
const perRule = new Map();
const disagreements = [];
try {
  for (const c of cases) {
    const dir = join(tmp, c.id);
    mkdirSync(dir, { recursive: true });
    const text = c.dockerfile.endsWith('\n') ? c.dockerfile : `${c.dockerfile}\n`;
    writeFileSync(join(dir, 'Dockerfile'), text);
    if (c.config) writeFileSync(join(dir, '.hadolint.yaml'), stringify(c.config));
    const enable = c.rule.startsWith('DL') ? [c.rule] : [];
    const resolver = new lib.ConfigResolver({ enable });
    const config = await resolver.forFile(join(dir, 'Dockerfile'));
    const file = lib.parseDockerfile(text, 'Dockerfile');
    const sc =
      c.rule === 'shellcheck' && shellcheck ? (await lib.shellcheckDockerfiles([file])).results[0] : null;
    const findings = lib.lintDockerfile(file, { config, rules: lib.dockerfileRules, shellcheck: sc });
    let count;
    if (c.rule === '*') count = findings.filter((f) => f.aliases.some((a) => /^DL\d{4}$/.test(a))).length;
    else if (c.rule === 'shellcheck')
      count = findings.filter(
        (f) => f.aliases.some((a) => /^SC\d{4}$/.test(a)) || f.rule === 'shellcheck',
      ).length;
    else count = findings.filter((f) => f.aliases.includes(c.rule)).length;
    const expected = c.expected_count ?? (c.expect === 'fires' ? 1 : 0);
    const agree = c.count_mode === 'at_least' ? count >= expected : count === expected;
    const stat = perRule.get(c.rule) ?? { cases: 0, agree: 0 };
    stat.cases++;
    if (agree) stat.agree++;
    perRule.set(c.rule, stat);
    if (!agree)
      disagreements.push({
        id: c.id,
        rule: c.rule,
        expect: c.expect,
        expected,
        got: count,
        it: c.it,
        dockerfile: c.dockerfile,
        findings: findings.map(
          (f) => `${f.line}:${f.column} ${f.rule} [${f.aliases.join(',')}] ${f.message}`,
        ),
      });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let total = 0;
let agreed = 0;
const rows = [...perRule.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
for (const [, s] of rows) {
  total += s.cases;
  agreed += s.agree;
}
const pct = (a, b) => (b === 0 ? 100 : (a / b) * 100);
if (args.includes('--json')) {
  console.log(
    JSON.stringify(
      { total, agreed, percent: pct(agreed, total), perRule: Object.fromEntries(rows), disagreements },
      null,
      2,
    ),
  );
} else {
  for (const [rule, s] of rows) {
    const missing = rule.startsWith('DL') && !implemented.has(rule) ? '  (no rule)' : '';
    console.log(
      `${rule.padEnd(11)} ${String(s.agree).padStart(4)}/${String(s.cases).padEnd(4)} ${pct(s.agree, s.cases).toFixed(1).padStart(6)} %${missing}`,
    );
  }
  console.log(`overall     ${agreed}/${total} = ${pct(agreed, total).toFixed(2)} %`);
  if (verbose)
    for (const d of disagreements) {
      console.log(`\n--- ${d.id} (${d.it}): expected ${d.expect} (${d.expected}), got ${d.got}`);
      console.log(d.dockerfile.trimEnd());
      for (const f of d.findings) console.log(`    > ${f}`);
    }
}
const min = opt('--min');
process.exit(min !== undefined && pct(agreed, total) < Number(min) ? 1 : 0);
