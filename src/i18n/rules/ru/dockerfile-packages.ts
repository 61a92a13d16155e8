import type { RuleTranslations } from '../types.js';
import { LIST_RU } from './values.js';

/** `{packages}` and `{names}` are lists: `a`, `b` and `c`. */
const LISTS = { packages: LIST_RU, names: LIST_RU };

const SCOPE =
  'на этом этапе не задано {names} (ARG/ENV другого этапа или до FROM сюда не переходят), поэтому версия {packages} не зафиксирована';
const YES = 'добавьте -y к `{tool} {subcommand}`: при сборке некому ответить на запрос подтверждения';
const CLEAN_ALL =
  'добавьте `{tool} clean all` после `{tool} {subcommand}` в этом RUN: иначе кеш пакетов остаётся в слое';

/** Dockerfile rules DA2xxx: package managers, image size and build cache. */
export const DOCKERFILE_PACKAGES_RU: RuleTranslations = {
  'apk-no-cache': {
    summary: '`apk add` без `--no-cache`.',
    messages: { default: 'добавьте --no-cache к `apk add`: иначе индекс пакетов остаётся в /var/cache/apk' },
  },
  'apk-pin-versions': {
    summary: '`apk add` пакетов без ограничения версии.',
    messages: { default: 'зафиксируйте версию {packages} (`apk add <package>=<version>`)', scope: SCOPE },
    values: LISTS,
  },
  'apt-get-yes': {
    summary: '`apt-get install` (и другие подкоманды, задающие вопросы) без `-y`.',
    messages: {
      default: 'добавьте -y к `apt-get {subcommand}`: при сборке некому ответить на запрос подтверждения',
    },
  },
  'apt-instead-of-apt-get': {
    summary: '`apt` в RUN вместо `apt-get`.',
    messages: {
      default:
        'в скриптах используйте `apt-get` вместо `apt`: у apt нет стабильного интерфейса командной строки',
    },
  },
  'apt-lists-not-removed': {
    summary: '`apt-get update`, после которого списки пакетов остаются в слое образа.',
    messages: {
      default:
        'удалите списки apt в этом же RUN (`&& rm -rf /var/lib/apt/lists/*`) или используйте монтирование кеша',
      archives:
        'скачанные пакеты остаются в /var/cache/apt: docker-clean удалён, поэтому смонтируйте кеш и на /var/cache/apt',
    },
  },
  'apt-no-install-recommends': {
    summary: '`apt-get install` без `--no-install-recommends`.',
    messages: {
      default: 'добавьте --no-install-recommends к `{tool} install`: рекомендуемые пакеты не нужны',
    },
  },
  'apt-pin-versions': {
    summary: '`apt-get install` пакетов без фиксации версии.',
    messages: {
      default: 'зафиксируйте версию {packages} (`{tool} install <package>=<version>`)',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'build-tools-in-final-stage': {
    summary: 'Компиляторы, инструменты сборки или пакеты -dev/-devel в итоговом этапе многоэтапной сборки.',
    messages: {
      default:
        'инструменты сборки {names} попадают в итоговый образ: ставьте их на этапе сборки и копируйте только результат',
    },
    values: { names: LIST_RU },
  },
  'buildkit-cache-mount': {
    summary:
      'Установка зависимостей без монтирования кеша BuildKit в Dockerfile, который уже использует BuildKit.',
    messages: {
      default:
        'этот RUN заново скачивает {what} при каждой пересборке: добавьте `{mount}`{note}, чтобы переиспользовать их между сборками',
    },
    values: {
      what: {
        'Python packages': 'пакеты Python',
        'npm packages': 'пакеты npm',
        'Debian packages': 'пакеты Debian',
        'Alpine packages': 'пакеты Alpine',
        'Go modules and build results': 'модули Go и результаты сборки',
      },
      note: {
        ' (and link /etc/apk/cache to it, without --no-cache)':
          ' (и сделайте /etc/apk/cache ссылкой на него, без --no-cache)',
      },
    },
  },
  'consecutive-run': {
    summary: 'Идущие подряд RUN с одной командой, которые можно объединить.',
    messages: { default: 'объедините этот RUN с RUN из строки {line}: каждый RUN добавляет слой' },
  },
  'copy-archive-then-extract': {
    summary: 'Локальный архив копируется через COPY, а затем распаковывается следующим RUN.',
    messages: { default: 'распакуйте "{archive}" через ADD вместо COPY и отдельного RUN для распаковки' },
  },
  'curl-and-wget': {
    summary: 'На одном этапе используются и `curl`, и `wget`.',
    messages: {
      default:
        'этот этап использует и {other} (строка {line}), и {tool}: достаточно одного средства загрузки',
    },
  },
  'dnf-clean-all': {
    summary: '`dnf install` без `dnf clean all` после него в том же RUN.',
    messages: { default: CLEAN_ALL },
  },
  'dnf-pin-versions': {
    summary: '`dnf install` пакетов без версии.',
    messages: {
      default: 'зафиксируйте версию {packages} (`{tool} install <package>-<version>`)',
      module: 'зафиксируйте поток {packages} (`{tool} module install <module>:<stream>`)',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'dnf-yes': {
    summary: '`dnf install` (или другая подкоманда, задающая вопросы) без `-y`.',
    messages: { default: YES },
  },
  'gem-pin-versions': {
    summary: '`gem install` без версии.',
    messages: { default: 'зафиксируйте версию {packages} (`gem install <gem>:<version>`)', scope: SCOPE },
    values: LISTS,
  },
  'go-pin-versions': {
    summary: '`go install`, `go get` или `go run` удалённого пакета без версии.',
    messages: {
      default: 'зафиксируйте версию {packages} (`go {subcommand} <package>@<version>`)',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'install-ignores-lockfile': {
    summary:
      '`npm install`, `yarn install` или `pnpm install`, которые могут переписать скопированный в Dockerfile lock-файл.',
    messages: {
      npm: 'используйте `npm ci` вместо `npm {subcommand}`: иначе скопированный {lockfile} (строка {line}) разрешается заново',
      frozen:
        'добавьте --frozen-lockfile к `{command}`: иначе скопированный {lockfile} (строка {line}) разрешается заново',
    },
  },
  'non-default-package-index': {
    summary:
      'Пакеты ставятся с зеркала или индекса, отличного от стандартного для экосистемы (pip, npm, apk, apt).',
    messages: {
      default:
        'пакеты берутся с {host} ({via}) вместо {standard}: сборка зависит от того, доступно ли это зеркало и синхронизировано ли оно',
    },
    values: {
      via: {
        'pip configuration': 'конфигурация pip',
        '{file} rewritten by sed': '{file}, изменённый через sed',
      },
    },
  },
  'npm-pin-versions': {
    summary: '`npm install <package>` без версии.',
    messages: { default: 'зафиксируйте версию {packages} (`npm install <package>@<version>`)', scope: SCOPE },
    values: LISTS,
  },
  'package-update-alone': {
    summary:
      'Обновление индекса пакетов (`apt-get update`, `apk update`, `dnf makecache`, `zypper refresh`) без установки после него в том же RUN.',
    messages: {
      default:
        'после `{command}` в этом RUN нет установки: его кешированный слой устаревает; обновляйте и устанавливайте в одном RUN',
      later:
        'после `{command}` в этом RUN нет установки: для `{later}` в строке {line} его кешированный слой устаревает; обновляйте и устанавливайте в одном RUN',
    },
  },
  'package-upgrade': {
    summary:
      'Обновление всех пакетов системы (`apt-get upgrade`, `apk upgrade`, `dnf upgrade`, …) в Dockerfile.',
    messages: {
      default:
        '`{command}` обновляет всю систему прямо при сборке: лучше пересоберите образ на свежем базовом образе',
      dist: '`{command}` может перевести образ на другой выпуск дистрибутива: лучше возьмите более новый базовый образ',
    },
  },
  'pip-no-cache-dir': {
    summary: '`pip install`, который оставляет кеш загрузок в образе.',
    messages: {
      default:
        'добавьте --no-cache-dir к `pip install` (или смонтируйте кеш на ~/.cache/pip): иначе кеш загрузок остаётся в слое',
      falsy:
        'PIP_NO_CACHE_DIR={value} всё равно отключает кеш (pip так поступает при любом значении): напишите PIP_NO_CACHE_DIR=1, чтобы файл говорил то, что происходит на деле',
    },
  },
  'pip-pin-versions': {
    summary: '`pip install` (или `pipx install`) пакетов без версии.',
    messages: {
      default:
        'зафиксируйте версию {packages} (`{tool} install <package>==<version>`) или ставьте пакеты из файла requirements',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'source-copied-before-dependencies': {
    summary:
      'Весь исходный код копируется до установки зависимостей, поэтому любое изменение кода переустанавливает все зависимости.',
    messages: {
      default:
        'здесь все исходники копируются до `{install}` (строка {line}): любое изменение перезапускает установку; сначала скопируйте {manifests}, установите зависимости, затем скопируйте остальное',
    },
    values: {
      manifests: { 'the project files': 'файлы проекта', '{first} and {second}': '{first} и {second}' },
    },
  },
  'unused-curl-wget': {
    summary: '`curl` или `wget` установлен в итоговом образе, но ничем в Dockerfile не используется.',
    messages: {
      default:
        '`{name}` установлен в итоговом образе, но здесь ничем не используется: уберите его (проверку работоспособности можно сделать средствами языковой среды выполнения)',
    },
  },
  'useradd-no-log-init': {
    summary: '`useradd` с большим UID и без `-l` (`--no-log-init`).',
    messages: {
      default: 'добавьте -l к `useradd`: с UID {uid} файлы lastlog и faillog становятся огромными',
    },
  },
  'yarn-cache-clean': {
    summary: '`yarn install` (или `yarn add`) без `yarn cache clean` в том же RUN.',
    messages: {
      default:
        'добавьте `yarn cache clean` после `yarn {subcommand}` в этом RUN: иначе кеш пакетов остаётся в слое',
    },
  },
  'yum-clean-all': {
    summary: '`yum install` без `yum clean all` после него в том же RUN.',
    messages: { default: CLEAN_ALL },
  },
  'yum-pin-versions': {
    summary: '`yum install` пакетов без версии.',
    messages: {
      default: 'зафиксируйте версию {packages} (`{tool} install <package>-<version>`)',
      module: 'зафиксируйте поток {packages} (`{tool} module install <module>:<stream>`)',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'yum-yes': {
    summary: '`yum install` (или другая подкоманда, задающая вопросы) без `-y`.',
    messages: { default: YES },
  },
  'zypper-clean': {
    summary: '`zypper install` без `zypper clean` после него в том же RUN.',
    messages: {
      default:
        'добавьте `zypper clean --all` после `zypper {subcommand}` в этом RUN: иначе кеш пакетов остаётся в слое',
    },
  },
  'zypper-dist-upgrade': {
    summary: '`zypper dist-upgrade` (`dup`) в Dockerfile.',
    messages: {
      default: 'не запускайте `zypper {subcommand}` при сборке: возьмите более новый базовый образ',
    },
  },
  'zypper-non-interactive': {
    summary: '`zypper install` (или другая подкоманда, задающая вопросы) без неинтерактивного ключа.',
    messages: {
      default:
        'добавьте -n (или -y) к `zypper {subcommand}`: при сборке некому ответить на запрос подтверждения',
    },
  },
  'zypper-pin-versions': {
    summary: '`zypper install` пакетов без версии.',
    messages: {
      default: 'зафиксируйте версию {packages} (`zypper install <package>=<version>`)',
      scope: SCOPE,
    },
    values: LISTS,
  },
};
