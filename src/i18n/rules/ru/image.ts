import type { RuleTranslations } from '../types.js';
import { CACHE_FIXES_RU, CACHE_LABELS_RU, LAYER_RU, ORIGIN_RU, SECRETS_RU } from './values.js';

/** Image rules (DA7xxx) and vulnerability findings (DA8xxx). */
export const IMAGE_RU: RuleTranslations = {
  'image-efficiency-gate': {
    summary:
      'Образ не проходит CI-порог по показателям эффективности dive (только с --lowest-efficiency, --highest-wasted-bytes или --highest-user-wasted-percent).',
    messages: {
      efficiency: 'эффективность образа {value} ниже минимально допустимой {limit} (в определении dive)',
      wasted: 'потерянные байты {value} превышают максимально допустимые {limit} (в определении dive)',
      userWasted:
        'потерянные байты составляют {value} от байтов, добавленных поверх первого слоя, — больше допустимых {limit} (в определении dive)',
    },
  },
  'image-latest-tag': {
    summary: 'Образ помечен тегом `latest` или не помечен вовсе.',
    messages: { default: 'у образа тег {tag}; присвойте ему тег с версией', untagged: 'у образа нет тега' },
    values: { tag: { '{ref} (implicitly latest)': '{ref} (неявно latest)' } },
  },
  'image-layer-anomaly': {
    summary:
      'Слой повреждён так, что среды выполнения это терпят: повторяющиеся записи, циклы символических ссылок, whiteout несуществующего.',
    messages: {
      'duplicate-entry': '{path} встречается в этом слое больше одного раза (побеждает последняя копия)',
      'symlink-loop': '{path} — цикл символических ссылок (или цепочка длиннее 40 ссылок)',
      'whiteout-without-target': 'этот слой удаляет {path}, которого нет ни в одном нижележащем слое',
      more: 'не показано ещё аномалий слоёв: {count}',
    },
  },
  'image-no-healthcheck': {
    summary: 'В образе нет HEALTHCHECK.',
    messages: {
      default: 'в образе нет HEALTHCHECK',
      disabled: 'образ отключает проверку работоспособности (HEALTHCHECK NONE)',
      oci: 'в образе нет HEALTHCHECK (конфигурация образа OCI не может его хранить: собирайте в формате Docker, чтобы его сохранить)',
    },
  },
  'image-package-cache': {
    summary: 'Образ содержит кеши пакетных менеджеров или временные файлы.',
    messages: {
      default:
        'в образе осталось: {label}, {bytes} в {root} (файлов: {files}), добавлено этим шагом ({origin}); {fix}',
    },
    values: { label: CACHE_LABELS_RU, fix: CACHE_FIXES_RU, origin: ORIGIN_RU },
  },
  'image-runs-as-root': {
    summary: 'Процессы образа работают от root.',
    messages: {
      default:
        'образ запускается от root (нет инструкции USER); добавьте USER с непривилегированным пользователем',
      explicit: 'образ запускается от root (USER {user}); переключитесь на непривилегированного пользователя',
    },
  },
  'image-secret-file': {
    summary:
      'Слой образа содержит файл с секретом (закрытый ключ, учётные данные), даже если следующий слой его удаляет.',
    messages: {
      default: '{path} ({what}) находится в образе, добавлен этим шагом',
      deleted:
        '{path} ({what}), добавленный этим шагом, всё ещё можно извлечь из его слоя, хотя позже он удаляется ({by})',
      likely: '{path} похож на {what} (слишком велик, чтобы проверить содержимое), добавлен этим шагом',
    },
    values: { what: SECRETS_RU, by: LAYER_RU },
  },
  'image-secret-in-env': {
    summary: 'Переменная окружения образа содержит секрет.',
    messages: {
      default: 'ENV {name} содержит {what} ({redacted}); прочитать это может любой, кто скачает образ',
    },
    values: { what: SECRETS_RU },
  },
  'image-secret-in-history': {
    summary: 'История образа хранит секрет (аргумент сборки или значение в команде RUN).',
    messages: {
      buildArg:
        'аргумент сборки {name} с этого шага сохраняется в истории образа и содержит {what} ({redacted}); используйте RUN --mount=type=secret',
      command: 'этот шаг {keyword} записывает {what} ({redacted}) в историю образа',
    },
    values: { what: SECRETS_RU, keyword: { build: 'сборки' } },
  },
  'image-secret-in-label': {
    summary: 'Метка образа содержит секрет.',
    messages: { default: 'метка {name} содержит {what} ({redacted})' },
    values: { what: SECRETS_RU },
  },
  'image-setuid-file': {
    summary: 'В образе есть файлы с битами setuid или setgid.',
    messages: {
      default: '{path}: {bits} ({mode}); файл добавлен этим шагом ({origin})',
      base: 'файлы setuid/setgid из базового образа ({count}): {paths}',
    },
    values: { bits: { 'setuid and setgid': 'setuid и setgid' }, origin: ORIGIN_RU },
  },
  'image-ssh-server': {
    summary: 'В образе есть SSH-сервер, или он открывает порт 22.',
    messages: {
      default: 'в образе есть SSH-сервер ({path}, {origin})',
      port: 'образ открывает порт 22 (SSH)',
    },
    values: { origin: ORIGIN_RU },
  },
  'image-wasted-bytes': {
    summary:
      'Шаг добавляет файлы, которые следующий шаг удаляет или перезаписывает: эти байты всё равно попадают в образ.',
    messages: {
      deleted:
        '{bytes} в {root} (файлов: {files}), добавленные этим шагом, удаляются позже ({by}): они всё равно остаются в этом слое; удаляйте их на том же шаге',
      overwritten:
        '{bytes} в {root} (файлов: {files}), добавленные этим шагом, копируются заново позже ({by}; изменение содержимого или прав); сделайте это на этом шаге (COPY --chmod/--chown или один RUN)',
    },
    values: { by: LAYER_RU },
  },
  'image-world-writable': {
    summary: 'В образе есть файлы или папки, доступные на запись всем (хуже всего — в PATH).',
    messages: {
      default: '{path} доступен на запись всем ({mode}); права заданы этим шагом ({origin})',
      path: '{path} доступен на запись всем ({mode}) и находится в PATH: любой пользователь может подменить команду ({origin})',
    },
    values: { origin: ORIGIN_RU },
  },
  'vulnerable-package': {
    summary: 'Пакет в образе содержит известную уязвимость, исправленную в более новой версии.',
    messages: {
      default: 'уязвимость {id} ({level}){aliasText} затрагивает {package} {installed}: исправлено в {fixed}',
    },
  },
  'vulnerable-package-unfixed': {
    summary: 'Пакет в образе содержит известную уязвимость, для которой ещё нет исправленной версии.',
    messages: {
      default:
        'уязвимость {id} ({level}){aliasText} затрагивает {package} {installed}: исправленной версии пока нет',
    },
  },
  'vulnerability-db-stale': {
    summary: 'Локальная база уязвимостей старше допустимого возраста.',
    messages: {
      default: 'база уязвимостей последний раз обновлялась {age} дн. назад; выполните `dockaudit db update`',
    },
  },
  'vulnerability-db-missing-ecosystem': {
    summary: 'Пакеты образа не проверены, потому что в базе нет их экосистемы.',
    messages: {
      default: 'не проверено пакетов: {count} — в базе нет бюллетеней безопасности для {archives}',
    },
  },
};
