import { describe, expect, it } from 'vitest';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { parseShell } from '../../src/dockerfile/shell.js';
import type { ShellCommand } from '../../src/dockerfile/shell-ast.js';
import { readShellCommands } from '../../src/dockerfile/shell-commands.js';

const cmds = (text: string) => readShellCommands(text).commands;
const show = (c: ShellCommand) => [c.program, ...c.args.map((a) => a.value ?? `<${a.text}>`)].join(' ');

describe('shell words', () => {
  it('removes quotes and escapes, keeps expansions in text', () => {
    const [c] = cmds(`echo 'a b' "c $HOME" d\\ e $'\\tx' "\\$y"`);
    expect(c!.args.map((a) => [a.value, a.text])).toEqual([
      ['a b', 'a b'],
      [null, 'c $HOME'],
      ['d e', 'd e'],
      ['\tx', '\tx'],
      ['$y', '$y'],
    ]);
  });

  it('reads command substitutions as nested scripts', () => {
    const all = cmds('make -j"$(nproc)" && echo `date`');
    expect(all.map((c) => [c.program, c.inSubstitution])).toEqual([
      ['nproc', true],
      ['make', false],
      ['date', true],
      ['echo', false],
    ]);
  });

  it('reads assignments before a command', () => {
    const [c] = cmds('DEBIAN_FRONTEND=noninteractive A="x y" apt-get install -y curl');
    expect(c!.assignments.map((a) => [a.name, a.value?.value])).toEqual([
      ['DEBIAN_FRONTEND', 'noninteractive'],
      ['A', 'x y'],
    ]);
    expect(c!.program).toBe('apt-get');
  });

  it('reads redirections with file descriptors', () => {
    const [c] = cmds('cmd 2>&1 >/dev/null <in &>log');
    expect(c!.redirects.map((r) => [r.fd, r.op, r.target?.value])).toEqual([
      [2, '>&', '1'],
      [null, '>', '/dev/null'],
      [null, '<', 'in'],
      [null, '&>', 'log'],
    ]);
    expect(c!.args).toEqual([]);
  });
});

describe('shell structure', () => {
  it('records && and || chains', () => {
    const all = cmds('a && b || c; d');
    expect(all.map((c) => [c.program, c.opBefore, c.opAfter, c.chainIndex])).toEqual([
      ['a', null, '&&', 0],
      ['b', '&&', '||', 1],
      ['c', '||', ';', 2],
      ['d', ';', null, 0],
    ]);
    expect(all[0]!.chain).toBe(all[2]!.chain);
    expect(all[3]!.chain).not.toBe(all[0]!.chain);
  });

  it('records pipelines', () => {
    const all = cmds('curl -fsSL x | sh');
    expect(all.map((c) => [c.program, c.pipeline.index, c.pipeline.length])).toEqual([
      ['curl', 0, 2],
      ['sh', 1, 2],
    ]);
  });

  it('reads compound commands', () => {
    const all = cmds(
      'if [ -f x ]; then a; elif b; then c; else d; fi; for i in 1 2; do e "$i"; done; while f; do g; done; case $x in y) h;; *) i;; esac; (j); { k; }',
    );
    expect(
      all.map(
        (c) => `${c.program}${c.inCondition ? '?' : ''}${c.inLoop ? '@' : ''}${c.inSubshell ? '()' : ''}`,
      ),
    ).toEqual(['[?', 'a', 'b?', 'c', 'd', 'e@', 'f?@', 'g@', 'h', 'i', 'j()', 'k']);
  });

  it('reads functions and [[ ]]', () => {
    const all = cmds('f() { echo in; }; [[ -n $A && $B > 1 ]] && f');
    expect(all.map(show)).toEqual(['echo in', '[[ -n <$A> && <$B> > 1 ]]', 'f']);
  });

  it('tells ((…)) arithmetic from nested subshells', () => {
    expect(cmds('((i++))').map((c) => c.words[0]!.raw)).toEqual(['((i++))']);
    expect(cmds('((rm -rf a) || true)').map((c) => c.program)).toEqual(['rm', 'true']);
  });

  it('reads here-documents inside a script', () => {
    const { script, commands } = readShellCommands('cat <<EOF > /etc/x\nhello $USER\nEOF\necho done\n');
    expect(commands.map((c) => c.program)).toEqual(['cat', 'echo']);
    expect(commands[0]!.redirects[0]!.heredoc).toMatchObject({ delimiter: 'EOF', body: 'hello $USER\n' });
    expect(script.errors).toEqual([]);
  });

  it('reads process substitution', () => {
    expect(cmds('diff <(ssh-add -L) <(cat key.pub)').map((c) => c.program)).toEqual([
      'ssh-add',
      'cat',
      'diff',
    ]);
  });

  it('never throws and reports syntax errors', () => {
    for (const t of [
      "echo 'x",
      'echo "x',
      'a &&',
      'if x; then',
      ')',
      'case',
      '$(',
      '`x',
      'for',
      '{',
      '<<',
      '((',
      'a |',
      'fi done esac',
    ]) {
      expect(() => parseShell(t)).not.toThrow();
    }
    expect(parseShell("echo 'x").errors.length).toBeGreaterThan(0);
  });
});

describe('wrappers', () => {
  it('sees the command run by sudo, env, xargs, nice, timeout, gosu', () => {
    const inner = (t: string) =>
      cmds(t)
        .filter((c) => c.via)
        .map((c) => `${c.via!.program}>${show(c)}`);
    expect(inner('sudo -u app -E pip install x')).toEqual(['sudo>pip install x']);
    expect(inner('env -i A=1 B=2 make all')).toEqual(['env>make all']);
    expect(inner('find . -name x | xargs -r -n1 rm -f')).toEqual(['xargs>rm -f']);
    expect(inner('nice -n 10 timeout 5m gosu app npm ci')).toEqual([
      'nice>timeout 5m gosu app npm ci',
      'timeout>gosu app npm ci',
      'gosu>npm ci',
    ]);
    expect(inner('command -v curl')).toEqual([]);
  });

  it('treats commands named like Object.prototype members as plain commands', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])
      expect(cmds(`${name} -x y && ${name} --z`).map(show)).toEqual([`${name} -x y`, `${name} --z`]);
  });

  it('reads sh -c and bash -c bodies with positions inside the quotes', () => {
    const text = `bash -eo pipefail -c 'apt-get update && apt-get install -y x'`;
    const all = cmds(text);
    const get = all.find((c) => c.program === 'apt-get' && c.args[0]?.value === 'install')!;
    expect(get.via?.program).toBe('bash');
    expect(text.slice(get.start, get.end)).toBe('apt-get install -y x');
    expect(cmds('su app -c "npm ci"').map((c) => c.program)).toEqual(['su', 'npm']);
  });
});

describe('commands of Dockerfile instructions', () => {
  const analyze = (text: string) => new DockerfileAnalysis(parseDockerfile(text));
  const region = (a: DockerfileAnalysis, s: { start: number; end: number }) => {
    const r = a.file.lines.region(s);
    return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
  };

  it('maps commands of a multi-line RUN to their own line', () => {
    const a = analyze(
      'FROM debian\nRUN apt-get update && \\\n    # comment\n    apt-get install -y \\\n        curl\n',
    );
    const install = a.commandsNamed('apt-get')[1]!;
    expect(region(a, install.cmd)).toBe('4:5-5:13');
    expect(region(a, install.cmd.args[2]!)).toBe('5:9-5:13');
  });

  it('reads RUN heredoc scripts (not data fed to a command)', () => {
    const a = analyze(
      'FROM debian\nRUN <<EOF\nset -e\napt-get update\nEOF\nRUN python3 <<EOF\nimport os\nEOF\nRUN bash -e <<-EOS\n\techo hi\n\tEOS\n',
    );
    expect(a.runCommands().map((r) => r.cmd.program)).toEqual(['set', 'apt-get', 'python3', 'bash', 'echo']);
    const echo = a.commandsNamed('echo')[0]!;
    expect(region(a, echo.cmd)).toBe('10:2-10:9');
  });

  it('does not read a heredoc with a non-shell shebang', () => {
    const a = analyze('FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint("hi")\nEOF\n');
    expect(a.runCommands()).toEqual([]);
  });

  it('reads exec form, including sh -c', () => {
    const a = analyze(
      'FROM debian\nRUN ["sh", "-c", "apt-get update && apt-get install -y x"]\nCMD ["nginx", "-g", "daemon off;"]\n',
    );
    expect(a.runCommands().map((r) => show(r.cmd))).toEqual([
      'sh -c apt-get update && apt-get install -y x',
      'apt-get update',
      'apt-get install -y x',
    ]);
    const cmd = a.commandsOf(a.file.instructions[2]!)!;
    expect(cmd.form).toBe('exec');
    expect(cmd.commands.map(show)).toEqual(['nginx -g daemon off;']);
  });

  it('does not read PowerShell or cmd bodies as POSIX shell', () => {
    const a = analyze(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir && echo x\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    );
    expect(a.shellOf(a.file.instructions[1]!).kind).toBe('cmd');
    expect(a.shellOf(a.file.instructions[3]!).kind).toBe('powershell');
    expect(a.runCommands()).toEqual([]);
  });

  it('follows SHELL through FROM <stage> and honours the hadolint shell pragma', () => {
    const a = analyze(
      'FROM debian AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN ls | wc -l\n',
    );
    expect(a.shellOf(a.file.instructions[3]!).argv).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    const b = new DockerfileAnalysis(parseDockerfile('FROM debian\nRUN ls\n'), { shell: 'powershell' });
    expect(b.runCommands()).toEqual([]);
  });

  it('reads HEALTHCHECK CMD and shell-form CMD', () => {
    const a = analyze(
      'FROM x\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\nCMD exec gunicorn app:app\n',
    );
    expect(a.commandsOf(a.file.instructions[1]!)!.commands.map((c) => c.program)).toEqual(['curl', 'exit']);
    expect(a.commandsOf(a.file.instructions[2]!)!.commands.map((c) => c.program)).toEqual([
      'exec',
      'gunicorn',
    ]);
  });
});
