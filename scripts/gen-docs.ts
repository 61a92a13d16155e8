// Writes docs/rules/<id>.md for every rule and docs/rules/README.md, from the rules' metadata.
// Usage: npm run docs   (a test fails when the pages are stale)
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDoc, renderRuleIndex } from '../src/docs/rule-docs.js';
import { allRules } from '../src/rules/all.js';

const dir = join(import.meta.dirname, '../docs/rules');
mkdirSync(dir, { recursive: true });
const wanted = new Set(allRules.map((r) => `${r.id}.md`));
for (const f of readdirSync(dir))
  if (f.endsWith('.md') && f !== 'README.md' && !wanted.has(f)) rmSync(join(dir, f));
for (const rule of allRules) writeFileSync(join(dir, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(join(dir, 'README.md'), renderRuleIndex(allRules));
console.log(`wrote ${allRules.length} rule pages to docs/rules/`);
