import type { RuleTranslations } from '../types.js';
import { LIST_RU, PARSE_PROBLEMS_RU } from './values.js';

const REPLACES =
  'эта инструкция {keyword} перекрывает {keyword} из строки {line}, поэтому та ни на что не влияет';

/** Dockerfile rules DA1xxx (syntax), DA3xxx (security) and DA4xxx (stages, commands, runtime, labels). */
export const DOCKERFILE_INSTRUCTIONS_RU: RuleTranslations = {
  'add-instead-of-copy': {
    summary: '`ADD` локальных файлов или папок, которые не являются архивами: используйте `COPY`.',
    messages: {
      default: 'для локальных файлов и папок используйте COPY: ADD "{source}" просто копирует его',
    },
  },
  'cd-in-run': {
    summary: '`cd` в RUN вместо `WORKDIR`.',
    messages: { default: 'для смены каталога используйте WORKDIR, а не `cd`' },
  },
  'cmd-shell-form': {
    summary: 'CMD, ENTRYPOINT или HEALTHCHECK CMD в shell-форме вместо JSON-формы (exec).',
    messages: { default: 'запишите {keyword} в JSON-форме, например {keyword} ["executable", "arg"]' },
  },
  'copy-dest-not-dir': {
    summary: 'COPY или ADD нескольких источников в путь назначения, который не оканчивается на `/`.',
    messages: {
      default: 'при копировании нескольких источников путь назначения "{dest}" должен оканчиваться на /',
    },
  },
  'copy-from-own-stage': {
    summary: '`COPY --from` ссылается на тот же этап, в котором находится.',
    messages: { default: 'COPY --from={ref} ссылается на собственный этап' },
  },
  'copy-from-root': {
    summary: '`COPY --from` всей файловой системы (`/`) в `/`.',
    messages: { default: 'копируйте только то, что нужно приложению, а не всю файловую систему "{ref}"' },
  },
  'copy-from-unknown-stage': {
    summary: '`COPY --from` не ссылается ни на один предыдущий этап (и не похоже на образ).',
    messages: {
      default: 'до этого COPY нет этапа с именем "{ref}"; если это образ, укажите тег ({ref}:<tag>)',
      later: 'этап "{ref}" определён после этого COPY: перенесите его выше',
      index: 'до этого COPY нет этапа {ref}',
    },
  },
  'copy-relative-no-workdir': {
    summary: 'COPY в относительный путь, когда на этапе не задан WORKDIR.',
    messages: { default: 'задайте WORKDIR перед копированием в относительный путь "{dest}"' },
  },
  'duplicate-stage-name': {
    summary: 'Два этапа с одинаковым именем.',
    messages: { default: 'имя этапа "{name}" уже используется в строке {line}' },
  },
  'empty-continuation-line': {
    summary: 'Пустая строка внутри продолжаемой инструкции.',
    messages: { default: 'пустая строка внутри продолжаемой инструкции (устарело; удалите её)' },
  },
  'env-self-reference': {
    summary: 'Значение ENV использует переменную, заданную ранее в той же инструкции ENV.',
    messages: {
      default: 'здесь у ${name} ещё старое значение: переменная задаётся в этой же ENV; разделите инструкцию',
    },
  },
  'eof-in-continuation': {
    summary: 'Файл заканчивается продолжением строки.',
    messages: {
      default: 'файл обрывается внутри продолжаемой инструкции: не потерялась ли последняя строка?',
    },
  },
  'expose-port-range': {
    summary: 'EXPOSE с портом вне диапазона 0–65535 или вовсе не портом.',
    messages: {
      default: 'порт {port} вне диапазона 0-65535',
      invalid: '"{item}" — не порт: пишите PORT или PORT-PORT, при необходимости с /tcp, /udp или /sctp',
    },
  },
  'from-platform-flag': {
    summary: '`FROM --platform` с жёстко заданной платформой.',
    messages: {
      default: 'не фиксируйте платформу FROM как "{platform}"; используйте $BUILDPLATFORM или уберите флаг',
    },
  },
  'healthcheck-missing': {
    summary: 'В итоговом образе нет HEALTHCHECK (по умолчанию выключено).',
    messages: { default: 'в образе нет HEALTHCHECK (напишите HEALTHCHECK NONE, если проверка не нужна)' },
  },
  'inline-ignore-pragma': {
    summary: 'Встроенная директива `# hadolint ignore=` или `# dockaudit ignore=` (по умолчанию выключено).',
    messages: { default: 'избегайте встроенных директив ignore; перечислите исключения в конфигурации' },
  },
  'instruction-order': {
    summary: 'Инструкция, отличная от ARG, перед первым FROM.',
    messages: { default: '{keyword} перед первым FROM: до FROM допускается только ARG' },
  },
  'invalid-instruction': {
    summary: 'У инструкции или директивы парсера аргументы, которые BuildKit отвергает.',
    messages: { default: '{problem}' },
    values: { problem: PARSE_PROBLEMS_RU },
  },
  'label-empty': {
    summary: 'Метке из схемы меток присвоено пустое значение.',
    messages: { default: 'метка "{label}" пуста' },
  },
  'label-key-invalid': {
    summary:
      'Ключ метки нарушает формат ключей Docker или использует пространство имён, зарезервированное Docker.',
    messages: {
      default:
        'недопустимый ключ метки "{key}": используйте строчные буквы, цифры, "." и "-", начиная с буквы',
      reserved: 'ключ метки "{key}" использует пространство имён, зарезервированное Docker',
      separators: 'в ключе метки "{key}" идут подряд несколько разделителей',
    },
  },
  'label-missing': {
    summary: 'На этапе отсутствует метка, обязательная по схеме меток.',
    messages: { default: 'отсутствует метка "{label}"' },
  },
  'label-not-email': {
    summary: 'Значение метки типа `email` из схемы меток не является адресом электронной почты (RFC 5322).',
    messages: { default: 'метка "{label}" не является адресом электронной почты (RFC 5322): "{value}"' },
  },
  'label-not-git-hash': {
    summary: 'Значение метки типа `hash` из схемы меток не является хешем коммита git.',
    messages: { default: 'метка "{label}" не является хешем коммита git: "{value}"' },
  },
  'label-not-in-schema': {
    summary: 'При `strict-labels` — метка, которой нет в схеме меток.',
    messages: { default: 'метки "{label}" нет в схеме меток' },
  },
  'label-not-rfc3339': {
    summary: 'Значение метки типа `rfc3339` из схемы меток не является датой и временем в формате RFC 3339.',
    messages: { default: 'метка "{label}" не является датой и временем в формате RFC 3339: "{value}"' },
  },
  'label-not-semver': {
    summary: 'Значение метки типа `semver` из схемы меток не является семантической версией.',
    messages: { default: 'метка "{label}" не является семантической версией: "{value}"' },
  },
  'label-not-spdx': {
    summary: 'Значение метки типа `spdx` из схемы меток не является выражением лицензии SPDX.',
    messages: { default: 'метка "{label}" не является выражением лицензии SPDX: "{value}"' },
  },
  'label-not-url': {
    summary: 'Значение метки типа `url` из схемы меток не является URL (RFC 3986).',
    messages: { default: 'метка "{label}" не является URL (RFC 3986): "{value}"' },
  },
  'latest-tag': {
    summary: 'Базовый образ привязан к тегу `latest`.',
    messages: { default: 'зафиксируйте версию вместо "{image}": latest меняется незаметно для вас' },
  },
  'ln-bin-sh': {
    summary: 'RUN подменяет /bin/sh символической ссылкой, чтобы сменить оболочку.',
    messages: { default: 'меняйте оболочку по умолчанию через SHELL, а не перелинковкой /bin/sh' },
  },
  'maintainer-deprecated': {
    summary: 'Устаревшая инструкция `MAINTAINER`.',
    messages: {
      default: 'инструкция MAINTAINER устарела: используйте LABEL org.opencontainers.image.authors',
    },
  },
  'multiple-cmd': {
    summary: 'Больше одной `CMD` на этапе.',
    messages: { default: REPLACES },
  },
  'multiple-entrypoint': {
    summary: 'Больше одной `ENTRYPOINT` на этапе.',
    messages: { default: REPLACES },
  },
  'multiple-healthcheck': {
    summary: 'Больше одной `HEALTHCHECK` на этапе.',
    messages: { default: REPLACES },
  },
  'onbuild-invalid-trigger': {
    summary: '`ONBUILD` с триггером `ONBUILD`, `FROM` или `MAINTAINER`.',
    messages: { default: '{trigger} не может быть триггером ONBUILD' },
  },
  'pipe-without-pipefail': {
    summary: 'RUN с конвейером (pipe), оболочка которого не задаёт `pipefail`.',
    messages: {
      default:
        'включите pipefail перед этим конвейером (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`): иначе сбой до последней команды останется незамеченным',
    },
  },
  'pointless-command': {
    summary:
      'RUN вызывает команду, которая не имеет смысла при сборке: ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.',
    messages: { default: '`{command}` не имеет смысла на шаге сборки' },
  },
  'redundant-target-platform': {
    summary: '`FROM --platform=$TARGETPLATFORM` — FROM и так делает именно это.',
    messages: {
      default:
        '--platform=$TARGETPLATFORM — значение по умолчанию; удалите его (или вы имели в виду $BUILDPLATFORM?)',
    },
  },
  'reserved-stage-name': {
    summary: 'Этап с именем `scratch` или `context`.',
    messages: { default: '"{name}" — зарезервированное слово; дайте этапу другое имя' },
  },
  shellcheck: {
    summary:
      'Замечания ShellCheck в скриптах RUN (с `lint --shellcheck` и установленной программой shellcheck).',
    messages: { default: 'SC{sc}: {message}' },
  },
  'unknown-instruction': {
    summary: 'Строка начинается с чего-то, что не является инструкцией Dockerfile.',
    messages: {
      default: 'неизвестная инструкция "{word}": может быть, выше не хватает продолжения строки (\\)?',
    },
  },
  'untagged-image': {
    summary: 'Базовый образ без тега и без дайджеста.',
    messages: { default: 'укажите тег для "{image}": без него Docker скачивает latest' },
  },
  'unterminated-heredoc': {
    summary: 'Heredoc (`<<EOF`) так и не закрыт строкой-терминатором.',
    messages: { default: 'heredoc <<{name} не закрыт: добавьте строку, содержащую только "{name}"' },
  },
  'untrusted-registry': {
    summary: 'Образ из реестра, которого нет в `trustedRegistries`.',
    messages: { default: 'образ "{image}" берётся из {registry}, а этот реестр не входит в доверенные' },
  },
  'user-not-numeric': {
    summary: 'USER с именем пользователя или группы вместо числового идентификатора.',
    messages: { default: 'используйте числовой UID (и GID) вместо "{user}"' },
  },
  'wget-progress': {
    summary: 'GNU `wget` без `--progress` (и без тихого режима или файла журнала).',
    messages: {
      default:
        'добавьте --progress=dot:giga (или -q, -nv) к `wget`: точечный индикатор прогресса засоряет журнал сборки',
    },
  },
  'workdir-relative': {
    summary: 'Относительный `WORKDIR` до первого абсолютного на этапе.',
    messages: {
      default: 'используйте абсолютный WORKDIR: "{path}" зависит от рабочего каталога базового образа',
    },
  },
  'base-image-platform': {
    summary: '`FROM --platform=` указывает платформу, для которой базовый образ не публикуется.',
    messages: {
      default:
        '{image} публикуется только для {platforms}: --platform={platform} не подходит ни к одному варианту',
    },
    values: { platforms: LIST_RU },
  },
  'consistent-instruction-casing': {
    summary: 'Ключевое слово инструкции записано не в том регистре, что большинство ключевых слов файла.',
    messages: {
      default: '"{keyword}" следует писать {casing}, как большинство инструкций этого файла: "{expected}"',
    },
    values: { casing: { lowercase: 'строчными буквами', uppercase: 'прописными буквами' } },
  },
  'copy-ignored-file': {
    summary:
      'COPY или ADD указывает путь, который .dockerignore исключает из контекста сборки (только с `lint --context DIR`).',
    messages: { default: 'источник {keyword} "{source}" исключён .dockerignore: сборщик его не получит' },
  },
  'definition-description': {
    summary: 'Комментарий прямо над ARG или именованным FROM не следует соглашению `# <name> <description>`.',
    messages: {
      default:
        'комментарий прямо над {instruction} — его описание, и он должен начинаться с имени: `# {name} <description>` (или оставьте между ними пустую строку)',
    },
  },
  'expose-invalid-format': {
    summary: 'EXPOSE с IP-адресом или портом хоста (`EXPOSE 8080:80`, `EXPOSE 127.0.0.1:80:80`).',
    messages: {
      host: 'EXPOSE {spec} задаёт порт хоста: EXPOSE объявляет только порт контейнера ({port}); публикуйте через `docker run -p`',
      ip: 'EXPOSE {spec} задаёт IP-адрес и порт хоста: EXPOSE объявляет только порт контейнера ({port}); публикуйте через `docker run -p`',
    },
  },
  'expose-proto-casing': {
    summary: 'Протокол в EXPOSE записан не строчными буквами (`EXPOSE 53/UDP`).',
    messages: { default: 'протокол "{proto}" в EXPOSE {spec} следует писать строчными: "{lower}"' },
  },
  'from-as-casing': {
    summary: 'Ключевое слово `AS` в `FROM` записано не в том же регистре, что `FROM`.',
    messages: { default: '"{as}" должно совпадать по регистру с "{from}": напишите "{expected}"' },
  },
  'from-platform-constant': {
    summary: '`FROM --platform=` с постоянной платформой на этапе, имя которого её не упоминает.',
    messages: {
      default: '--platform — константа "{platform}": этап игнорирует платформу, запрошенную сборкой',
    },
  },
  'invalid-default-arg-in-from': {
    summary: 'FROM, который без `--build-arg` превращается в пустое или недопустимое имя образа.',
    messages: {
      default:
        'со значениями ARG по умолчанию этот FROM читается как "{value}", а это недопустимое имя образа',
      empty: 'со значениями ARG по умолчанию этот FROM вообще не называет образ',
    },
  },
  'legacy-key-value-format': {
    summary: '`ENV key value` или `LABEL key value`: устаревшая форма без `=`.',
    messages: { default: 'используйте "{keyword} {key}=…" вместо устаревшей формы "{keyword} {key} …"' },
  },
  'stage-name-casing': {
    summary: 'Имя этапа (`FROM … AS name`) записано не только строчными буквами.',
    messages: { default: 'имя этапа "{name}" следует писать строчными: "{lower}"' },
  },
  'undefined-arg-in-from': {
    summary: 'Строка FROM использует переменную, которую не объявляет ни один ARG до первого FROM.',
    messages: {
      default: 'FROM использует ${name}, но её не объявляет ни один ARG до первого FROM',
      suggest:
        'FROM использует ${name}, но её не объявляет ни один ARG до первого FROM (может быть, ${suggestion}?)',
    },
  },
  'undefined-variable': {
    summary:
      'Переменная в COPY, ADD, ENV, LABEL, ARG, EXPOSE, USER, WORKDIR, VOLUME или STOPSIGNAL (или в их флагах), которую ничто не объявляет.',
    messages: {
      default: '${name} не определена: BuildKit подставит пустую строку',
      suggest: '${name} не определена (может быть, ${suggestion}?)',
      later: '${name} используется раньше, чем этот этап её объявляет (строка {line}): сначала объявите её',
      sameEnv:
        '${name} задаётся в этой же ENV, а BuildKit раскрывает переменные до того, как что-либо задать: задайте её в более ранней ENV',
      global: '${name} — глобальный ARG, а этап его не видит: добавьте `ARG {name}` в этот этап',
    },
  },
};
