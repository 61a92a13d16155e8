import { renderJson } from './json.js';
import { renderTty } from './tty.js';
import type { Format, RenderOptions, ReportInput } from './types.js';

export type { Format, RenderOptions, ReportInput } from './types.js';

/** Renders findings in one of the output formats. Formats other than tty and json load on demand. */
export async function render(format: Format, input: ReportInput, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return renderJson(input);
    case 'tty':
      return renderTty(input, options);
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(input, options);
    case 'checkstyle':
      return (await import('./checkstyle.js')).renderCheckstyle(input);
    case 'gitlab':
      return (await import('./gitlab.js')).renderGitlab(input, options);
    case 'junit':
      return (await import('./junit.js')).renderJunit(input);
    case 'github':
      return (await import('./github.js')).renderGithub(input);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(input);
    default: {
      const unknown: never = format;
      throw new Error(`unknown output format ${String(unknown)}`);
    }
  }
}
