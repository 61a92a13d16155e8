import { shellcheckUnits, sourceOffset } from '../../shellcheck/units.js';
import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'shellcheck',
  code: 'DA4300',
  aliases: [],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary:
      'ShellCheck findings in RUN scripts (with `lint --shellcheck` and the shellcheck program installed).',
    rationale:
      "RUN bodies are shell scripts and have the bugs shell scripts have: unquoted expansions that split, bash features under /bin/sh, variables never set. `lint --shellcheck` runs ShellCheck on every POSIX RUN body (and heredoc script) with the instruction's shell and the build arguments and environment variables in scope, and reports its findings (SCxxxx, also usable in `ignored`, pragmas and severity overrides) at their exact place in the Dockerfile.",
    bad: 'FROM debian:12\nARG files\nRUN rm $files',
    good: 'FROM debian:12\nARG files\nRUN rm "$files"',
  },
  messages: { default: 'SC{sc}: {message}' },
  check({ model, report }) {
    const results = model.shellcheck;
    if (!results || results.size === 0) return;
    for (const unit of shellcheckUnits(model)) {
      const comments = results.get(unit.key);
      if (!comments) continue;
      for (const c of comments) {
        const start = sourceOffset(unit, c.line, c.column);
        if (start === null) continue;
        const end = sourceOffset(unit, c.endLine, c.endColumn) ?? start;
        report({
          span: { start, end: Math.max(start, end) },
          data: { sc: c.code, message: c.message },
          severity: c.level,
          aliases: [`SC${c.code}`],
        });
      }
    }
  },
});
