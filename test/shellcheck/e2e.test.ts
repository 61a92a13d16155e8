import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/cli/lint.js';
import type { Finding } from '../../src/core/finding.js';
import { shellcheckVersion } from '../../src/shellcheck/index.js';

const version = await shellcheckVersion();
const required = process.env.DOCKAUDIT_E2E === '1';
if (!version && !required)
  console.warn(
    'skipping ShellCheck end-to-end tests: shellcheck is not installed (scripts/e2e/shellcheck-setup.sh)',
  );

describe.skipIf(!version && !required)('lint --shellcheck with the real shellcheck program', () => {
  it('is installed (DOCKAUDIT_E2E=1 requires it)', () => {
    expect(version).toBeTruthy();
  });

  it('reports SC codes at their exact place, knows ARG/ENV names, honours SHELL and pragmas', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'dockaudit-sc-'));
    try {
      const dockerfile = join(dir, 'Dockerfile');
      await fs.writeFile(
        dockerfile,
        [
          'FROM debian:12',
          'ARG version',
          'ENV app_home=/srv',
          'RUN echo "$version $app_home" && \\',
          '\techo "$missing"',
          '# hadolint ignore=SC2154',
          'RUN echo "$also_missing"',
          'SHELL ["/bin/bash", "-c"]',
          'RUN echo "$RANDOM" && rm $HOME/x',
          'RUN <<EOF',
          'set -e',
          'echo $RANDOM',
          'EOF',
          '',
        ].join('\n'),
      );
      const output = join(dir, 'out.json');
      const code = await runLint([dockerfile], {
        format: 'json',
        output,
        shellcheck: true,
        env: { HOME: dir, PATH: process.env.PATH },
      });
      expect(code).toBe(1);
      const { findings } = JSON.parse(await fs.readFile(output, 'utf8')) as { findings: Finding[] };
      const sc = findings
        .filter((f) => f.rule === 'shellcheck')
        .map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.aliases.join(',')} ${f.severity}`);
      expect(sc).toEqual([
        // `$missing` after a tab on the continuation line: ShellCheck's column is mapped back exactly.
        '5:8-16 SC2154 warning',
        // bash is the shell from line 8 on: $RANDOM is fine; the unquoted expansion is not.
        '9:26-31 SC2086 info',
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('checks the scripts of many files in one go and gives each file its own findings', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'dockaudit-sc-'));
    try {
      const paths: string[] = [];
      for (let i = 0; i < 40; i++) {
        const p = join(dir, `Dockerfile.${i}`);
        await fs.writeFile(p, `FROM debian:12\nRUN ls $dir_${i} && echo ${i}\nRUN echo ok\n`);
        paths.push(p);
      }
      const output = join(dir, 'out.json');
      const code = await runLint(paths, { format: 'json', output, shellcheck: true, env: { HOME: dir } });
      expect(code).toBe(1);
      const { findings } = JSON.parse(await fs.readFile(output, 'utf8')) as { findings: Finding[] };
      const sc = findings.filter((f) => f.aliases.includes('SC2154'));
      expect(sc).toHaveLength(40);
      expect(new Set(sc.map((f) => f.file)).size).toBe(40);
      expect(sc.every((f) => f.line === 2 && f.column === 8)).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
