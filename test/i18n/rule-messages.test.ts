import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCompose } from '../../src/compose/audit.js';
import { type Config, defaultConfig } from '../../src/config/settings.js';
import { analyzeContext } from '../../src/context/analyze.js';
import type { Finding } from '../../src/core/finding.js';
import { LineIndex } from '../../src/core/positions.js';
import type { ContextFacts } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { MessageCatalog } from '../../src/i18n/catalog.js';
import { loadRuleCatalog } from '../../src/i18n/rules/load.js';
import { lintImage } from '../../src/image/lint.js';
import type { WasteGroup } from '../../src/image/waste.js';
import { optimizeDockerfile } from '../../src/optimize/plan.js';
import { composeRules } from '../../src/rules/compose/index.js';
import { contextRules } from '../../src/rules/context/index.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';
import { imageRules } from '../../src/rules/image/index.js';
import { tree } from '../context/tree.js';
import { loadText } from '../rules/compose/helpers.js';
import { BASE_HISTORY, makeModel } from '../rules/image/helpers.js';

const SCRIPT = { zh: /[\u4e00-\u9fff]/, ru: /[\u0400-\u04ff]/ } as const;
type Other = keyof typeof SCRIPT;

/** Whole messages whose placeholders hold phrases of the readers (counts, COPY, layers, origins, caches). */
const EXACT: Record<Other, Record<string, string>> = {
  zh: {
    'dependencies-in-context':
      'node_modules/（1 个文件，1 B）被第 3 行的 COPY（阶段 0）复制进了镜像；请在 .dockerignore 中用 `**/node_modules` 排除它',
    'secret-file-in-context':
      '环境变量文件 .env 被第 3 行的 COPY（阶段 0）复制进了镜像；请在 .dockerignore 中排除它',
    'image-package-cache':
      'apt 软件包列表留在了镜像中：/var/lib/apt/lists 下 80.0 MB（3 个文件），来自此步骤（你的层）；在同一个 RUN 末尾执行 `rm -rf /var/lib/apt/lists/*`，或为 /var/lib/apt 使用缓存挂载',
    'image-wasted-bytes':
      '此步骤在 /var/lib/apt/lists 下添加的 80.0 MB（4 个文件）被第 3 层（RUN）删除：它们仍然包含在此层中；请在同一步骤中删除',
  },
  ru: {
    'dependencies-in-context':
      'node_modules/ (1 файл, 1 B) копируется в образ через COPY в строке 3 (этап 0); исключите его в .dockerignore через `**/node_modules`',
    'secret-file-in-context':
      'Файл переменных окружения .env: файл копируется в образ через COPY в строке 3 (этап 0); исключите его в .dockerignore',
    'image-package-cache':
      'в образе осталось: списки пакетов apt, 80.0 MB в /var/lib/apt/lists (файлов: 3), добавлено этим шагом (ваш слой); завершите тот же RUN командой `rm -rf /var/lib/apt/lists/*` или смонтируйте кеш на /var/lib/apt',
    'image-wasted-bytes':
      '80.0 MB в /var/lib/apt/lists (файлов: 4), добавленные этим шагом, удаляются позже (слой 3, RUN): они всё равно остаются в этом слое; удаляйте их на том же шаге',
  },
};

/**
 * English prose left in a translated message: three or more Latin words in a row, outside quoted code,
 * strings and paths (an untranslated phrase a rule put in a placeholder, such as "from the base image").
 */
function leftoverEnglish(message: string): string[] {
  const stripped = message
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\S*[/.:=$<>@_\d]\S*/g, ' ');
  return stripped.match(/\b[A-Za-z]+(?: [A-Za-z]+){2,}\b/g) ?? [];
}

function dockerfileFindings(
  code: string,
  config: Partial<Config>,
  catalog?: MessageCatalog,
  context?: ContextFacts,
): Finding[] {
  const file = parseDockerfile(code, 'Dockerfile');
  const options = { config: { ...defaultConfig(), ...config }, rules: dockerfileRules, catalog, context };
  return lintDockerfile(file, options);
}

/** Build contexts for rules that need `lint --context`: one whose .dockerignore excludes everything, one without. */
const CONTEXTS: ContextFacts[] = [
  { root: '/ctx', hasIgnoreFile: true, isSent: () => false, matches: () => [] },
  {
    root: '/ctx',
    hasIgnoreFile: false,
    isSent: () => true,
    matches: () => ['.git/HEAD', '.env', 'node_modules/a/index.js', '.venv/bin/python', 'app.py'],
  },
];

describe.each(Object.keys(SCRIPT) as Other[])('translated findings (%s)', (lang) => {
  const script = SCRIPT[lang];

  /** What is wrong with the translated findings of a run, compared with the English run. */
  function untranslated(translated: Finding[], english: Finding[]): string[] {
    expect(translated.length).toBe(english.length);
    expect(translated.length).toBeGreaterThan(0);
    const problems: string[] = [];
    translated.forEach((f, i) => {
      const en = english[i]!;
      // Everything but the message is the same: rule ids, codes, positions, severities.
      expect({ ...f, message: '' }).toEqual({ ...en, message: '' });
      if (!script.test(f.message) || f.message === en.message) problems.push(`${f.rule}: ${f.message}`);
      const left = leftoverEnglish(f.message);
      if (left.length > 0) problems.push(`${f.rule}: English "${left.join(' ')}" in ${f.message}`);
    });
    return problems;
  }

  function expectTranslated(translated: Finding[], english: Finding[]): void {
    expect(untranslated(translated, english)).toEqual([]);
  }

  it('translates the findings of every Dockerfile rule on its docs example', async () => {
    const catalog = await loadRuleCatalog(lang);
    const problems: string[] = [];
    for (const rule of dockerfileRules) {
      if (rule.id === 'shellcheck') continue; // ShellCheck's own text stays as ShellCheck wrote it.
      // Rules off by default are switched on, with the configuration their examples declare.
      const config = { ...rule.docs.config, enabled: [rule.id] } as Partial<Config>;
      const own = (findings: Finding[]) => findings.filter((f) => f.rule === rule.id);
      const context = own(dockerfileFindings(rule.docs.bad, config)).length
        ? undefined
        : CONTEXTS.find((c) => own(dockerfileFindings(rule.docs.bad, config, undefined, c)).length > 0);
      const english = own(dockerfileFindings(rule.docs.bad, config, undefined, context));
      const translated = own(dockerfileFindings(rule.docs.bad, config, catalog, context));
      problems.push(...untranslated(translated, english));
    }
    expect(problems).toEqual([]);
  });

  it('translates the phrases security and runtime rules put in their messages', async () => {
    const catalog = await loadRuleCatalog(lang);
    // [rule, Dockerfile]: each Dockerfile makes the rule fill its placeholders with other English phrases.
    const cases: Array<[string, string]> = [
      ...[
        'flask run',
        'python -m http.server',
        'python manage.py runserver',
        'uvicorn --reload app:app',
        'npm run dev',
        'ng serve',
        'vite',
        'next dev',
        'react-scripts start',
        'vue-cli-service serve',
        'gatsby develop',
        'php artisan serve',
        'dotnet watch',
      ].map((cmd): [string, string] => ['dev-server', `FROM node:20\nCMD ${cmd}`]),
      ['expose-admin-port', 'FROM debian:12\nEXPOSE 22 23 2375 2376 3389 5985 10250 5900'],
      [
        'tls-verify-disabled',
        'FROM debian:12\nRUN curl -k https://x.example/a && apk add --allow-untrusted x && ssh -o StrictHostKeyChecking=no h && echo "deb [trusted=yes] https://x.example stable main" > /etc/apt/sources.list',
      ],
      ['missing-healthcheck', 'FROM debian:12\nCMD ["gunicorn", "app:app"]'],
      ['missing-healthcheck', 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html'],
      ['no-exec-main-process', 'FROM debian:12\nCMD cd /app && ./server'],
      ['python-unbuffered', 'FROM debian:12\nCMD ["python3", "app.py"]'],
      [
        'secret-in-command',
        'FROM debian:12\nRUN curl -o /x https://deploy:Tr0ub4dor-3xQ9@repo.example.com/x',
      ],
      ['secret-in-command', 'FROM debian:12\nRUN echo "root:Tr0ub4dor-3xQ9" | chpasswd'],
      [
        'secret-in-command',
        'FROM debian:12\nRUN git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/a/b',
      ],
      ['secret-value', 'FROM debian:12\nCOPY <<EOF /app/settings.ini\npassword=Tr0ub4dor-3xQ9zz\nEOF'],
      ['secret-value', 'FROM debian:12\nENV GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
      [
        'copy-from-abi-mismatch',
        'FROM debian:12 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /usr/lib/libfoo.so /usr/lib/',
      ],
    ];
    const problems: string[] = [];
    for (const [id, code] of cases) {
      const config = { enabled: [id] } as Partial<Config>;
      const own = (findings: Finding[]) => findings.filter((f) => f.rule === id);
      const english = own(dockerfileFindings(code, config));
      if (english.length === 0) problems.push(`${id}: no finding on ${code}`);
      else problems.push(...untranslated(own(dockerfileFindings(code, config, catalog)), english));
    }
    expect(problems).toEqual([]);
  });

  it('translates the findings left in an optimized Dockerfile', async () => {
    const catalog = await loadRuleCatalog(lang);
    const dir = join(import.meta.dirname, '..', 'fixtures', 'optimize', 'generic');
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const remaining = (c?: MessageCatalog) =>
      optimizeDockerfile(text, 'Dockerfile', { context: dir, lang, catalog: c }).remaining;
    expectTranslated(remaining(catalog), remaining());
  });

  it('translates what the Dockerfile reader reports as invalid', async () => {
    const catalog = await loadRuleCatalog(lang);
    const invalid = [
      'FROM',
      'FROM a b',
      'FROM --foo=1 a',
      'FROM a\nSHELL /bin/sh',
      'FROM a\nRUN',
      'FROM a\nCMD ["a", 1]',
      'FROM a\nHEALTHCHECK CMD',
      'FROM a\nHEALTHCHECK --interval=5s NONE',
      'FROM a\nHEALTHCHECK NONE x',
      'FROM a\nHEALTHCHECK FOO bar',
      'FROM a\nCOPY x',
      'ARG',
      'FROM a\nEXPOSE',
      'FROM a\nONBUILD',
      'FROM a\nWORKDIR',
      'FROM a\nENV DEBUG',
      'FROM a\nLABEL a=b c',
      '# escape=x\nFROM a',
      '# syntax=a\n# syntax=b\nFROM a',
      '# check=foo\nFROM a',
      '# check=error=maybe\nFROM a',
      '# check=bogus=1\nFROM a',
    ];
    const problems: string[] = [];
    for (const code of invalid) {
      const english = dockerfileFindings(code, {}).filter((f) => f.rule === 'invalid-instruction');
      const translated = dockerfileFindings(code, {}, catalog).filter(
        (f) => f.rule === 'invalid-instruction',
      );
      problems.push(...untranslated(translated, english));
    }
    expect(problems).toEqual([]);
  });

  it('translates the findings of every compose rule on its docs example', async () => {
    const catalog = await loadRuleCatalog(lang);
    const problems: string[] = [];
    for (const rule of composeRules) {
      const project = await loadText(rule.docs.bad);
      const config = { ...defaultConfig(), ...(rule.docs.config ?? {}) };
      config.enabled.push(rule.id);
      const english = auditCompose(project, { config, rules: [rule] });
      const translated = auditCompose(project, { config, rules: [rule], catalog });
      problems.push(...untranslated(translated, english));
    }
    expect(problems).toEqual([]);
    const project = await loadText(
      'services:\n  app:\n    image: x/app:1\n    command: echo ${A%%.*} "${B"\n',
    );
    const rule = composeRules.filter((r) => r.id === 'compose-invalid-interpolation');
    const config = defaultConfig();
    expectTranslated(
      auditCompose(project, { config, rules: rule, catalog }),
      auditCompose(project, { config, rules: rule }),
    );
  });

  it('translates build-context findings, counts and COPY descriptions included', async () => {
    const catalog = await loadRuleCatalog(lang);
    const root = tree({
      Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCOPY missing.txt /x\n',
      '.env': 'API_KEY=abc\n',
      'config.js': 'const password = "hunter2hunter2hunter2";\n',
      'node_modules/a/index.js': 'x',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    const model = analyzeContext(root);
    const run = (c?: MessageCatalog) =>
      runRules({
        file: 'Dockerfile',
        model,
        lines: new LineIndex(''),
        rules: contextRules,
        config: defaultConfig(),
        catalog: c,
      });
    const english = run();
    expect(new Set(english.map((f) => f.rule)).size).toBeGreaterThan(3);
    const translated = run(catalog);
    expectTranslated(translated, english);
    for (const id of ['dependencies-in-context', 'secret-file-in-context'])
      expect(translated.find((f) => f.rule === id)?.message).toBe(EXACT[lang][id]);
  });

  it('translates image findings, cache names, fixes and layer origins included', async () => {
    const catalog = await loadRuleCatalog(lang);
    const history = [
      ...BASE_HISTORY,
      { created_by: '/bin/sh -c apt-get update' },
      { created_by: '/bin/sh -c rm -rf /var/lib/apt/lists/*' },
    ];
    const group = (over: Partial<WasteGroup>): WasteGroup => ({
      kind: 'deleted',
      category: null,
      layer: 1,
      by: 2,
      bytes: 80_000_000,
      files: 4,
      root: '/var/lib/apt/lists',
      largest: [],
      ...over,
    });
    const model = makeModel(history, {
      waste: {
        groups: [group({}), group({ kind: 'cache', category: 'apt-lists', by: null, layer: 1, files: 3 })],
        layers: [],
        hiddenBytes: 0,
        leftoverBytes: 0,
        totalBytes: 0,
        efficiency: 1,
      },
    });
    model.config.config = { User: 'root', Env: ['PATH=/usr/bin', 'DB_PASSWORD=hunter2hunter2'] };
    const config = defaultConfig();
    const english = lintImage(model, { config, rules: imageRules });
    expect(new Set(english.map((f) => f.rule)).size).toBeGreaterThan(3);
    const translated = lintImage(model, { config, rules: imageRules, catalog });
    expectTranslated(translated, english);
    for (const id of ['image-package-cache', 'image-wasted-bytes'])
      expect(translated.find((f) => f.rule === id)?.message).toBe(EXACT[lang][id]);
  });
});
