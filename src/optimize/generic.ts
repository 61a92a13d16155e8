/**
 * Generic fallback: no stack recognized, so the Dockerfile keeps its structure and only the rules' safe
 * fixes are applied (the same fixes `dockaudit fix` makes).
 */
import type { Config } from '../config/settings.js';
import { fixDockerfileText } from '../fix/dockerfile.js';
import type { DockerfileRule } from '../rules/define.js';
import { Recorder } from './common.js';
import type { SynthInput } from './python.js';
import type { Synthesis } from './types.js';

export function synthesizeGeneric(
  input: SynthInput,
  text: string,
  options: { config: Config; rules: readonly DockerfileRule[] },
): Synthesis {
  const rec = new Recorder();
  rec.change('change.generic', null, 'dockaudit fix', {});
  const fixed = fixDockerfileText(text, input.path, {
    config: options.config,
    rules: options.rules,
    unsafe: false,
  });
  const after = fixed.output.replace(/^\uFEFF/, '');
  const keptLines = new Set(after.split(/\r?\n/).map((l) => l.trim()));
  for (const s of input.steps) {
    const unchanged = s.text.split(/\r?\n/).every((l) => keptLines.has(l.trim()));
    rec.dispose(s, unchanged ? 'kept' : 'changed', unchanged ? 'reason.kept' : 'reason.ruleFix', null);
  }
  if (fixed.fixedByRule.size > 0)
    rec.change(
      'change.ruleFixes',
      [...fixed.fixedByRule.keys()].join(', '),
      'dockaudit fix',
      {},
      { rules: [...fixed.fixedByRule.keys()].join(', ') },
    );
  return {
    stages: [],
    changes: rec.changes,
    dispositions: rec.dispositions,
    extraFiles: [],
    droppedPackages: [],
    runtimePackages: input.steps.flatMap((s) =>
      s.final && s.run?.kind === 'packages' ? s.run.packages.map((p) => p.name) : [],
    ),
    runtimeBase: input.detection.base.image,
    fixedText: fixed.output,
  };
}
