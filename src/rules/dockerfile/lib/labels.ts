import type { LabelType } from '../../../config/settings.js';
import type { ReportDescriptor } from '../../../core/rule.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, KeyValue, Stage } from '../../../dockerfile/model.js';
import { expandKnown, withTriggers } from './instructions.js';

export interface LabelPair {
  pair: KeyValue;
  inst: Instruction;
}

/** Every LABEL key=value of the file (ONBUILD LABEL and labels before FROM included). */
export function* labelPairs(model: DockerfileAnalysis): Generator<LabelPair> {
  for (const inst of withTriggers(model.file.instructions))
    if (inst.keyword === 'LABEL') for (const pair of inst.pairs) yield { pair, inst };
}

/** Whether a stage, or a stage it builds on, sets a label. */
export function stageHasLabel(model: DockerfileAnalysis, stage: Stage, label: string): boolean {
  return model
    .lineageOf(stage)
    .some((s) => s.instructions.some((i) => i.keyword === 'LABEL' && i.pairs.some((p) => p.key === label)));
}

/**
 * Reports labels of the schema whose type is `type` and whose value fails `valid`. Values are taken with
 * build arguments resolved; a value with an unknown part, or empty (another rule), is not judged.
 */
export function checkLabelType(
  model: DockerfileAnalysis,
  schema: Readonly<Record<string, LabelType>>,
  type: LabelType,
  valid: (value: string) => boolean,
  report: (d: ReportDescriptor) => void,
): void {
  const wanted = Object.keys(schema).filter((k) => schema[k] === type);
  if (wanted.length === 0) return;
  for (const { pair, inst } of labelPairs(model)) {
    if (!wanted.includes(pair.key)) continue;
    const v = expandKnown(model, pair.rawValue, inst.onbuild ?? inst);
    if (!v.complete || v.value === '' || valid(v.value)) continue;
    report({ span: pair.valueSpan, data: { label: pair.key, value: v.value } });
  }
}
