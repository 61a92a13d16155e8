import { describe, expect, it } from 'vitest';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { expand, MapScope, referencedNames } from '../../src/dockerfile/variables.js';

const scope = (vars: Record<string, string | null>, open = false) =>
  new MapScope(new Map(Object.entries(vars)), open);

describe('expand', () => {
  it('substitutes $VAR and ${VAR}', () => {
    expect(expand('$A-${B}c', scope({ A: '1', B: '2' })).value).toBe('1-2c');
  });

  it('supports :- - :+ + and ?', () => {
    const s = scope({ SET: 'x', EMPTY: '' });
    expect(expand('${UNSET:-d}|${EMPTY:-d}|${SET:-d}', s).value).toBe('d|d|x');
    expect(expand('${UNSET-d}|${EMPTY-d}', s).value).toBe('d|');
    expect(expand('${UNSET:+w}|${EMPTY:+w}|${SET:+w}', s).value).toBe('||w');
    expect(expand('${UNSET+w}|${EMPTY+w}', s).value).toBe('|w');
    expect(expand('${SET:?missing}', s).value).toBe('x');
  });

  it('supports # and % pattern trimming', () => {
    const s = scope({ V: 'v1.2.3', P: 'a/b/c' });
    expect(expand('${V#v}', s).value).toBe('1.2.3');
    expect(expand('${P%/*}', s).value).toBe('a/b');
    expect(expand('${P%%/*}', s).value).toBe('a');
    expect(expand('${P##*/}', s).value).toBe('c');
  });

  it('keeps single quotes literal and expands inside double quotes', () => {
    expect(expand(`'$A'"$A"`, scope({ A: '1' })).value).toBe('$A1');
  });

  it('honours the escape character', () => {
    expect(expand('\\$A', scope({ A: '1' })).value).toBe('$A');
    expect(expand('`$A', scope({ A: '1' }), '`').value).toBe('$A');
  });

  it('tells unknown values from undefined names', () => {
    const e = expand('$KNOWN/$UNKNOWN/$MISSING', scope({ KNOWN: 'k', UNKNOWN: null }));
    expect(e.complete).toBe(false);
    expect(e.unknownNames).toEqual(['UNKNOWN']);
    expect(e.undefinedNames).toEqual(['MISSING']);
    expect(expand('$PATH', scope({}, true)).unknownNames).toEqual(['PATH']);
  });

  it('lists referenced names', () => {
    expect(referencedNames("${A:-$B} $C '$D' \\$E")).toEqual(['A', 'B', 'C']);
  });
});

describe('ARG and ENV scoping', () => {
  const analyze = (text: string) => new DockerfileAnalysis(parseDockerfile(text));

  it('lets FROM see global ARGs and automatic platform ARGs', () => {
    const a = analyze('ARG BASE=python\nARG TAG=3.12\nFROM ${BASE}:${TAG}-slim\n');
    expect(a.expand(a.file.stages[0]!.from.image!, a.file.stages[0]!.from).value).toBe('python:3.12-slim');
    const b = analyze('FROM --platform=$BUILDPLATFORM x\n');
    expect(b.expand('$BUILDPLATFORM', b.file.stages[0]!.from).unknownNames).toEqual(['BUILDPLATFORM']);
  });

  it('does not let a stage see global ARGs unless redeclared', () => {
    const a = analyze('ARG V=1\nFROM scratch\nLABEL a=$V\nARG V\nLABEL b=$V\n');
    const [, , l1, , l2] = a.file.instructions;
    expect(a.expand('$V', l1!).value).toBe('');
    expect(a.expand('$V', l1!).undefinedNames).toEqual(['V']);
    expect(a.expand('$V', l2!).value).toBe('1');
  });

  it('applies ENV after its instruction and lets ENV win over ARG', () => {
    const a = analyze('FROM scratch\nARG X=arg\nENV X=env Y=$X\nLABEL l=$X-$Y\nARG X=again\nLABEL m=$X\n');
    const ins = a.file.instructions;
    expect(a.expand('$Y', ins[3]!).value).toBe('arg');
    expect(a.expand('$X-$Y', ins[3]!).value).toBe('env-arg');
    expect(a.expand('$X', ins[5]!).value).toBe('env');
  });

  it('inherits ENV, not ARG, through FROM <stage>', () => {
    const a = analyze('FROM scratch AS base\nARG A=1\nENV E=2\nFROM base\nLABEL x=$A$E\n');
    const label = a.file.instructions[4]!;
    expect(a.expand('$A$E', label).value).toBe('2');
  });

  it('treats names of an image base as possibly set (open scope)', () => {
    const a = analyze('FROM debian\nWORKDIR $HOME/app\n');
    const e = a.expand('$HOME/app', a.file.instructions[1]!);
    expect(e.complete).toBe(false);
    expect(e.undefinedNames).toEqual([]);
  });

  it('lets an ARG default see the ARGs declared before it in the same instruction', () => {
    const a = analyze('ARG A=1 B=${A}2\nFROM scratch\nARG C=3 D=${C}4\nLABEL l=$D\n');
    expect(a.globalScope.get('B')).toBe('12');
    expect(a.expand('$D', a.file.instructions[3]!).value).toBe('34');
  });

  it('gives a scratch stage the PATH BuildKit always sets', () => {
    const a = analyze('FROM scratch\nENV PATH=/app:$PATH\nLABEL p=$PATH\n');
    const e = a.expand('$PATH', a.file.instructions[1]!);
    expect(e.undefinedNames).toEqual([]);
    expect(e.value).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(a.expand('$PATH', a.file.instructions[2]!).value).toMatch(/^\/app:\/usr\/local\/sbin/);
  });

  it('treats an ARG without default as unknown', () => {
    const a = analyze('FROM scratch\nARG VERSION\nLABEL v=$VERSION\n');
    expect(a.expand('$VERSION', a.file.instructions[2]!).complete).toBe(false);
  });
});

describe('stage graph', () => {
  const analyze = (text: string) => new DockerfileAnalysis(parseDockerfile(text));

  it('resolves FROM <stage>, COPY --from by name and index, and mounts', () => {
    const a = analyze(
      'FROM golang:1.22 AS Build\nRUN go build\nFROM build AS test\nFROM alpine AS final\nCOPY --from=0 /a /a\nCOPY --from=BUILD /b /b\nRUN --mount=type=bind,from=test,target=/t ls\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
    );
    expect(a.baseOf(1)).toEqual({ kind: 'stage', stage: 0 });
    const deps = a.stageGraph.dependencies[2]!;
    expect(deps.map((d) => [d.kind, d.stage, d.reference])).toEqual([
      ['copy', 0, '0'],
      ['copy', 0, 'BUILD'],
      ['mount', 1, 'test'],
      ['copy', null, 'nginx:1.27'],
    ]);
    expect([...a.stageGraph.reachable].sort()).toEqual([0, 1, 2]);
    expect(a.finalStage?.index).toBe(2);
  });

  it('finds unused stages and the root image of a lineage', () => {
    const a = analyze('FROM node:20 AS deps\nFROM deps AS build\nFROM debian AS unused\nFROM build\n');
    expect(a.isReachable(2)).toBe(false);
    const root = a.rootImageOf(3);
    expect(root.kind === 'image' && root.ref?.name).toBe('node');
    expect(a.lineageOf(3).map((s) => s.index)).toEqual([3, 1, 0]);
  });

  it('resolves stage names in FROM only for earlier stages', () => {
    const a = analyze('FROM later\nFROM alpine AS later\n');
    expect(a.baseOf(0).kind).toBe('image');
  });

  it('resolves ARGs in FROM before deciding', () => {
    const a = analyze('ARG FROM_STAGE=builder\nFROM alpine AS builder\nFROM ${FROM_STAGE}\n');
    expect(a.baseOf(1)).toEqual({ kind: 'stage', stage: 0 });
  });
});
