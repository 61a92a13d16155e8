import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'consistent-instruction-casing',
  code: 'DA1202',
  aliases: ['ConsistentInstructionCasing'],
  severity: 'style',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: 'An instruction keyword not written in the case most keywords of the file use.',
    rationale:
      'Keywords may be written in either case, but a file that mixes `RUN` and `run`, or writes `Copy`, is harder to scan: the keyword column no longer stands apart from arguments. The majority of self-consistent keywords (all upper or all lower) sets the case; a tie means upper case. The fix changes only the case of the keyword.',
    bad: 'FROM alpine:3.20\nrun apk add --no-cache curl\nCopy app /app',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app /app',
  },
  messages: { default: '"{keyword}" should be {casing} like most instructions of this file: "{expected}"' },
  check({ model, report }) {
    const keywords: Instruction[] = [];
    for (const inst of model.file.instructions) {
      if (inst.keyword === 'UNKNOWN') continue;
      keywords.push(inst);
      if (inst.keyword === 'ONBUILD' && inst.trigger && inst.trigger.keyword !== 'UNKNOWN')
        keywords.push(inst.trigger);
    }
    let lower = 0;
    let upper = 0;
    for (const inst of keywords) {
      const k = inst.keywordRaw;
      if (k === k.toLowerCase()) lower++;
      else if (k === k.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const inst of keywords) {
      const k = inst.keywordRaw;
      const expected = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === expected) continue;
      const span = inst.keywordSpan;
      report({
        span,
        data: { keyword: k, casing: majorityLower ? 'lowercase' : 'uppercase', expected },
        fix: span.end - span.start === k.length ? [{ ...span, text: expected }] : undefined,
      });
    }
  },
});
