import { describe, expect, it } from 'vitest';
import { loadBuildContext } from '../../src/context/build-context.js';
import { contextPath, globMatch, planCopies } from '../../src/context/copy.js';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { tree } from './tree.js';

describe('globMatch (Go filepath.Match on one element)', () => {
  const table: [string, string, boolean][] = [
    ['*.json', 'package.json', true],
    ['*.json', 'a/b.json', false],
    ['package*.json', 'package-lock.json', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['[a-c]*', 'beta', true],
    ['[^a-c]*', 'beta', false],
    ['\\*', '*', true],
    ['requirements.txt', 'requirements.txt', true],
  ];
  it.each(table)('%j vs %j → %s', (p, name, expected) => expect(globMatch(p, name)).toBe(expected));
});

describe('contextPath', () => {
  it('keeps sources inside the context', () => {
    expect(contextPath('./src/')).toBe('src');
    expect(contextPath('/etc/passwd')).toBe('etc/passwd');
    expect(contextPath('../../x')).toBe('x');
    expect(contextPath('.')).toBe('.');
  });
});

describe('planCopies', () => {
  const root = () =>
    tree({
      'package.json': '{}',
      'package-lock.json': '{}',
      'src/index.ts': 'x',
      'src/util.ts': 'yy',
      'config/app.yaml': 'z',
    });
  const plan = (dockerfile: string, dir: string) =>
    planCopies(new DockerfileAnalysis(parseDockerfile(dockerfile)), loadBuildContext(dir).index());

  it('resolves each context COPY/ADD to the files it takes, per stage', () => {
    const dir = root();
    const plans = plan(
      [
        'FROM node:20 AS build',
        'ARG CONF=config',
        'COPY package*.json ./',
        'COPY src/ ./src/',
        'COPY $CONF/app.yaml /etc/app.yaml',
        'FROM nginx',
        'COPY --from=build /app/dist /usr/share/nginx/html',
        'ADD https://example.com/x.tgz /tmp/',
        'COPY <<EOF /etc/motd',
        'hello',
        'EOF',
        'COPY . /srv',
      ].join('\n'),
      dir,
    );
    expect(plans.map((p) => [p.line, p.stageName, p.sources.map((s) => s.files.length)])).toEqual([
      [3, 'build', [2]],
      [4, 'build', [2]],
      [5, 'build', [1]],
      [12, '1', [5]],
    ]);
    expect(plans[2]!.sources[0]!.expanded).toBe('config/app.yaml');
    expect(plans[3]!.wholeContext).toBe(true);
    expect(plans[0]!.reachesFinal).toBe(false);
    expect(plans[3]!.reachesFinal).toBe(true);
  });

  it('a source with an unknown variable is kept but resolves to nothing', () => {
    const plans = plan('FROM alpine\nARG DIR\nCOPY $DIR/x /x\n', root());
    expect(plans[0]!.sources[0]).toMatchObject({ expanded: null, files: [] });
  });
});
