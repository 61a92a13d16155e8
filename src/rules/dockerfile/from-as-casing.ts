import { dockerfileRule } from '../define.js';
import { replaceWord } from './lib/buildkit-text.js';

export default dockerfileRule({
  id: 'from-as-casing',
  code: 'DA1201',
  aliases: ['FromAsCasing'],
  severity: 'style',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: 'The `AS` keyword of a `FROM` is not written in the same case as `FROM`.',
    rationale:
      'Keywords may be upper or lower case, but `FROM image as name` mixes both styles in one line and reads as if `as` were part of the image name. Write `AS` in the case of its `FROM` (a `FROM` in mixed case is left to the instruction-casing rule). The fix changes only the case of the keyword.',
    bad: 'FROM debian:12 as builder',
    good: 'FROM debian:12 AS builder',
  },
  messages: { default: '"{as}" should match the case of "{from}": write "{expected}"' },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { asWord, keywordRaw } = stage.from;
      if (!asWord) continue;
      let expected: string;
      if (keywordRaw === keywordRaw.toUpperCase()) expected = asWord.raw.toUpperCase();
      else if (keywordRaw === keywordRaw.toLowerCase()) expected = asWord.raw.toLowerCase();
      else continue;
      if (asWord.raw === expected) continue;
      report({
        span: asWord.span,
        data: { as: asWord.raw, from: keywordRaw, expected },
        fix: replaceWord(asWord, expected) ?? undefined,
      });
    }
  },
});
