import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { contextSources, isWholeContext } from './lib/copies.js';
import { type DependencyInstall, dependencyInstalls, type Ecosystem } from './lib/dependency-installs.js';

export default dockerfileRule({
  id: 'source-copied-before-dependencies',
  code: 'DA2204',
  aliases: [],
  severity: 'warning',
  category: 'cache',
  docs: {
    summary:
      'The whole source is copied before the dependency install, so every code change reinstalls every dependency.',
    rationale:
      'Docker reuses a cached layer only while everything before it is unchanged. With `COPY . .` before `pip install -r requirements.txt` (or `npm ci`, `go mod download`, `bundle install`, `composer install`, `dotnet restore`, …) any edit to any file invalidates the install, and each build downloads and compiles all dependencies again. Copy only the manifests first (requirements.txt; package.json and its lockfile; go.mod and go.sum; …), install, then copy the rest. The finding points at the COPY; an install that already ran before the COPY (the project itself installed afterwards) is fine.',
    bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .',
  },
  messages: {
    default:
      'this copies all sources before `{install}` (line {line}): any change reruns it; copy {manifests} first, install, then copy the rest',
  },
  check({ model, report }) {
    const installs = dependencyInstalls(model);
    if (installs.length === 0) return;
    const byInst = new Map<Instruction, DependencyInstall[]>();
    for (const d of installs) {
      if (d.inst.onbuild) continue;
      const list = byInst.get(d.inst) ?? [];
      list.push(d);
      byInst.set(d.inst, list);
    }
    const reported = new Set<string>();
    for (const stage of model.stages) {
      let broad: { inst: Instruction; start: number; end: number } | null = null;
      const before = new Set<Ecosystem>();
      const after = new Set<Ecosystem>();
      for (const s of model.lineageOf(stage).reverse()) {
        for (const inst of s.instructions) {
          if (!broad) {
            const whole = contextSources(model, inst).find((c) => isWholeContext(c.path));
            if (whole) broad = { inst, start: whole.word.span.start, end: whole.word.span.end };
          }
          for (const d of byInst.get(inst) ?? []) {
            if (!broad) {
              before.add(d.eco);
              continue;
            }
            if (before.has(d.eco) || after.has(d.eco)) continue;
            after.add(d.eco);
            const key = `${broad.inst.index}:${d.eco}`;
            if (reported.has(key)) continue;
            reported.add(key);
            report({
              span: { start: broad.start, end: broad.end },
              data: {
                install: d.label,
                line: model.file.lines.position(d.cmd.start).line,
                manifests: d.manifests,
              },
            });
          }
        }
      }
    }
  },
});
