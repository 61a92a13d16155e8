import type { Config } from '../config/settings.js';
import type { Finding } from '../core/finding.js';
import { type RuleFailure, runRules } from '../engine/run-rules.js';
import type { MessageCatalog } from '../i18n/catalog.js';
import type { ImageRule } from '../rules/image/lib/types.js';
import { ImageAnchors } from './document.js';
import { originOf } from './format.js';
import type { ImageModel } from './model.js';

export interface LintImageOptions {
  config: Config;
  rules: readonly ImageRule[];
  catalog?: MessageCatalog;
  failures?: RuleFailure[];
}

/**
 * Runs the image rules over an image model. Findings point at history entries of the image (line N =
 * entry N); those whose entry maps to a Dockerfile instruction move to that instruction's line, so
 * each finding names the line to change. `data` keeps the image, the entry, the layer and its origin.
 */
export function lintImage(model: ImageModel, options: LintImageOptions): Finding[] {
  const at = new ImageAnchors(model);
  const findings = runRules({
    file: model.source,
    model: { image: model, at },
    lines: at.lines,
    rules: options.rules,
    config: options.config,
    ...(options.catalog ? { catalog: options.catalog } : {}),
    ...(options.failures ? { failures: options.failures } : {}),
  });
  return findings.map((f) => {
    const entry = f.line;
    const step = model.history[entry - 1];
    const data: Record<string, string | number | boolean> = { image: model.source, history: entry };
    if (step && step.layer !== null) {
      data.layer = step.layer + 1;
      data.origin = originOf(model, step.layer);
    }
    const inst = step?.instruction;
    if (!inst) return { ...f, data };
    return {
      ...f,
      file: inst.file,
      line: inst.line,
      column: inst.column,
      endLine: inst.endLine,
      endColumn: inst.endColumn,
      data,
    };
  });
}
