import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { sameCase } from './lib/instructions.js';

export default dockerfileRule({
  id: 'maintainer-deprecated',
  code: 'DA1100',
  aliases: ['DL4000', 'MaintainerDeprecated'],
  severity: 'error',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: 'The deprecated `MAINTAINER` instruction.',
    rationale:
      'MAINTAINER is deprecated since Docker 1.13 and fills a legacy field that tools no longer read. The OCI label `org.opencontainers.image.authors` carries the same information where registries and scanners look for it. The fix rewrites the instruction as that LABEL.',
    bad: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
  },
  messages: { default: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors' },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      if (inst.keyword !== 'MAINTAINER') continue;
      const fix =
        inst.stage >= 0 && inst.argsText.length > 0 && !inst.multiline
          ? labelFix(inst, model.file.escape)
          : null;
      report({ span: inst.keywordSpan, ...(fix ? { fix } : {}) });
    }
  },
});

function labelFix(inst: Instruction, escape: string) {
  let value = inst.argsText;
  const q = value[0];
  if ((q === '"' || q === "'") && value.length > 1 && value.endsWith(q)) value = value.slice(1, -1);
  // LABEL expands variables and reads quotes and escapes: keep the text literal.
  const literal = value.replace(/[\\`"$]/g, (c) =>
    c === escape || c === '"' || c === '$' ? `${escape}${c}` : c,
  );
  const label = `${sameCase(inst.keywordRaw, 'LABEL')} org.opencontainers.image.authors="${literal}"`;
  return [{ start: inst.keywordSpan.start, end: inst.argsSpan.end, text: label }];
}
