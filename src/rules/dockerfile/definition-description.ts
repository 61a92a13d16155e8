import type { Comment, Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';

const PRAGMA = /^(?:hadolint|dockaudit)\s/;

export default dockerfileRule({
  id: 'definition-description',
  code: 'DA1206',
  aliases: ['InvalidDefinitionDescription'],
  severity: 'style',
  category: 'maintainability',
  enabledByDefault: false,
  docs: {
    summary:
      'A comment right above an ARG or a named FROM that does not follow the `# <name> <description>` convention.',
    rationale:
      '`docker build --call=outline` and `--call=targets` show the comment directly above an ARG or a stage as its description when it starts with the argument or stage name. A comment there that starts otherwise is either a description in the wrong form or a note that reads as one: write `# VERSION the release to package`, or leave an empty line between the note and the instruction. Off by default, as BuildKit keeps this check experimental: enable it in the configuration or with `# check=experimental=InvalidDefinitionDescription`.',
    bad: '# the release to package\nARG VERSION=1.2\n# compile the sources\nFROM golang:1.23 AS build',
    good: '# VERSION the release to package\nARG VERSION=1.2\n# build compiles the sources\nFROM golang:1.23 AS build',
  },
  messages: {
    default:
      'a comment right above {instruction} is its description and should start with its name: `# {name} <description>` (or leave an empty line between)',
  },
  check({ model, report }) {
    const { file } = model;
    // The comment on the line just above each instruction (parser directives are not descriptions).
    const commentByLine = new Map<number, Comment>();
    const directiveLines = new Set(file.directives.map((d) => file.lines.lineOf(d.span.start)));
    for (const c of file.comments) {
      const line = file.lines.lineOf(c.span.start);
      if (!c.inContinuation && !directiveLines.has(line)) commentByLine.set(line, c);
    }
    const check = (inst: Instruction, names: string[]) => {
      if (names.length === 0) return;
      const comment = commentByLine.get(file.lines.lineOf(inst.span.start) - 1);
      // An empty `#` ends a description block; a pragma (which must sit right above) is none.
      if (!comment || comment.text === '' || PRAGMA.test(comment.text)) return;
      if (names.includes(comment.text.split(' ')[0]!)) return;
      const name = names.length === 1 ? names[0]! : '<arg_key>';
      report({ span: comment.span, data: { instruction: inst.keyword, name } });
    };
    for (const inst of file.instructions) {
      if (inst.keyword === 'ARG')
        check(
          inst,
          inst.args.map((a) => a.name),
        );
      else if (inst.keyword === 'FROM') {
        const stage = file.stages[inst.stage];
        if (stage?.name) check(inst, [stage.name]);
      }
    }
  },
});
