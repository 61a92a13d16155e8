import { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { pragmasOf } from '../engine/lint-dockerfile.js';
import { runShellcheck } from './run.js';
import type { ShellcheckComment, ShellcheckResults } from './types.js';
import { shellcheckUnits } from './units.js';

export { shellcheckVersion } from './run.js';
export type { ShellcheckComment, ShellcheckResults } from './types.js';

/**
 * Runs ShellCheck once over the shell scripts of several Dockerfiles and returns, per file, the
 * comments keyed by script unit, ready for `lintDockerfile(file, { shellcheck })`.
 */
export async function shellcheckDockerfiles(
  files: readonly Dockerfile[],
  program = 'shellcheck',
): Promise<{ results: ShellcheckResults[]; scripts: number; ms: number }> {
  const owners: Array<{ file: number; key: string }> = [];
  const texts: string[] = [];
  files.forEach((file, f) => {
    const model = new DockerfileAnalysis(file, { shell: pragmasOf(file).shell });
    for (const u of shellcheckUnits(model)) {
      owners.push({ file: f, key: u.key });
      texts.push(u.text);
    }
  });
  const { comments, ms } = await runShellcheck(texts, program);
  const results = files.map(() => new Map<string, ShellcheckComment[]>());
  owners.forEach((o, i) => {
    if (comments[i]!.length > 0) results[o.file]!.set(o.key, comments[i]!);
  });
  return { results, scripts: texts.length, ms };
}
