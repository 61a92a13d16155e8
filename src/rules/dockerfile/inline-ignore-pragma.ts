import { parsePragma } from '../../config/pragmas.js';
import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'inline-ignore-pragma',
  code: 'DA1101',
  aliases: ['DL1001'],
  severity: 'info',
  category: 'maintainability',
  enabledByDefault: false,
  docs: {
    summary: 'An inline `# hadolint ignore=` or `# dockaudit ignore=` pragma (off by default).',
    rationale:
      'Teams that want every exception reviewed in one place switch this rule on: inline pragmas scatter exceptions over Dockerfiles, while the `ignored` list of the configuration keeps them together. Global and stage pragmas are not reported.',
    bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl',
    good: 'FROM debian:12\nRUN apt-get install -y curl',
  },
  messages: { default: 'avoid inline ignore pragmas; list exceptions in the configuration instead' },
  check({ model, report }) {
    for (const c of model.file.comments) {
      if (c.inContinuation) continue;
      const p = parsePragma(c.text, 0);
      if (p && p.kind === 'ignore') report({ span: c.span });
    }
  },
});
