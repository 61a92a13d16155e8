import type { ReportDescriptor } from '../../../core/rule.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';

/**
 * Reports each instruction of `keyword` that replaces an earlier one of the same stage (only the last
 * one takes effect). Reported on the later instruction, as hadolint does, so its ignore pragmas apply.
 */
export function reportRepeated(
  model: DockerfileAnalysis,
  keyword: Instruction['keyword'],
  report: (d: ReportDescriptor) => void,
): void {
  for (const stage of model.stages) {
    let previous: Instruction | null = null;
    for (const inst of stage.instructions) {
      if (inst.keyword !== keyword) continue;
      if (previous) {
        const line = model.file.lines.position(previous.span.start).line;
        report({ span: inst.keywordSpan, data: { keyword, line } });
      }
      previous = inst;
    }
  }
}
