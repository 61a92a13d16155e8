import { MapScope } from '../../dockerfile/variables.js';
import { dockerfileRule } from '../define.js';
import { fromTexts } from './lib/from-texts.js';
import { closestName } from './lib/suggest.js';
import { variableRefs } from './lib/variable-refs.js';

export default dockerfileRule({
  id: 'undefined-arg-in-from',
  code: 'DA4351',
  aliases: ['UndefinedArgInFrom'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'A FROM line uses a variable that no ARG before the first FROM declares.',
    rationale:
      "FROM (image and `--platform`) sees only the ARGs declared before the first FROM and BuildKit's platform ARGs (`BUILDPLATFORM`, `TARGETARCH`, …). Any other name expands to an empty string, so `FROM node:${NODE_VERSON}` pulls `node:` and fails, or worse pulls `latest`. Declare the ARG at the top of the file (it may be a typo of one that is: the closest is suggested).",
    bad: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}-alpine',
    good: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine',
  },
  messages: {
    default: 'FROM uses ${name}, which no ARG before the first FROM declares',
    suggest: 'FROM uses ${name}, which no ARG before the first FROM declares (did you mean ${suggestion}?)',
  },
  check({ model, report }) {
    const scope = model.globalScope;
    const declared = scope instanceof MapScope ? [...scope.vars.keys()] : [];
    for (const stage of model.stages) {
      const reported = new Set<string>();
      for (const text of fromTexts(stage.from, model.file.text)) {
        for (const ref of variableRefs(text.raw, model.file.escape)) {
          if (scope.has(ref.name) || reported.has(ref.name)) continue;
          reported.add(ref.name);
          const suggestion = closestName(ref.name, declared);
          report({
            span: text.at(ref.start, ref.end),
            messageId: suggestion ? 'suggest' : 'default',
            data: suggestion ? { name: ref.name, suggestion } : { name: ref.name },
          });
        }
      }
    }
  },
});
