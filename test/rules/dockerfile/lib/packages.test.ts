import { describe, expect, it } from 'vitest';
import { DockerfileAnalysis } from '../../../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../../../src/dockerfile/parse.js';
import { parseArgs } from '../../../../src/rules/dockerfile/lib/args.js';
import {
  apkPinned,
  aptPinned,
  npmPinned,
  osPackageName,
  pipPinned,
  rpmPinned,
} from '../../../../src/rules/dockerfile/lib/package-versions.js';
import {
  commandSpan,
  hasOpt,
  optValue,
  packageCommands,
} from '../../../../src/rules/dockerfile/lib/packages.js';

function read(text: string) {
  const model = new DockerfileAnalysis(parseDockerfile(text));
  return { model, pcs: packageCommands(model), text };
}

const summary = (text: string) =>
  read(text).pcs.map((pc) => ({
    tool: pc.tool,
    family: pc.family,
    subcommand: pc.subcommand,
    action: pc.action,
    operands: pc.operands.map((w) => w.value ?? `<${w.text}>`),
  }));

describe('package commands', () => {
  it('finds each manager, resolves aliases and nested subcommands', () => {
    expect(
      summary(
        'FROM x\nRUN apt-get -y install curl && apk add --virtual .d gcc && dnf in -y a && yum groupinstall -y "Dev Tools" \\\n && zypper -n dup && dnf module install nodejs:20 && npm i -g a@1 && yarn && go mod download && gem i rails\n',
      ),
    ).toEqual([
      { tool: 'apt-get', family: 'apt', subcommand: 'install', action: 'install', operands: ['curl'] },
      { tool: 'apk', family: 'apk', subcommand: 'add', action: 'install', operands: ['gcc'] },
      { tool: 'dnf', family: 'rpm', subcommand: 'install', action: 'install', operands: ['a'] },
      { tool: 'yum', family: 'rpm', subcommand: 'group install', action: 'install', operands: ['Dev Tools'] },
      { tool: 'zypper', family: 'zypper', subcommand: 'dist-upgrade', action: 'dist-upgrade', operands: [] },
      {
        tool: 'dnf',
        family: 'rpm',
        subcommand: 'module install',
        action: 'install',
        operands: ['nodejs:20'],
      },
      { tool: 'npm', family: 'npm', subcommand: 'install', action: 'install', operands: ['a@1'] },
      { tool: 'yarn', family: 'yarn', subcommand: 'install', action: 'install', operands: [] },
      { tool: 'go', family: 'go', subcommand: 'mod download', action: 'install', operands: [] },
      { tool: 'gem', family: 'gem', subcommand: 'install', action: 'install', operands: ['rails'] },
    ]);
  });

  it('reads pip however it is run, and through wrappers', () => {
    expect(
      summary('FROM x\nRUN python3.12 -u -m pip install a && pip3.11 install b && sudo -H pip install c\n'),
    ).toEqual([
      { tool: 'pip', family: 'pip', subcommand: 'install', action: 'install', operands: ['a'] },
      { tool: 'pip', family: 'pip', subcommand: 'install', action: 'install', operands: ['b'] },
      { tool: 'pip', family: 'pip', subcommand: 'install', action: 'install', operands: ['c'] },
    ]);
    expect(summary('FROM x\nRUN python -c "import pip" && python -m venv v && pipenv install\n')).toEqual([]);
  });

  it('separates options, their values and operands; stops at --', () => {
    const { pcs } = read(
      'FROM x\nRUN pip --no-cache-dir install -r req.txt -i https://m/simple x --target=/t -- y\n',
    );
    const pc = pcs[0]!;
    expect(hasOpt(pc, 'no-cache-dir')).toBe(true);
    expect(optValue(pc, 'r')).toBe('req.txt');
    expect(optValue(pc, 'i', 'index-url')).toBe('https://m/simple');
    expect(optValue(pc, 'target')).toBe('/t');
    expect(pc.operands.map((w) => w.value)).toEqual(['x']);
    expect(pc.passthrough.map((w) => w.value)).toEqual(['y']);
  });

  it('reads Go flags with single dashes', () => {
    const pc = read('FROM x\nRUN go install -ldflags "-s -w" -tags netgo ./cmd/a ./cmd/b\n').pcs[0]!;
    expect(pc.options.map((o) => [o.name, o.value])).toEqual([
      ['ldflags', '-s -w'],
      ['tags', 'netgo'],
    ]);
    expect(pc.operands.map((w) => w.value)).toEqual(['./cmd/a', './cmd/b']);
  });

  it('substitutes ARG and ENV values, splitting unquoted ones', () => {
    const { pcs } = read(
      'FROM x\nARG PKGS="a b"\nENV V=1.2\nRUN apt-get install -y $PKGS "c=${V}" $UNKNOWN\n',
    );
    const pc = pcs[0]!;
    expect(pc.operands.map((w) => w.value ?? `<${w.text}>`)).toEqual(['a', 'b', 'c=1.2', '<$UNKNOWN>']);
    expect(pc.hasUnknownArgs).toBe(true);
    expect(pc.expanded.size).toBe(3);
  });

  it('leaves variables the script sets itself unknown', () => {
    const pc = read('FROM x\nARG P=a\nRUN P=b && apt-get install -y $P\n').pcs[0]!;
    expect(pc.operands[0]!.value).toBeNull();
  });

  it('reads names of Object.prototype as plain words', () => {
    expect(
      summary('FROM x\nRUN apt-get constructor && npm toString x\n').map((s) => [s.subcommand, s.action]),
    ).toEqual([
      ['constructor', 'other'],
      ['toString', 'other'],
    ]);
  });

  it('points findings from the tool to its subcommand', () => {
    const { pcs, text } = read('FROM x\nRUN sudo apt-get -y install curl\n');
    const span = commandSpan(pcs[0]!);
    expect(text.slice(span.start, span.end)).toBe('apt-get -y install');
  });
});

describe('options', () => {
  it('reads -q=2 as a value', () => {
    const words = ['-q=2', '-y'].map((v, i) => ({
      raw: v,
      value: v,
      text: v,
      start: i,
      end: i,
      quoted: false,
      substitutions: [],
    }));
    expect(parseArgs(words).options.map((o) => [o.name, o.value])).toEqual([
      ['q', '2'],
      ['y', null],
    ]);
  });
});

describe('version pins', () => {
  it('apt', () => {
    expect([aptPinned('a=1'), aptPinned('a/bookworm'), aptPinned('./a.deb'), aptPinned('a')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
  it('apk', () => {
    expect(['a=1', 'a~1', 'a>=1', 'a.apk', 'a', 'a@edge'].map(apkPinned)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('rpm', () => {
    expect(
      ['httpd-2.4', 'openssl-1:1.1.1k', 'gcc-c++-1.1.1', 'rpm-sign', 'python3-devel', 'x.rpm', 'tomcat'].map(
        rpmPinned,
      ),
    ).toEqual([true, true, true, false, false, true, false]);
    expect(['httpd-2.4.62-1.fc40', 'python3-devel', 'x.rpm'].map((t) => osPackageName('rpm', t))).toEqual([
      'httpd',
      'python3-devel',
      null,
    ]);
  });
  it('pip', () => {
    expect(
      [
        'a==1',
        'a>=1',
        'a',
        'git+https://h/x.git@v1#egg=x',
        'git+ssh://git@h/x.git#egg=x',
        'a.whl',
        'dir/x',
        '.[dev]',
      ].map(pipPinned),
    ).toEqual([true, true, false, true, false, true, true, true]);
  });
  it('npm', () => {
    expect(
      ['a@1', '@s/a@^1', '@s/a', 'a', 'a@latest', 'git://h/x.git#v1', 'git+https://h/x', 'a.tgz', './x'].map(
        npmPinned,
      ),
    ).toEqual([true, true, false, false, false, true, false, true, true]);
  });
});
