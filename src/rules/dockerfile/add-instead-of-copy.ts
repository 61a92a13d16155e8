import { dockerfileRule } from '../define.js';
import { expandKnown, sameCase, withTriggers } from './lib/instructions.js';
import { isArchiveName, isRemoteSource } from './lib/sources.js';

/** Flags only ADD understands: COPY would reject them. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default dockerfileRule({
  id: 'add-instead-of-copy',
  code: 'DA4020',
  aliases: ['DL3020'],
  severity: 'error',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: '`ADD` of local files or folders that are not archives: use `COPY`.',
    rationale:
      'ADD also downloads URLs and unpacks tar archives, so a reader cannot tell what an ADD of a local file does without looking at the file; COPY says it copies. Keep ADD for remote sources and for archives you want unpacked. The fix changes ADD to COPY when every source is local and not an archive.',
    bad: 'FROM debian:12\nADD app.conf /etc/app/',
    good: 'FROM debian:12\nCOPY app.conf /etc/app/',
  },
  messages: { default: 'use COPY for local files and folders: ADD of "{source}" only copies it' },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'ADD') continue;
      let local: string | null = null;
      let allLocal = inst.sources.length > 0;
      for (const source of inst.sources) {
        const e = expandKnown(model, source, inst.onbuild ?? inst);
        const value = e.value;
        if (!e.complete || isRemoteSource(value) || isArchiveName(value)) {
          allLocal = false;
          continue;
        }
        local ??= value;
      }
      if (local === null) continue;
      const fixable = allLocal && !inst.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      report({
        span: inst.keywordSpan,
        data: { source: local },
        ...(fixable
          ? {
              fix: [
                {
                  start: inst.keywordSpan.start,
                  end: inst.keywordSpan.end,
                  text: sameCase(inst.keywordRaw, 'COPY'),
                },
              ],
            }
          : {}),
      });
    }
  },
});
