import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// End to end: `--lang` changes message text in every format, never ids, codes, positions or field names.
let dir: string;

const DOCKERFILE = 'FROM python\nRUN apt-get update && apt-get install curl\nMAINTAINER me\n';
const COMPOSE = 'services:\n  db:\n    image: postgres\n    privileged: true\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-lang-'));
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
  mkdirSync(join(dir, 'ctx'));
  writeFileSync(join(dir, 'ctx/Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\n');
  writeFileSync(join(dir, 'ctx/.env'), 'API_KEY=abc\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  findings: Array<Record<string, unknown> & { message: string; rule: string }>;
  summary: unknown;
}

async function json(args: string[]): Promise<JsonReport> {
  const r = await runCli([...args, '-f', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as JsonReport;
}

const withoutMessages = (report: JsonReport) => ({
  ...report,
  findings: report.findings.map(({ message: _message, ...rest }) => rest),
});

describe.concurrent('dockaudit --lang', () => {
  it('lint: English by default, translated messages in json with everything else unchanged', async () => {
    const [byDefault, en, zh, ru] = await Promise.all([
      json(['lint', 'Dockerfile']),
      json(['lint', '--lang', 'en', 'Dockerfile']),
      json(['lint', '--lang', 'zh', 'Dockerfile']),
      json(['lint', '--lang', 'ru', 'Dockerfile']),
    ]);
    expect(en).toEqual(byDefault);
    const maintainer = (r: JsonReport) => r.findings.find((f) => f.rule === 'maintainer-deprecated')!.message;
    expect(maintainer(en)).toBe('MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors');
    expect(maintainer(zh)).toBe('MAINTAINER 已弃用：请使用 LABEL org.opencontainers.image.authors');
    expect(maintainer(ru)).toBe(
      'инструкция MAINTAINER устарела: используйте LABEL org.opencontainers.image.authors',
    );
    expect(withoutMessages(zh)).toEqual(withoutMessages(en));
    expect(withoutMessages(ru)).toEqual(withoutMessages(en));
    for (const f of zh.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    for (const f of ru.findings) expect(f.message).toMatch(/[\u0400-\u04ff]/);
  });

  it('lint: translated messages and report words in tty', async () => {
    const zh = await runCli(['lint', '--lang', 'zh', 'Dockerfile'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('错误 MAINTAINER 已弃用：请使用 LABEL org.opencontainers.image.authors');
    expect(zh.stdout).toContain(
      '警告 为 `apt-get install` 加上 -y：构建过程无法回答它的提示  apt-get-yes DA2014 [可修复]',
    );
    expect(zh.stdout).toMatch(
      /✖ 在 1 个文件中发现 8 个问题（1 个错误，4 个警告，3 条提示）；其中 3 个可用 `dockaudit fix` 修复\n$/,
    );
    const ru = await runCli(['lint', '--lang', 'ru', 'Dockerfile'], { cwd: dir });
    expect(ru.stdout).toContain(
      'укажите тег для "python": без него Docker скачивает latest  untagged-image DA4006',
    );
    expect(ru.stdout).toMatch(/✖ 8 проблем \(1 ошибка, 4 предупреждения, 3 замечания\) в 1 файле/);
    const en = await runCli(['lint', 'Dockerfile'], { cwd: dir });
    expect(en.stdout).toMatch(
      /✖ 8 problems \(1 error, 4 warnings, 3 info\) in 1 file; 3 fixable with `dockaudit fix`\n$/,
    );
    expect(en.stdout).toContain('warning add -y to `apt-get install`: builds cannot answer its prompt');
  });

  it('compose: translated messages', async () => {
    const ru = await json(['compose', '--lang', 'ru', 'compose.yaml']);
    const privileged = ru.findings.find((f) => f.rule === 'service-privileged')!;
    expect(privileged.message).toBe(
      'сервис db: `privileged: true` даёт контейнеру полный контроль над хостом',
    );
    const zh = await json(['compose', '--lang', 'zh', 'compose.yaml']);
    const unpinned = zh.findings.find((f) => f.rule === 'service-image-unpinned')!;
    expect(unpinned.message).toBe('服务 db：镜像 "postgres" 没有 tag，因此拉取时 `latest` 指向什么就是什么');
  });

  it('context: translated messages', async () => {
    const zh = await json(['context', '--lang', 'zh', 'ctx']);
    expect(zh.findings.map((f) => f.rule)).toContain('secret-file-in-context');
    for (const f of zh.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects an unknown language with a usage error', async () => {
    const r = await runCli(['lint', '--lang', 'de', 'Dockerfile'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown language "de"');
  });
});
