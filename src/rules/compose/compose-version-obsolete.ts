import { fileAt } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'compose-version-obsolete',
  code: 'DA5018',
  aliases: [],
  severity: 'style',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: 'The top-level `version` key is obsolete.',
    rationale:
      'Compose ignores `version` (the Compose Specification replaced the numbered formats) and prints a warning for it; it also misleads readers into thinking features are limited to that format. Remove the line.',
    bad: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27',
    good: 'services:\n  web:\n    image: nginx:1.27',
  },
  messages: { default: '`version` is obsolete and ignored by Compose; remove it' },
  check({ model, report }) {
    for (const pair of model.versionKeys) {
      const file = fileAt(model, pair.keySpan.start);
      const fix = file ? removeLine(file.text, file.base, pair.keySpan.start, pair.value.span.end) : null;
      report({ span: { start: pair.keySpan.start, end: pair.value.span.end }, ...(fix ? { fix } : {}) });
    }
  },
});

/** Deletes the whole lines of `version: …` when nothing else shares them (project-wide offsets). */
function removeLine(
  text: string,
  base: number,
  start: number,
  end: number,
): Array<{ start: number; end: number; text: string }> | null {
  const from = start - base;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  if (text.slice(lineStart, from).trim() !== '') return null;
  let lineEnd = text.indexOf('\n', end - base);
  lineEnd = lineEnd === -1 ? text.length : lineEnd + 1;
  const rest = text.slice(end - base, lineEnd).trim();
  if (rest !== '' && !rest.startsWith('#')) return null;
  return [{ start: base + lineStart, end: base + lineEnd, text: '' }];
}
