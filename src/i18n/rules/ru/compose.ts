import type { RuleTranslations } from '../types.js';
import { INTERPOLATION_RU, SECRETS_RU } from './values.js';

/** Compose rules (DA5xxx). */
export const COMPOSE_RU: RuleTranslations = {
  'compose-invalid-interpolation': {
    summary: 'Выражение `${…}`, которое Compose не может подставить.',
    messages: { default: '{message}' },
    values: { message: INTERPOLATION_RU },
  },
  'compose-legacy-format': {
    summary: 'Сервисы описаны на верхнем уровне (формат Compose v1), без `services:`.',
    messages: {
      default:
        'сервисы на верхнем уровне (формат v1) `docker compose` не читает; перенесите их в `services:`',
    },
  },
  'compose-version-obsolete': {
    summary: 'Ключ верхнего уровня `version` устарел.',
    messages: { default: '`version` устарел и игнорируется Compose; удалите его' },
  },
  'service-cap-add': {
    summary: 'Сервис добавляет capabilities Linux: опасную или любую, не отбросив сначала все остальные.',
    messages: {
      dangerous: 'сервис {service}: `cap_add: {capability}` даёт capability, позволяющую управлять хостом',
      notDropped:
        'сервис {service}: `cap_add: {capability}` добавляет к набору capabilities по умолчанию; сначала отбросьте ALL, затем верните только нужное',
    },
  },
  'service-cap-drop-all-missing': {
    summary:
      'Сервис сохраняет capabilities Linux по умолчанию вместо того, чтобы отбросить все (`cap_drop: [ALL]`).',
    messages: {
      default: 'сервис {service}: добавьте `cap_drop: [ALL]` (и в `cap_add` только то, что ему нужно)',
    },
  },
  'service-database-port-published': {
    summary: 'Порт базы данных, кеша или поискового движка опубликован на всех интерфейсах хоста.',
    messages: { default: 'сервис {service}: порт {database} {port} опубликован на всех интерфейсах хоста' },
  },
  'service-depends-on-without-healthy-condition': {
    summary: '`depends_on` ждёт только запуска зависимости, хотя у неё есть проверка работоспособности.',
    messages: {
      default:
        'сервис {service}: зависит от {dependency}, у которого есть healthcheck; используйте `condition: service_healthy`',
    },
  },
  'service-docker-socket-mount': {
    summary: 'Сервис монтирует сокет Docker (или containerd, CRI-O, Podman).',
    messages: {
      default: 'сервис {service}: монтирование {source} даёт контейнеру права root на хосте',
      target: 'сервис {service}: монтирует сокет хоста в {target}, что даёт контейнеру права root на хосте',
    },
  },
  'service-healthcheck-missing': {
    summary: 'У сервиса нет проверки работоспособности (ни в compose-файле, ни в собираемом им Dockerfile).',
    messages: { default: 'сервис {service}: нет healthcheck' },
  },
  'service-host-namespace': {
    summary:
      'Сервис разделяет пространство имён хоста: `network_mode`, `pid`, `ipc`, `uts`, `userns_mode` или `cgroup` равно `host`.',
    messages: { default: 'сервис {service}: `{key}: host` открывает доступ к {what}' },
    values: {
      what: {
        "the host's network stack (every host port and interface, no isolation)":
          'сетевому стеку хоста (все порты и интерфейсы хоста, без изоляции)',
        "the host's processes (it can see and signal them)":
          'процессам хоста (контейнер видит их и может посылать им сигналы)',
        "the host's shared memory and IPC": 'разделяемой памяти и IPC хоста',
        "the host's hostname": 'имени хоста',
        "the host's user namespace (user namespace remapping is off for it)":
          'пространству имён пользователей хоста (переназначение user namespace для него отключено)',
        "the host's cgroup namespace": 'пространству имён cgroup хоста',
      },
    },
  },
  'service-image-unpinned': {
    summary: 'Сервис скачивает образ без тега или с тегом `latest`.',
    messages: {
      untagged:
        'сервис {service}: у образа "{image}" нет тега, поэтому это то, на что указывает `latest` в момент скачивания',
      latest: 'сервис {service}: образ "{image}" использует плавающий тег `latest`; зафиксируйте версию',
    },
  },
  'service-logging-unbounded': {
    summary: 'Журналы сервиса растут без ограничений: драйвер json-file (по умолчанию) без `max-size`.',
    messages: {
      default:
        'сервис {service}: нет ограничений `logging`; драйвер json-file по умолчанию растёт без ограничений',
      noMaxSize: 'сервис {service}: журнал json-file без `max-size` растёт без ограничений',
    },
  },
  'service-no-new-privileges-missing': {
    summary: 'Сервис не задаёт `security_opt: [no-new-privileges:true]`.',
    messages: { default: 'сервис {service}: добавьте `security_opt: [no-new-privileges:true]`' },
  },
  'service-port-all-interfaces': {
    summary: 'Сервис публикует порт на всех интерфейсах хоста (адрес хоста не указан).',
    messages: { default: 'сервис {service}: порт {port} опубликован на всех интерфейсах хоста' },
  },
  'service-privileged-port': {
    summary: 'Сервис публикует привилегированный порт хоста (ниже 1024).',
    messages: { default: 'сервис {service}: порт хоста {port} — привилегированный (ниже 1024)' },
  },
  'service-privileged': {
    summary: 'Сервис работает в привилегированном режиме.',
    messages: { default: 'сервис {service}: `privileged: true` даёт контейнеру полный контроль над хостом' },
  },
  'service-read-only-missing': {
    summary: 'Корневая файловая система сервиса доступна на запись (не задано `read_only: true`).',
    messages: {
      default: 'сервис {service}: задайте `read_only: true` (и `tmpfs` для путей, в которые он пишет)',
      disabled:
        'сервис {service}: `read_only: false` оставляет корневую файловую систему доступной на запись',
    },
  },
  'service-resource-limits-missing': {
    summary: 'У сервиса нет ограничения памяти или CPU (`mem_limit`/`cpus` или `deploy.resources.limits`).',
    messages: { default: 'сервис {service}: нет ограничения {missing}' },
    values: { missing: { 'memory or CPU': 'памяти или CPU', memory: 'памяти', CPU: 'CPU' } },
  },
  'service-restart-policy-missing': {
    summary: 'У сервиса нет политики перезапуска (`restart` или `deploy.restart_policy`).',
    messages: { default: 'сервис {service}: нет политики перезапуска' },
  },
  'service-runs-as-root': {
    summary: 'Сервис работает от root: `user` равен root, либо не задан, а образ запускается от root.',
    messages: {
      explicit: 'сервис {service}: `user: {user}` запускает контейнер от root',
      image: 'сервис {service}: `user` не задан, а {source} запускается от root',
    },
    values: {
      source: {
        'the Dockerfile': 'его Dockerfile',
        'the Dockerfile (FROM {image})': 'его Dockerfile (FROM {image})',
      },
    },
  },
  'service-secret-in-environment': {
    summary: 'Секрет (пароль, токен, ключ) записан открытым текстом в `environment` или `build.args`.',
    messages: {
      named: 'сервис {service}: {name} содержит секрет, записанный прямо в файле; используйте `secrets:`',
      url: 'сервис {service}: {name} содержит URL с паролем, записанный прямо в файле; используйте `secrets:`',
      'connection-string':
        'сервис {service}: {name} содержит строку подключения с паролем, записанную прямо в файле; используйте `secrets:`',
      token:
        'сервис {service}: в {name} прямо в файле записан секрет ({description}); используйте `secrets:`',
    },
    values: { description: SECRETS_RU },
  },
  'service-security-profile-disabled': {
    summary: 'Сервис отключает seccomp, AppArmor, метки SELinux или маскирование системных путей.',
    messages: { default: 'сервис {service}: `{option}` отключает ограничение со стороны ядра' },
  },
  'service-sensitive-host-mount': {
    summary:
      'Сервис монтирует чувствительный путь хоста: системную папку, /proc, /sys, /dev, учётные данные или ключи.',
    messages: {
      default: 'сервис {service}: монтирует {source} хоста на чтение и запись',
      readOnly: 'сервис {service}: монтирует {source} хоста (только чтение)',
    },
  },
};
