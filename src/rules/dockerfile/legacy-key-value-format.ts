import type { TextEdit } from '../../core/finding.js';
import { dockerfileRule } from '../define.js';
import { legacyValueAsWord } from './lib/requote.js';

export default dockerfileRule({
  id: 'legacy-key-value-format',
  code: 'DA1203',
  aliases: ['LegacyKeyValueFormat'],
  severity: 'warning',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: '`ENV key value` or `LABEL key value`: the legacy form without `=`.',
    rationale:
      'In the legacy form everything after the key is one value, so `ENV PATH /app/bin PYTHONPATH /app` sets a single variable `PATH` to `/app/bin PYTHONPATH /app`, and a missing `=` is easy to misread. Docker documents `key=value` as the form to use and BuildKit warns about the other. The fix writes `key=value`, quoting the value when it holds spaces; it is left alone when quoting could change the value (unbalanced quotes, a `#`).',
    bad: 'FROM alpine:3.20\nENV APP_HOME /srv/app\nLABEL maintainer Jane Doe',
    good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nLABEL maintainer="Jane Doe"',
  },
  messages: { default: 'use "{keyword} {key}=…" instead of the legacy "{keyword} {key} …" form' },
  check({ model, report }) {
    const { file } = model;
    for (const inst of file.instructions) {
      const target = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (!target || (target.keyword !== 'ENV' && target.keyword !== 'LABEL')) continue;
      for (const pair of target.pairs) {
        if (!pair.legacy) continue;
        report({
          span: pair.span,
          data: { keyword: target.keyword, key: pair.key },
          fix: fixOf(file.text, pair, file.escape) ?? undefined,
        });
      }
    }
  },
});

function fixOf(
  text: string,
  pair: { rawValue: string; keySpan: { end: number }; valueSpan: { start: number; end: number } },
  escape: string,
): TextEdit[] | null {
  // Only when key and value share a line and the value has no continuation inside it.
  const gap = text.slice(pair.keySpan.end, pair.valueSpan.start);
  if (!/^[ \t]+$/.test(gap)) return null;
  if (pair.valueSpan.end - pair.valueSpan.start !== pair.rawValue.length) return null;
  const word = legacyValueAsWord(pair.rawValue, escape);
  if (word === null) return null;
  const edits: TextEdit[] = [{ start: pair.keySpan.end, end: pair.valueSpan.start, text: '=' }];
  if (word !== pair.rawValue)
    edits.push({ start: pair.valueSpan.start, end: pair.valueSpan.end, text: word });
  return edits;
}
