import type { Instruction, Word } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { expandKnown } from './lib/instructions.js';
import { basename, isArchiveName } from './lib/sources.js';

const DECOMPRESSORS = ['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat'];

export default dockerfileRule({
  id: 'copy-archive-then-extract',
  code: 'DA2010',
  aliases: ['DL3010'],
  severity: 'info',
  category: 'size',
  docs: {
    summary: 'A local archive is COPYed and then unpacked by a later RUN.',
    rationale:
      'The archive stays in the layer of the COPY even when the RUN deletes it, so the image carries it twice (packed and unpacked). ADD unpacks a local tar archive (plain, gzip, bzip2, xz) straight into the destination in one layer.',
    bad: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz',
    good: 'FROM debian:12\nADD app.tar.gz /opt/',
  },
  messages: { default: 'use ADD to unpack "{archive}" instead of COPY and a RUN that extracts it' },
  check({ model, report }) {
    const extractors = model.commandsNamed('tar', ...DECOMPRESSORS);
    if (extractors.length === 0) return;
    // Paths as written (Windows backslashes kept); variables substituted when there are any.
    const pathOf = (w: Word) =>
      w.raw.includes('$') ? expandKnown(model, w, instOf.get(w)!).value : w.raw.replace(/["']/g, '');
    const instOf = new Map<Word, Instruction>();
    for (const inst of model.file.instructions)
      if (inst.keyword === 'COPY') for (const w of inst.words) instOf.set(w, inst);
    const groups = [model.file.preamble, ...model.stages.map((s) => s.instructions)];
    for (const instructions of groups) {
      const copied = new Map<string, Word>();
      for (const inst of instructions) {
        if (inst.keyword === 'COPY' && inst.destination && !inst.flags.some((f) => f.name === 'from')) {
          const dest = pathOf(inst.destination);
          if (isArchiveName(dest)) copied.set(basename(dest), inst.destination);
          else
            for (const s of inst.sources) {
              const v = pathOf(s);
              if (isArchiveName(v)) copied.set(basename(v), s);
            }
        } else if (inst.keyword === 'RUN' && copied.size > 0) {
          for (const { inst: run, cmd } of extractors) {
            if (run !== inst || !extracts(cmd)) continue;
            for (const a of cmd.args) {
              const name = basename((a.value ?? a.text).replace(/^--?[\w-]+=/, ''));
              const word = copied.get(name);
              if (!word || (cmd.program !== 'tar' && !TAR_NAME.test(name))) continue;
              report({ span: word.span, data: { archive: name } });
              copied.delete(name);
            }
          }
        }
      }
    }
  },
});

/** Names of tar archives (what ADD unpacks); a plain `.gz` file is copied by ADD as it is. */
const TAR_NAME = /\.(?:tar(?:\.(?:gz|bz2|xz|lz|lzma|Z|zst))?|tgz|tbz2?|tb2|txz|tlz|tpz|tZ|taz|tzst)$/;

function extracts(cmd: ShellCommand): boolean {
  if (cmd.program !== 'tar') return true;
  return cmd.args.some((a, i) => {
    const v = a.value ?? '';
    if (v === '--extract' || v === '--get') return true;
    if (/^-[A-Za-z]*x/.test(v)) return true;
    // Old-style options without a dash: `tar xzf file`.
    return i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(v);
  });
}
