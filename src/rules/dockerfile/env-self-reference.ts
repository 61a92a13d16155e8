import { dockerfileRule } from '../define.js';
import { withTriggers } from './lib/instructions.js';
import { variableReferences } from './lib/variables.js';

export default dockerfileRule({
  id: 'env-self-reference',
  code: 'DA4044',
  aliases: ['DL3044'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'An ENV value uses a variable set earlier in the same ENV instruction.',
    rationale:
      'Docker substitutes every value of an ENV instruction with the environment as it was before the instruction: in `ENV A=1 B=$A`, B gets the old value of A (usually empty), not 1. Split the instruction in two. Referring to a variable in its own new value (`ENV PATH=/x:$PATH`) is fine.',
    bad: 'FROM debian:12\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin',
    good: 'FROM debian:12\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin',
  },
  messages: {
    default: '${name} still has its old value here: it is set in this same ENV; split the instruction',
  },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'ENV' || inst.pairs.length < 2) continue;
      const defined = new Set<string>();
      for (const pair of inst.pairs) {
        for (const ref of variableReferences(pair.rawValue, model.file.escape)) {
          if (!defined.has(ref.name)) continue;
          const start = Math.min(pair.valueSpan.start + ref.start, pair.valueSpan.end);
          const end = Math.min(pair.valueSpan.start + ref.end, pair.valueSpan.end);
          report({ span: { start, end }, data: { name: ref.name } });
        }
        defined.add(pair.key);
      }
    }
  },
});
