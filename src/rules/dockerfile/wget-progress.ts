import { dockerfileRule } from '../define.js';
import { hasOption, parseArgs } from './lib/args.js';
import { baseKind, installedBefore } from './lib/base-image.js';
import { resolveArgs } from './lib/shell-values.js';

export default dockerfileRule({
  id: 'wget-progress',
  code: 'DA4047',
  aliases: ['DL3047'],
  severity: 'info',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: 'GNU `wget` without `--progress` (or a quiet or log-file option).',
    rationale:
      'Without a terminal GNU wget falls back to its "dot" progress display, printing a line every few kilobytes: a large download floods the build log with thousands of lines. `--progress=dot:giga` keeps the log short; `-q`, `-nv` or a log file (`-o`, `-a`) also avoid it. Alpine and BusyBox images run BusyBox wget, which prints no such dots and rejects `--progress`, so they are not reported unless GNU wget is installed. The fix adds `--progress=dot:giga`.',
    bad: 'FROM debian:12\nRUN wget https://example.com/archive.tar.gz',
    good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/archive.tar.gz',
  },
  messages: {
    default: 'add --progress=dot:giga (or -q, -nv) to `wget`: its dot progress floods the build log',
  },
  check({ model, report }) {
    for (const { inst, cmd } of model.commandsNamed('wget')) {
      const { words, unknown } = resolveArgs(model, inst, cmd.args);
      if (unknown) continue;
      if (words.some((w) => w.value === '-nv')) continue;
      const parsed = parseArgs(words, {
        shortValue: 'OoaPtTwUeBilARDXIQ',
        longValue: ['output-document', 'output-file', 'append-output'],
      });
      if (hasOption(parsed, 'progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output'))
        continue;
      const kind = baseKind(model, (inst.onbuild ?? inst).stage);
      if ((kind === 'alpine' || kind === 'busybox') && !installedBefore(model, inst, 'wget')) continue;
      const name = cmd.words[0]!;
      report({
        span: { start: name.start, end: name.end },
        fix: [{ start: name.end, end: name.end, text: ' --progress=dot:giga' }],
      });
    }
  },
});
