import { describe, expect, it } from 'vitest';
import type {
  CopyInstruction,
  FromInstruction,
  Instruction,
  KeyValueInstruction,
} from '../../src/dockerfile/model.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

const parse = (text: string) => parseDockerfile(text, 'Dockerfile');
const at = (text: string, span: { start: number; end: number }) => {
  const r = parse(text).lines.region(span);
  return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
};
const regionOf = (file: ReturnType<typeof parse>, span: { start: number; end: number }) => {
  const r = file.lines.region(span);
  return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
};
const kinds = (text: string) => parse(text).problems.map((p) => p.kind);

describe('parser directives', () => {
  it('reads syntax, escape and check directives at the top', () => {
    const f = parse('# syntax=docker/dockerfile:1.7\n# escape=`\n# check=skip=JSONArgsRecommended\nFROM x\n');
    expect(f.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1.7'],
      ['escape', '`'],
      ['check', 'skip=JSONArgsRecommended'],
    ]);
    expect(f.escape).toBe('`');
    expect(regionOf(f, f.directives[1]!.valueSpan)).toBe('2:10-2:11');
  });

  it('accepts spaces and any case around the directive name', () => {
    const f = parse('#  ESCAPE = `\nFROM x\n');
    expect(f.escape).toBe('`');
  });

  it('stops at the first blank line, comment or instruction', () => {
    expect(parse('\n# escape=`\nFROM x\n').escape).toBe('\\');
    expect(parse('# hello\n# escape=`\nFROM x\n').escape).toBe('\\');
    expect(parse('FROM x\n# escape=`\n').escape).toBe('\\');
  });

  it('stops at an unknown directive-shaped comment', () => {
    const f = parse('# foo=bar\n# escape=`\nFROM x\n');
    expect(f.directives).toEqual([]);
    expect(f.escape).toBe('\\');
  });

  it('reports an invalid escape token and a repeated directive', () => {
    expect(kinds('# escape=` (backtick)\nFROM x\n')).toEqual(['invalid-directive']);
    expect(parse('# escape=` (backtick)\nFROM x\n').escape).toBe('\\');
    expect(kinds('# escape=`\n# escape=\\\nFROM x\n')).toEqual(['invalid-directive']);
  });
});

describe('continuations', () => {
  it('joins lines ending in the escape character, as BuildKit does', () => {
    const f = parse('RUN a \\\n  b \\\n  c\n');
    expect(f.instructions[0]!.argsText).toBe('a   b   c');
    expect(f.instructions[0]!.multiline).toBe(true);
    expect(regionOf(f, f.instructions[0]!.span)).toBe('1:1-3:4');
  });

  it('drops comment lines and blank lines inside a continuation', () => {
    const f = parse('RUN a \\\n# comment\n  \n  b\n');
    expect(f.instructions[0]!.argsText).toBe('a   b');
    expect(f.comments).toEqual([{ text: 'comment', span: expect.any(Object), inContinuation: true }]);
    expect(kinds('RUN a \\\n\n  b\n')).toEqual(['empty-continuation']);
  });

  it('treats spaces after the escape character as a continuation', () => {
    expect(parse('RUN a \\   \n  b\n').instructions[0]!.argsText).toBe('a   b');
    expect(parse('RUN a \\\t\n  b\n').instructions).toHaveLength(1);
  });

  it('does not continue a line ending in a doubled escape', () => {
    const f = parse('RUN echo \\\\\nRUN b\n');
    expect(f.instructions.map((i) => i.keyword)).toEqual(['RUN', 'RUN']);
  });

  it('uses the backtick as escape after the escape directive', () => {
    const f = parse(
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN a `\n  b\nWORKDIR C:\\app\\\n',
    );
    expect(f.instructions[1]!.argsText).toBe('a   b');
    expect(f.instructions[2]!.argsText).toBe('C:\\app\\');
  });

  it('keeps exact positions of words on continuation lines', () => {
    const text = 'FROM a\nRUN apt-get install \\\n      curl \\\n      git\n';
    const f = parse(text);
    const git = f.instructions[1]!.words.find((w) => w.value === 'git')!;
    expect(regionOf(f, git.span)).toBe('4:7-4:10');
  });

  it('accepts a file that ends inside a continuation', () => {
    const f = parse('FROM a\nRUN echo \\');
    expect(f.instructions).toHaveLength(2);
    expect(f.problems.map((p) => p.kind)).toEqual(['eof-in-continuation']);
  });
});

describe('heredocs', () => {
  it('reads a RUN heredoc body up to its terminator', () => {
    const text = 'FROM a\nRUN <<EOF\napt-get update\nEOF\nCMD x\n';
    const f = parse(text);
    const run = f.instructions[1]!;
    expect(run.heredocs).toHaveLength(1);
    expect(run.heredocs[0]).toMatchObject({
      name: 'EOF',
      stripTabs: false,
      expand: true,
      body: 'apt-get update\n',
    });
    expect(regionOf(f, run.span)).toBe('2:1-4:4');
    expect(f.instructions[2]!.keyword).toBe('CMD');
  });

  it('strips tabs for <<- and handles quoted delimiters', () => {
    const f = parse('FROM a\nRUN <<-"EOT"\n\techo $HOME\n\tEOT\n');
    expect(f.instructions[1]!.heredocs[0]).toMatchObject({
      name: 'EOT',
      stripTabs: true,
      expand: false,
      body: '\techo $HOME\n',
    });
    expect(parse("FROM a\nRUN <<'X'\ny\nX\n").instructions[1]!.heredocs[0]!.expand).toBe(false);
  });

  it('reads several heredocs of one instruction in order', () => {
    const f = parse('FROM a\nCOPY <<one <<two /dst/\n1\none\n2\ntwo\nRUN ls\n');
    expect(f.instructions[1]!.heredocs.map((h) => [h.name, h.body])).toEqual([
      ['one', '1\n'],
      ['two', '2\n'],
    ]);
    expect(f.instructions[2]!.keyword).toBe('RUN');
  });

  it('reads COPY heredocs and keeps the destination', () => {
    const f = parse('FROM a\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n');
    const copy = f.instructions[1] as CopyInstruction;
    expect(copy.destination?.value).toBe('/etc/app.conf');
    expect(copy.heredocs[0]!.body).toBe('key=value\n');
  });

  it('does not read heredocs in JSON form or in other instructions', () => {
    expect(parse('FROM a\nRUN ["cat", "<<EOF"]\nEOF\n').instructions.map((i) => i.keyword)).toEqual([
      'FROM',
      'RUN',
      'UNKNOWN',
    ]);
    expect(parse('FROM a\nENV A=<<EOF\n').instructions[1]!.heredocs).toEqual([]);
  });

  it('treats a heredoc marker inside quotes as text', () => {
    expect(parse("FROM a\nRUN echo '<<EOF'\n").instructions[1]!.heredocs).toEqual([]);
  });

  it('reports an unterminated heredoc and keeps reading the following lines', () => {
    const f = parse('FROM a\nRUN <<EOF\necho hi\nCMD x\n');
    expect(f.problems.map((p) => p.kind)).toEqual(['unterminated-heredoc', 'unknown-instruction']);
    expect(f.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'UNKNOWN', 'CMD']);
  });

  it('keeps comment-like and blank lines inside a heredoc body', () => {
    const f = parse('FROM a\nRUN <<EOF\n# not a comment\n\nls \\\nEOF\n');
    expect(f.instructions[1]!.heredocs[0]!.body).toBe('# not a comment\n\nls \\\n');
    expect(f.comments).toEqual([]);
  });
});

describe('JSON and shell forms', () => {
  const form = (text: string) =>
    (parse(`FROM a\n${text}\n`).instructions[1] as Instruction & { form: string }).form;

  it('reads valid JSON arrays as exec form with exact string spans', () => {
    const f = parse('FROM a\nCMD ["nginx", "-g", "daemon off;"]\n');
    const cmd = f.instructions[1]!;
    expect(cmd.keyword === 'CMD' && cmd.json?.values).toEqual(['nginx', '-g', 'daemon off;']);
    expect(cmd.keyword === 'CMD' && regionOf(f, cmd.json!.spans[2]!)).toBe('2:21-2:34');
  });

  it('falls back to shell form for invalid JSON, as Docker does', () => {
    expect(form("CMD ['nginx']")).toBe('shell');
    expect(form('VOLUME [/data]')).toBe('shell');
    expect(form('RUN [ -f /x ] && echo y')).toBe('shell');
    expect(form('ENTRYPOINT ["a",]')).toBe('shell');
    expect(form('CMD ["C:\\app"]')).toBe('shell');
  });

  it('reads the first JSON value and ignores what follows, like Go’s decoder', () => {
    expect(form('CMD ["a"] # trailing')).toBe('exec');
  });

  it('decodes JSON escapes', () => {
    const f = parse('FROM a\nCMD ["a\\"b", "\\u0041"]\n');
    expect(f.instructions[1]!.keyword === 'CMD' && f.instructions[1]!.json?.values).toEqual(['a"b', 'A']);
  });

  it('reports a JSON array that holds something else than strings', () => {
    expect(kinds('FROM a\nCMD [1, 2]\n')).toEqual(['invalid-json']);
  });

  it('requires JSON for SHELL', () => {
    expect(kinds('FROM a\nSHELL /bin/bash -c\n')).toEqual(['invalid-arguments']);
  });

  it('reads HEALTHCHECK CMD in both forms and NONE', () => {
    const f = parse(
      'FROM a\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "x"]\nHEALTHCHECK NONE\nHEALTHCHECK CMD wget -q x\n',
    );
    const [, exec, none, shell] = f.instructions;
    expect(
      exec!.keyword === 'HEALTHCHECK' && [exec!.form, exec!.json?.values, exec!.flags[0]?.value],
    ).toEqual(['exec', ['curl', '-f', 'x'], '5s']);
    expect(none!.keyword === 'HEALTHCHECK' && none!.none).toBe(true);
    expect(shell!.keyword === 'HEALTHCHECK' && shell!.argsText.slice(shell!.commandStart)).toBe('wget -q x');
  });
});

describe('line endings, BOM, casing', () => {
  it('reads CRLF files with the same positions', () => {
    const f = parse('FROM a\r\nRUN echo \\\r\n  hi\r\n');
    expect(f.eol).toBe('\r\n');
    expect(f.instructions[1]!.argsText).toBe('echo   hi');
    expect(regionOf(f, f.instructions[1]!.words[1]!.span)).toBe('3:3-3:5');
  });

  it('drops a UTF-8 BOM and remembers it', () => {
    const f = parse('\uFEFF# syntax=docker/dockerfile:1\nFROM a\n');
    expect(f.bom).toBe(true);
    expect(f.directives).toHaveLength(1);
    expect(regionOf(f, f.instructions[0]!.keywordSpan)).toBe('2:1-2:5');
  });

  it('accepts lowercase and mixed-case instructions', () => {
    const f = parse('from alpine as Build\nrun echo\nCopy a b\n');
    expect(f.instructions.map((i) => [i.keyword, i.keywordRaw])).toEqual([
      ['FROM', 'from'],
      ['RUN', 'run'],
      ['COPY', 'Copy'],
    ]);
    expect(f.stages[0]!.name).toBe('build');
  });

  it('reports unknown instructions and keeps reading', () => {
    const f = parse('FROM a\nFORM b\nRUN c\n');
    expect(f.instructions.map((i) => i.keyword)).toEqual(['FROM', 'UNKNOWN', 'RUN']);
    expect(kinds('FROM a\nFORM b\nRUN c\n')).toEqual(['unknown-instruction']);
  });

  it('reads leading whitespace before instructions and comments', () => {
    const f = parse('  FROM a\n   # note\n\tRUN b\n');
    expect(f.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
    expect(regionOf(f, f.instructions[1]!.keywordSpan)).toBe('3:2-3:5');
  });
});

describe('flags', () => {
  it('reads RUN --mount, --network and --security flags', () => {
    const f = parse(
      'FROM a\nRUN --mount=type=cache,target=/root/.cache/pip --network=none --security=insecure pip install x\n',
    );
    const run = f.instructions[1]!;
    expect(run.flags.map((fl) => [fl.name, fl.value])).toEqual([
      ['mount', 'type=cache,target=/root/.cache/pip'],
      ['network', 'none'],
      ['security', 'insecure'],
    ]);
    expect(run.argsText).toBe('pip install x');
    expect(regionOf(f, run.flags[1]!.valueSpan!)).toBe('2:58-2:62');
  });

  it('reads COPY and ADD flags', () => {
    const f = parse(
      'FROM a\nCOPY --from=build --chown=app:app --chmod=644 --link --parents --exclude=*.md src/ /app/\nADD --checksum=sha256:abc --keep-git-dir=true https://x/y.tgz /z\n',
    );
    expect(f.instructions[1]!.flags.map((fl) => fl.name)).toEqual([
      'from',
      'chown',
      'chmod',
      'link',
      'parents',
      'exclude',
    ]);
    expect(f.instructions[1]!.flags[3]!.value).toBeNull();
    expect((f.instructions[1] as CopyInstruction).sources.map((w) => w.value)).toEqual(['src/']);
    expect(f.instructions[2]!.flags.map((fl) => fl.name)).toEqual(['checksum', 'keep-git-dir']);
    expect(f.problems).toEqual([]);
  });

  it('reads FROM --platform and AS', () => {
    const f = parse('FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n');
    const from = f.instructions[0] as FromInstruction;
    expect(from.platform?.value).toBe('$BUILDPLATFORM');
    expect(from.image?.value).toBe('golang:1.22');
    expect(from.alias?.value).toBe('build');
  });

  it('reports flags an instruction does not take', () => {
    expect(kinds('FROM a\nCOPY --bogus=1 a b\n')).toEqual(['invalid-arguments']);
  });

  it('ends flags at --', () => {
    expect(parse('FROM a\nRUN -- --not-a-flag\n').instructions[1]!.argsText).toBe('--not-a-flag');
  });
});

describe('ENV, LABEL, ARG', () => {
  it('reads key=value pairs with quotes and escapes', () => {
    const f = parse('FROM a\nENV A=1 B="two words" C=a\\ b D=\'$x\'\n');
    const env = f.instructions[1] as KeyValueInstruction;
    expect(env.pairs.map((p) => [p.key, p.value, p.legacy])).toEqual([
      ['A', '1', false],
      ['B', 'two words', false],
      ['C', 'a b', false],
      ['D', '$x', false],
    ]);
    expect(regionOf(f, env.pairs[1]!.valueSpan)).toBe('2:11-2:22');
  });

  it('reads the legacy `ENV key value` form', () => {
    const env = parse('FROM a\nENV PATH /usr/local/bin:$PATH and more\n')
      .instructions[1] as KeyValueInstruction;
    expect(env.pairs.map((p) => [p.key, p.value, p.legacy])).toEqual([
      ['PATH', '/usr/local/bin:$PATH and more', true],
    ]);
  });

  it('reports ENV without a value', () => {
    expect(kinds('FROM a\nENV A\n')).toEqual(['invalid-arguments']);
    expect(kinds('FROM a\nENV A=1 B\n')).toEqual(['invalid-arguments']);
  });

  it('reads quoted LABEL keys', () => {
    const label = parse('FROM a\nLABEL "org.opencontainers.image.title"="x y" version=1\n')
      .instructions[1] as KeyValueInstruction;
    expect(label.pairs.map((p) => [p.key, p.value])).toEqual([
      ['org.opencontainers.image.title', 'x y'],
      ['version', '1'],
    ]);
  });

  it('reads ARG with and without defaults, several per line', () => {
    const arg = parse('ARG A B=2 C="x y"\nFROM a\n').instructions[0]!;
    expect(arg.keyword === 'ARG' && arg.args.map((a) => [a.name, a.value])).toEqual([
      ['A', null],
      ['B', '2'],
      ['C', 'x y'],
    ]);
  });
});

describe('ONBUILD, stages', () => {
  it('reads the ONBUILD trigger as an instruction', () => {
    const f = parse('FROM a\nONBUILD RUN echo hi\nONBUILD COPY . /app\n');
    const ob = f.instructions[1]!;
    expect(ob.keyword === 'ONBUILD' && ob.trigger?.keyword).toBe('RUN');
    expect(ob.keyword === 'ONBUILD' && ob.trigger?.onbuild).toBe(ob);
    expect(ob.keyword === 'ONBUILD' && regionOf(f, ob.trigger!.keywordSpan)).toBe('2:9-2:12');
  });

  it('leaves ONBUILD FROM / ONBUILD ONBUILD / ONBUILD MAINTAINER to the onbuild-invalid-trigger rule', () => {
    expect(kinds('FROM a\nONBUILD ONBUILD RUN x\n')).toEqual([]);
  });

  it('splits instructions into stages, global ARGs before the first FROM', () => {
    const f = parse('ARG V=1\nFROM a:$V AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n');
    expect(f.preamble.map((i) => i.keyword)).toEqual(['ARG']);
    expect(f.stages.map((s) => [s.name, s.instructions.map((i) => i.keyword)])).toEqual([
      ['build', ['FROM', 'RUN']],
      [null, ['FROM', 'COPY']],
    ]);
    expect(f.instructions.map((i) => i.stage)).toEqual([-1, 0, 0, 1, 1]);
  });

  it('reports FROM with extra words', () => {
    expect(kinds('FROM a b\n')).toEqual(['invalid-arguments']);
    expect(kinds('FROM a AS b c\n')).toEqual(['invalid-arguments']);
  });
});

describe('robustness', () => {
  it('reads empty and comment-only files', () => {
    expect(parse('').instructions).toEqual([]);
    expect(parse('# only a comment\n').instructions).toEqual([]);
  });

  it('never throws on arbitrary text', () => {
    for (const text of [
      '\\',
      '`',
      '[',
      'RUN [',
      'RUN <<',
      'RUN <<"',
      'ONBUILD',
      'HEALTHCHECK',
      'FROM',
      'ENV',
      '\u0000\u0001',
    ]) {
      expect(() => parse(text)).not.toThrow();
    }
  });

  it('maps the span of an instruction through its last line', () => {
    expect(at('FROM a\nRUN x \\\n y\n', parse('FROM a\nRUN x \\\n y\n').instructions[1]!.span)).toBe(
      '2:1-3:3',
    );
  });
});
