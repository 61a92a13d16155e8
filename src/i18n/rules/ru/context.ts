import type { RuleTranslations } from '../types.js';
import { COPY_RU, FILE_COUNT_RU, SECRETS_RU } from './values.js';

/** Build-context rules (DA6xxx). */
export const CONTEXT_RU: RuleTranslations = {
  'copy-context-without-dockerignore': {
    summary:
      'COPY или ADD берёт весь контекст сборки, и никакой .dockerignore не ограничивает его содержимое.',
    messages: {
      default:
        '{keyword} {source} копирует весь контекст ({files}, {size}), а .dockerignore нет; запустите `dockaudit context --write`, чтобы получить предложение',
    },
    values: { files: FILE_COUNT_RU },
  },
  'copy-source-not-sent': {
    summary:
      'Источник COPY или ADD не совпадает ни с чем, что отправляет контекст сборки: его исключает .dockerignore или его нет.',
    messages: {
      ignored: '{source} существует, но исключён .dockerignore ({rule}); сборка упадёт с ошибкой "not found"',
      missing: '{source} нет в контексте сборки; сборка упадёт с ошибкой "not found"',
    },
    values: { rule: { 'a parent folder is excluded': 'исключена одна из родительских папок' } },
  },
  'dependencies-in-context': {
    summary:
      'Локальные зависимости или кеши (node_modules, .venv, __pycache__, target, …) отправляются с контекстом сборки.',
    messages: {
      default:
        '{path} ({files}, {size}) отправляется с контекстом сборки; исключите его в .dockerignore через `**/{name}`',
      copied:
        '{path} ({files}, {size}) копируется в образ через {copy}; исключите его в .dockerignore через `**/{name}`',
    },
    values: { files: FILE_COUNT_RU, copy: COPY_RU },
  },
  'dockerignore-root-only-pattern': {
    summary:
      'Строка .dockerignore срабатывает только в корне контекста, а файлы, которые она называет, лежат глубже.',
    messages: {
      default:
        '`{pattern}` срабатывает только в корне контекста, но {example} отправляется; напишите `**/{pattern}`',
    },
  },
  'large-build-context': {
    summary: 'Контекст сборки отправляет больше порогового объёма (по умолчанию 100 МБ).',
    messages: {
      default: 'контекст сборки отправляет {size} (файлов: {files}; порог {limit}); самые большие: {biggest}',
    },
  },
  'secret-file-in-context': {
    summary:
      'Файл с секретами (.env, закрытый ключ, учётные данные реестра или облака, kubeconfig) отправляется с контекстом сборки.',
    messages: {
      default: '{description} {path}: файл отправляется с контекстом сборки; исключите его в .dockerignore',
      copied: '{description} {path}: файл копируется в образ через {copy}; исключите его в .dockerignore',
    },
    values: { description: SECRETS_RU, copy: COPY_RU },
  },
  'secret-in-context-file': {
    summary:
      'Файл, который отправляет контекст сборки, содержит секрет (токен известного формата, пароль в URL или жёстко заданное значение ключа с «секретным» именем).',
    messages: {
      default: '{description} ({redacted}) в файле, который отправляет контекст сборки',
      copied: '{description} ({redacted}) в файле, который копируется в образ через {copy}',
    },
    values: { description: SECRETS_RU, copy: COPY_RU },
  },
  'symlink-out-of-context': {
    summary: 'Символическая ссылка в контексте сборки указывает за его пределы.',
    messages: {
      default: '{path} ссылается на {target} за пределами контекста сборки; в образе ссылка окажется висячей',
    },
  },
  'vcs-folder-in-context': {
    summary: 'Папка системы контроля версий (.git, .hg, .svn) отправляется с контекстом сборки.',
    messages: {
      default: '{path} ({size}) отправляется с контекстом сборки; исключите его в .dockerignore',
      copied: '{path} ({size}) копируется в образ через {copy}; исключите его в .dockerignore',
    },
    values: { copy: COPY_RU },
  },
};
