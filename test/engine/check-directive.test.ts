import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/settings.js';
import { parseCheckDirective } from '../../src/dockerfile/check-directive.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { dockerfileRule } from '../../src/rules/define.js';
import definitionDescription from '../../src/rules/dockerfile/definition-description.js';
import emptyContinuation from '../../src/rules/dockerfile/empty-continuation-line.js';
import latestTag from '../../src/rules/dockerfile/latest-tag.js';

/** A rule off by default that carries a BuildKit name, as BuildKit's experimental checks are. */
const experimental = dockerfileRule({
  id: 'test-experimental-check',
  code: 'DA9999',
  aliases: ['CopyIgnoredFile'],
  severity: 'info',
  category: 'correctness',
  enabledByDefault: false,
  docs: { summary: 's', rationale: 'r', bad: 'FROM x', good: 'FROM x' },
  messages: { default: 'm' },
  check({ model, report }) {
    for (const s of model.stages) report({ span: s.from.keywordSpan });
  },
});

const rules = [emptyContinuation, latestTag, experimental];
const BODY = 'FROM alpine:latest\nRUN echo a && \\\n\n    echo b\n';

function lint(text: string) {
  return lintDockerfile(parseDockerfile(text), { config: defaultConfig(), rules }).map(
    (f) => `${f.rule}:${f.severity}`,
  );
}

describe('# check= directive', () => {
  it('runs every check without a directive', () => {
    expect(lint(BODY)).toEqual(['empty-continuation-line:warning', 'latest-tag:warning']);
  });

  it('skip=<names> suppresses the rules carrying those BuildKit names (also by id or code)', () => {
    expect(lint(`# check=skip=NoEmptyContinuation\n${BODY}`)).toEqual(['latest-tag:warning']);
    expect(lint(`# check=skip=DA1004, latest-tag\n${BODY}`)).toEqual([]);
    // BuildKit names are case-sensitive.
    expect(lint(`# check=skip=noemptycontinuation\n${BODY}`)).toHaveLength(2);
  });

  it('skip=all suppresses every rule with a BuildKit name, and only those', () => {
    expect(lint(`# check=skip=all\n${BODY}`)).toEqual(['latest-tag:warning']);
    // Only a value of exactly `all` means all.
    expect(lint(`# check=skip=all,Foo\n${BODY}`)).toHaveLength(2);
  });

  it('experimental=<names>|all switches on off-by-default rules with a BuildKit name', () => {
    expect(lint(`# check=experimental=CopyIgnoredFile\n${BODY}`)).toContain('test-experimental-check:info');
    expect(lint(`# check=experimental=all\n${BODY}`)).toContain('test-experimental-check:info');
    expect(lint(`# check=experimental=Other\n${BODY}`)).not.toContain('test-experimental-check:info');
  });

  it('combines options separated by ";" and ignores a directive BuildKit rejects', () => {
    expect(lint(`# check=skip=NoEmptyContinuation;experimental=all\n${BODY}`)).toEqual([
      'latest-tag:warning',
      'test-experimental-check:info',
    ]);
    expect(lint(`# check=skip=NoEmptyContinuation;bogus=1\n${BODY}`)).toHaveLength(2);
  });
});

describe('# check=experimental= with the real experimental check', () => {
  const run = (text: string) =>
    lintDockerfile(parseDockerfile(text), { config: defaultConfig(), rules: [definitionDescription] }).map(
      (f) => f.rule,
    );
  it('switches InvalidDefinitionDescription on only when named', () => {
    const body = '# the version\nARG VERSION=1\nFROM scratch\n';
    expect(run(body)).toEqual([]);
    expect(run(`# check=experimental=InvalidDefinitionDescription\n${body}`)).toEqual([
      'definition-description',
    ]);
  });
});

describe('# check=error=true', () => {
  it('makes findings of BuildKit-equivalent rules errors, as BuildKit then fails the build', () => {
    expect(lint(`# check=error=true\n${BODY}`)).toEqual([
      'empty-continuation-line:error',
      'latest-tag:warning',
    ]);
    expect(lint(`# check=error=false\n${BODY}`)).toEqual([
      'empty-continuation-line:warning',
      'latest-tag:warning',
    ]);
  });

  it('wins over a configured severity, and skipped checks stay silent', () => {
    const text = `# check=error=true;skip=NoEmptyContinuation;experimental=all\n${BODY}`;
    const config = { ...defaultConfig(), severity: { NoEmptyContinuation: 'style' as const } };
    const out = lintDockerfile(parseDockerfile(text), { config, rules }).map(
      (f) => `${f.rule}:${f.severity}`,
    );
    expect(out).toEqual(['latest-tag:warning', 'test-experimental-check:error']);
    const noSkip = `# check=error=true\n${BODY}`;
    expect(
      lintDockerfile(parseDockerfile(noSkip), { config, rules }).map((f) => `${f.rule}:${f.severity}`),
    ).toEqual(['empty-continuation-line:error', 'latest-tag:warning']);
  });
});

describe('parseCheckDirective (BuildKit semantics)', () => {
  it('reads skip, error and experimental', () => {
    expect(parseCheckDirective(' skip = A , B ; error = true ; experimental = C ')).toEqual({
      ok: true,
      options: { skipAll: false, skip: ['A', 'B'], error: true, experimentalAll: false, experimental: ['C'] },
    });
    expect(parseCheckDirective('error=1').ok && parseCheckDirective('error=1')).toMatchObject({
      options: { error: true },
    });
    expect(parseCheckDirective('error=False')).toMatchObject({ ok: true, options: { error: false } });
  });

  it('rejects what BuildKit rejects', () => {
    expect(parseCheckDirective('skip=A;')).toEqual({ ok: false, message: 'invalid check option ""' });
    expect(parseCheckDirective('Skip=A').ok).toBe(false);
    expect(parseCheckDirective('error=yes').ok).toBe(false);
    expect(parseCheckDirective('nonsense').ok).toBe(false);
  });

  it('keeps a fourth part inside the third, as Go SplitN(…, 3) does', () => {
    expect(parseCheckDirective('skip=A;error=false;experimental=B;C')).toMatchObject({
      ok: true,
      options: { experimental: ['B;C'] },
    });
  });

  it('makes an invalid directive a parse problem (BuildKit refuses the file)', () => {
    const file = parseDockerfile('# check=skip=A;oops\nFROM alpine\n');
    expect(file.problems.map((p) => `${p.kind}: ${p.message}`)).toEqual([
      'invalid-directive: invalid check option "oops"',
    ]);
  });
});
