/**
 * Generic fallback: no stack recognized, so the Dockerfile keeps its structure and only the rules' safe
 * fixes are applied (the same fixes `dockaudit fix` makes).
 */
import type { Config } from '../config/settings.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { lintDockerfile } from '../engine/lint-dockerfile.js';
import { fixDockerfileText } from '../fix/dockerfile.js';
import type { DockerfileRule } from '../rules/define.js';
import { APP_UID, createUserRun, Recorder } from './common.js';
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
  const user = addUnprivilegedUser(fixed.output, input, options);
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
 * When the final image would still run as root (by the `final-stage-root` rule itself, so the images it
 * leaves alone stay alone: servers that step down on their own, distroless bases, Windows), creates an
 * unprivileged user with a fixed UID and switches to it right after the final stage's last RUN, so every
 * build step keeps root and only the running program loses it. Only for Debian/Ubuntu and Alpine bases,
 * whose user tools are known. Returns the new text, or null when nothing is added.
 */
function addUnprivilegedUser(
  text: string,
  input: SynthInput,
  options: { config: Config; rules: readonly DockerfileRule[] },
): string | null {
  const packager = input.detection.base.packager;
  if (packager !== 'apt' && packager !== 'apk') return null;
  if (input.detection.evidence.includes('non-POSIX shell')) return null;
  const rule = options.rules.find((r) => r.id === 'final-stage-root');
  if (!rule) return null;
  const file = parseDockerfile(text, input.path);
  if (file.problems.length > 0 || file.escape !== '\\') return null;
  if (lintDockerfile(file, { config: options.config, rules: [rule] }).length === 0) return null;
  const stage = file.stages.at(-1);
  if (!stage) return null;
  const anchor = stage.instructions.findLast((i) => i.keyword === 'RUN') ?? stage.from;
  const create = createUserRun(packager);
  if (!create) return null;
  // Offsets of the model are in the text without its BOM.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const body = text.slice(bom);
  let at = anchor.span.end;
  const nl = body.indexOf('\n', at);
  at = nl < 0 ? body.length : nl + 1;
  const eol = file.eol;
  const head = body.slice(0, at);
  const insert = `${head.endsWith('\n') || head === '' ? '' : eol}${create.replace(/\n/g, eol)}${eol}USER ${APP_UID}:${APP_UID}${eol}`;
  return `${text.slice(0, bom)}${head}${insert}${body.slice(at)}`;
}
