/** Writes the optimized Dockerfile's text from its stages (comments in the report language). */
import type { Lang } from '../i18n/catalog.js';
import { optimizeCatalog } from './catalog.js';
import type { OutStage } from './types.js';

export const SYNTAX_DIRECTIVE = '# syntax=docker/dockerfile:1';

export interface RenderOptions {
  lang: Lang;
  /** ARG lines before the first FROM (the original's global build arguments). */
  preamble: string[];
}

export function renderDockerfile(stages: readonly OutStage[], options: RenderOptions): string {
  const t = (key: Parameters<typeof optimizeCatalog.t>[1], data?: Record<string, string | number>) =>
    optimizeCatalog.t(options.lang, key, data);
  const parts: string[] = [SYNTAX_DIRECTIVE];
  if (options.preamble.length > 0) parts.push(options.preamble.join('\n'));
  stages.forEach((stage, i) => {
    const lines: string[] = [];
    const last = i === stages.length - 1;
    if (stages.length > 1) lines.push(`# ${t(last ? 'comment.runtime' : 'comment.builder')}`);
    lines.push(`FROM ${stage.from}${stage.alias ? ` AS ${stage.alias}` : ''}`);
    for (const inst of stage.body) {
      if (inst.comment) lines.push('', `# ${t(inst.comment, inst.commentData)}`);
      lines.push(inst.text);
    }
    parts.push(lines.join('\n'));
  });
  return `${parts.join('\n\n')}\n`;
}

/** Removes the `# syntax=` directive (for builds that must not pull the frontend image). */
export function withoutSyntaxDirective(text: string): string {
  return text.replace(/^(?:#\s*syntax\s*=.*\r?\n)/i, '');
}
