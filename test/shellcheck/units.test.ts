import { describe, expect, it } from 'vitest';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { pragmasOf } from '../../src/engine/lint-dockerfile.js';
import { shellcheckUnits, sourceOffset } from '../../src/shellcheck/units.js';

function units(text: string) {
  const file = parseDockerfile(text);
  return { file, units: shellcheckUnits(new DockerfileAnalysis(file, { shell: pragmasOf(file).shell })) };
}

describe('ShellCheck script units', () => {
  it('gives the logical line of a RUN with a shebang and the variables in scope', () => {
    const { units: u } = units(
      'FROM debian:12\nARG VERSION=1\nENV APP_HOME=/app\nRUN echo "$VERSION" \\\n  && ls $APP_HOME\n',
    );
    expect(u).toHaveLength(1);
    const lines = u[0]!.text.split('\n');
    // Only the known variables the script reads are exported, on one line.
    expect(lines.slice(0, 3)).toEqual([
      '#!/bin/sh',
      'export APP_HOME=1 VERSION=1',
      'echo "$VERSION"   && ls $APP_HOME',
    ]);
    expect(u[0]!.prefixLines).toBe(2);
    const proxy = units('FROM debian:12\nRUN curl -x "$HTTP_PROXY" "$UNKNOWN" x\n').units[0]!;
    expect(proxy.text.split('\n')[1]).toBe('export HTTP_PROXY=1');
    // A name nobody sets that is close to a known one brings it along, for ShellCheck's "did you mean".
    const typo = units('FROM debian:12\nRUN echo "$RTTP_PROXY"\n').units[0]!;
    expect(typo.text.split('\n')[1]).toBe('export FTP_PROXY=1 HTTPS_PROXY=1 HTTP_PROXY=1');
  });

  it('maps script positions back to the Dockerfile through continuations', () => {
    const { file, units: u } = units('FROM debian:12\nRUN echo a \\\n    && ls $X\n');
    const unit = u[0]!;
    const col = unit.text.split('\n')[unit.prefixLines]!.indexOf('$X') + 1;
    const at = sourceOffset(unit, unit.prefixLines + 1, col)!;
    expect(file.lines.position(at)).toEqual({ line: 3, column: 11 });
    expect(sourceOffset(unit, 1, 1)).toBeNull();
  });

  it('uses the SHELL of the stage and of the stage it builds on; skips shells ShellCheck cannot read', () => {
    const { units: u } = units(
      'FROM ubuntu:24.04 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN echo $RANDOM\nSHELL ["pwsh", "-c"]\nRUN Get-Item x\nSHELL ["/bin/zsh", "-c"]\nRUN echo\n',
    );
    expect(u.map((x) => x.text.split('\n')[0])).toEqual(['#!/bin/bash']);
  });

  it('skips exec form and the # hadolint shell= pragma for non-POSIX shells', () => {
    expect(units('FROM x\nRUN ["echo", "$f"]\n').units).toEqual([]);
    expect(units('# hadolint shell=powershell\nFROM x\nRUN Get-Item x\n').units).toEqual([]);
  });

  it('checks ONBUILD RUN as the later build sees it: the environment, not the build arguments', () => {
    const { units: u } = units('FROM debian:12\nARG A=1\nENV B=2\nONBUILD RUN echo "$A$B"\n');
    expect(u[0]!.key).toBe('3t:0');
    expect(u[0]!.text.split('\n')[1]).toBe('export B=1');
  });

  it('reads a heredoc script on its own, and heredoc data after the RUN line', () => {
    const { file, units: u } = units(
      'FROM debian:12\nRUN <<EOF\n#!/bin/bash\necho $RANDOM\nEOF\nRUN cat <<EOT > /x\nhello\nEOT\n',
    );
    expect(u).toHaveLength(2);
    expect(u[0]!.text.split('\n')[0]).toBe('#!/bin/bash');
    expect(u[0]!.text.split('\n')[u[0]!.prefixLines]).toBe('echo $RANDOM');
    expect(file.lines.position(sourceOffset(u[0]!, u[0]!.prefixLines + 1, 6)!)).toEqual({
      line: 4,
      column: 6,
    });
    expect(u[1]!.text.endsWith('cat <<EOT > /x\nhello\nEOT\n')).toBe(true);
    expect(file.lines.position(sourceOffset(u[1]!, u[1]!.prefixLines + 2, 1)!)).toEqual({
      line: 7,
      column: 1,
    });
  });

  it('before any FROM reads the instructions above as they come (as hadolint does)', () => {
    const { units: u } = units('SHELL ["/bin/bash", "-c"]\nARG foo\nRUN echo "$foo"\n');
    expect(u[0]!.text.split('\n')[0]).toBe('#!/bin/bash');
    expect(u[0]!.text.split('\n')[1]).toBe('export foo=1');
  });
});
