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
    default:
      throw new Error(`output format ${format} is not available yet`);
  }
}
