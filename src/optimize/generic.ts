/**
 * Generic fallback: no stack recognized, so the Dockerfile keeps its structure and only rule-level fixes
 * are applied: the rules' safe fixes (the same `dockaudit fix` makes) and the suggested fix of
 * `final-stage-root` (an unprivileged user).
 */
import type { Config } from '../config/settings.js';
import { fixDockerfileText } from '../fix/dockerfile.js';
import type { DockerfileRule } from '../rules/define.js';
import { APP_UID, Recorder } from './common.js';
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
  const user = addUnprivilegedUser(fixed.output, options);
  const output = user ?? fixed.output;
  const after = output.replace(/^\uFEFF/, '');
  const keptLines = new Set(after.split(/\r?\n/).map((l) => l.trim()));
  for (const s of input.steps) {
    const unchanged = s.text.split(/\r?\n/).every((l) => keptLines.has(l.trim()));
    rec.dispose(s, unchanged ? 'kept' : 'changed', unchanged ? 'reason.kept' : 'reason.ruleFix', null);
  }
  if (user !== null)
    rec.change(
      'change.genericUser',
      'final-stage-root',
      'seed 000 B-2; seed 001; seed 002',
      { security: true },
      { user: 'app', uid: APP_UID },
    );
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
    fixedText: output,
  };
}

/**
 * The suggested fix of `final-stage-root` on the result: where the final image would still run as root
 * (by the rule itself, so the images it leaves alone stay alone: servers that step down on their own,
 * distroless bases, Windows), an unprivileged user is created after the final stage's last RUN and
 * switched to. Returns the new text, or null when the rule offers no fix.
 */
function addUnprivilegedUser(
  text: string,
  options: { config: Config; rules: readonly DockerfileRule[] },
): string | null {
  const rule = options.rules.find((r) => r.id === 'final-stage-root');
  if (!rule) return null;
  const fixed = fixDockerfileText(text, 'Dockerfile', {
    config: options.config,
    rules: [rule],
    unsafe: true,
  });
  return fixed.changed && !fixed.blocked ? fixed.output : null;
}
