import { describe, expect, it } from 'vitest';
import { auditCompose } from '../../src/compose/audit.js';
import { loadComposeProject } from '../../src/compose/load.js';
import { defaultConfig } from '../../src/config/settings.js';
import { compareFindings } from '../../src/core/finding.js';
import { composeRules } from '../../src/rules/compose/index.js';

const ROOT = '/virtual/app';

async function audit(
  files: Record<string, string>,
  paths = ['compose.yaml'],
  configure = (_: ReturnType<typeof defaultConfig>) => {},
) {
  const texts = new Map(Object.entries(files).map(([p, t]) => [`${ROOT}/${p}`, t]));
  const { project } = await loadComposeProject(paths, {
    cwd: ROOT,
    env: {},
    texts,
    readText: (abs) => Promise.reject(Object.assign(new Error(abs), { code: 'ENOENT' })),
  });
  const config = defaultConfig();
  configure(config);
  const rules = composeRules.filter((r) =>
    ['DA5001', 'DA5002', 'DA5003', 'DA5014', 'DA5018'].includes(r.code),
  );
  return auditCompose(project!, { config, rules }).sort(compareFindings);
}

const brief = (f: { file: string; line: number; column: number; code: string }) =>
  `${f.file}:${f.line}:${f.column} ${f.code}`;

describe('auditCompose', () => {
  it('gives findings in other files their own file, line and column, and fixes their offsets', async () => {
    const files = {
      'compose.yaml':
        'services:\n  web:\n    image: nginx:1.27\n    user: "101"\n    healthcheck: {test: [CMD, "true"]}\n',
      'compose.override.yaml': '# override\nversion: "3"\nservices:\n  web:\n    privileged: true\n',
    };
    const findings = await audit(files, ['compose.yaml', 'compose.override.yaml']);
    expect(findings.map(brief)).toEqual([
      'compose.override.yaml:2:1 DA5018',
      'compose.override.yaml:5:17 DA5003',
    ]);
    const edit = findings[0]!.fix!.edits[0]!;
    const text = files['compose.override.yaml'];
    expect(text.slice(0, edit.start) + text.slice(edit.end)).toBe(
      '# override\nservices:\n  web:\n    privileged: true\n',
    );
  });

  it('applies `# dockaudit ignore=` to the next key, whole entries included', async () => {
    const text = [
      'services:',
      '  # dockaudit ignore=service-healthcheck-missing,DA5002',
      '  web:',
      '    image: nginx',
      '    # a comment between the pragma and its key',
      '    # dockaudit ignore=DA5001',
      '',
      '    privileged: true',
      '  db:',
      '    image: nginx',
      '',
    ].join('\n');
    const findings = await audit({ 'compose.yaml': text });
    expect(findings.map(brief)).toEqual([
      'compose.yaml:4:12 DA5001',
      'compose.yaml:8:17 DA5003',
      'compose.yaml:9:3 DA5014',
      'compose.yaml:9:3 DA5002',
      'compose.yaml:10:12 DA5001',
    ]);
  });

  it('applies a trailing pragma to its own line, and global pragmas to the file', async () => {
    const text = [
      '# dockaudit global ignore=DA5014',
      'services:',
      '  web:',
      '    image: nginx  # dockaudit ignore=service-image-unpinned',
      '    privileged: true',
      '    user: "1000"',
      '',
    ].join('\n');
    expect((await audit({ 'compose.yaml': text })).map(brief)).toEqual(['compose.yaml:5:17 DA5003']);
  });

  it('ignores pragmas when the configuration says so', async () => {
    const text =
      'services:\n  web:\n    image: x/web:1\n    user: "1"\n    privileged: true  # dockaudit ignore=DA5003\n    healthcheck: {test: [CMD, "true"]}\n';
    const findings = await audit({ 'compose.yaml': text }, ['compose.yaml'], (c) => {
      c.disableIgnorePragma = true;
    });
    expect(findings.map(brief)).toEqual(['compose.yaml:5:17 DA5003']);
  });

  it('honours --ignore and --enable through the configuration', async () => {
    const text = 'services:\n  web:\n    image: nginx\n';
    const findings = await audit({ 'compose.yaml': text }, ['compose.yaml'], (c) => {
      c.ignored.push('DA5002', 'service-healthcheck-missing');
    });
    expect(findings.map(brief)).toEqual(['compose.yaml:3:12 DA5001']);
  });
});
