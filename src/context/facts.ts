import type { ContextFacts } from '../dockerfile/analysis.js';
import type { BuildContext } from './build-context.js';

/** The build-context facts Dockerfile rules may use, backed by the context reader. */
export function contextFacts(ctx: BuildContext): ContextFacts {
  return {
    root: ctx.root,
    hasIgnoreFile: ctx.hasDockerignore,
    isSent: (path) => ctx.isSent(path),
    matches: (source) => ctx.copiedFiles(source).map((e) => e.path),
  };
}
