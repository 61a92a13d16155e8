import { selections, withArticles } from '../tables.js';
import type { RuleTranslations, ValueTable } from '../types.js';
import { SECRETS_RU } from './values.js';

/** The secret detector's descriptions, also with the English article the Dockerfile rules add. */
const DESCRIPTIONS: ValueTable = {
  ...SECRETS_RU,
  ...withArticles(SECRETS_RU),
  'a password': 'пароль',
  'an account password': 'пароль учётной записи',
  'a hard-coded value': 'жёстко заданное значение',
};

/** Dockerfile security rules (DA3xxx) and runtime, stage and size rules (DA42xx). */
export const DOCKERFILE_SECURITY_RU: RuleTranslations = {
  'add-url-checksum': {
    summary: '`ADD` HTTP(S)-адреса без `--checksum`.',
    messages: {
      default:
        'ADD скачивает {url} без --checksum: закрепите его sha256, чтобы изменившийся файл ломал сборку',
    },
  },
  'broad-copy-no-dockerignore': {
    summary:
      '`COPY . .` (или `ADD . …`) в финальный образ из контекста сборки, в котором нет `.dockerignore`.',
    messages: {
      default:
        '{keyword} {source} копирует в образ весь контекст сборки, а .dockerignore нет{found}: добавьте его (.git, .env*, node_modules, tests) или копируйте только то, что нужно',
    },
    values: {
      found: selections(
        [
          ['.git', '.git'],
          ['.env files', 'файлы .env'],
          ['node_modules', 'node_modules'],
          ['a virtualenv', 'виртуальное окружение'],
        ],
        (list) => ` (it would take ${list})`,
        (list) => ` (в образ попадут ${list})`,
        ', ',
      ),
    },
  },
  'chown-after-copy': {
    summary: '`RUN chown -R` сразу после COPY/ADD того же пути вместо `COPY --chown`.',
    messages: {
      default:
        '`{command} {owner}` сразу после {keyword} сохраняет скопированные файлы второй раз: копируйте их через `{keyword} --chown={owner}`',
      root: '{keyword} и так создаёт файлы, принадлежащие root: `{command} {owner}` сразу после него лишь сохраняет их второй раз; удалите его',
    },
  },
  'copy-from-abi-mismatch': {
    summary:
      'COPY --from пакетов интерпретатора или нативных библиотек (site-packages, виртуальное окружение, wheel-файлы, node_modules, файлы `.so`) между этапами, базовые образы которых различаются библиотекой C (glibc в `-slim`/Debian/Ubuntu и musl в `-alpine`) или версией языка (python:3.11 → python:3.12).',
    messages: {
      libc: 'COPY --from={from} копирует {what}, собранные на {source} ({sourceLibc}), в {target} ({targetLibc}): нативный код, скомпонованный с {sourceLibc}, не загрузится на {targetLibc}; используйте на обоих этапах одно семейство базовых образов',
      python:
        'COPY --from={from} копирует пакеты Python {sourceVersion} в образ с Python {targetVersion}: их нет в его путях поиска, а скомпилированные не совпадают с его ABI; используйте на обоих этапах одну версию Python',
      node: 'COPY --from={from} копирует node_modules, собранные под Node.js {sourceVersion}, в Node.js {targetVersion}: нативные модули собираются под один ABI Node; используйте на обоих этапах одну мажорную версию',
    },
    values: { what: { 'Python packages': 'пакеты Python', 'native libraries': 'нативные библиотеки' } },
  },
  'copy-from-missing-path': {
    summary: 'COPY --from=<stage> пути, который на том этапе ничто не создаёт (когда это можно установить).',
    messages: {
      default:
        'COPY --from={from} {path}: на этапе {from} ничто не создаёт /{top}{hint}; сборка упадёт с ошибкой "not found"',
    },
    values: { hint: { ' (its WORKDIR is {dir})': ' (его WORKDIR — {dir})' } },
  },
  'dev-server': {
    summary:
      'Образ запускает сервер для разработки (`flask run`, `manage.py runserver`, `uvicorn --reload`, `npm run dev`, `nodemon`, `ng serve`, `vite`, `webpack-dev-server` …).',
    messages: { default: '{keyword} запускает сервер для разработки ({what}): {advice}' },
    values: {
      advice: {
        'build the app and serve the output (node server, nginx) with NODE_ENV=production':
          'соберите приложение и отдавайте результат сборки (node-сервер, nginx) с NODE_ENV=production',
        'serve the app with gunicorn or waitress': 'запускайте приложение через gunicorn или waitress',
        'serve the app with gunicorn or uvicorn': 'запускайте приложение через gunicorn или uvicorn',
        'serve static files with nginx or a real web server':
          'отдавайте статические файлы через nginx или полноценный веб-сервер',
        'drop --reload: it watches files and restarts workers, for development only':
          'уберите --reload: он следит за файлами и перезапускает воркеры — это только для разработки',
        'run `{command}` and serve {dir} with nginx': 'выполните `{command}` и отдавайте {dir} через nginx',
        'run `{tool} build` and `{tool} start` (or serve the output)':
          'выполните `{tool} build` и `{tool} start` (или отдавайте результат сборки)',
        'build the site and serve it with nginx': 'соберите сайт и отдавайте его через nginx',
        'serve the app with php-fpm behind nginx': 'запускайте приложение в php-fpm за nginx',
        'publish the app and run the published DLL':
          'опубликуйте приложение (publish) и запускайте опубликованную DLL',
      },
    },
  },
  'expose-admin-port': {
    summary:
      'EXPOSE порта удалённого администрирования (22 SSH, 23 Telnet, 2375/2376 Docker API, 3389 RDP, 5985/5986 WinRM, 10250 kubelet, 5900/5901 VNC).',
    messages: { default: 'EXPOSE {port} открывает {service}: {advice}' },
    values: {
      service: {
        'the unencrypted Docker API': 'незашифрованный Docker API',
        'the Docker API': 'Docker API',
        'the kubelet API': 'API kubelet',
      },
      advice: {
        'administer containers with `docker exec` / `kubectl exec`, not an SSH server (unless SSH is the service itself, as in a git server)':
          'администрируйте контейнеры через `docker exec` / `kubectl exec`, а не через SSH-сервер (если только SSH не является самим сервисом, как в git-сервере)',
        'Telnet sends passwords in clear text; remove it':
          'Telnet передаёт пароли открытым текстом; уберите его',
        'whoever reaches it owns the host': 'кто до него доберётся, тот получит хост',
        'do not run a remote desktop in a production image':
          'не запускайте удалённый рабочий стол в продакшн-образе',
        'use `docker exec` instead of remote management':
          'используйте `docker exec` вместо удалённого управления',
        'a kubelet port in an image is almost always a mistake':
          'порт kubelet в образе — почти всегда ошибка',
        'keep remote desktops to debug images': 'удалённому рабочему столу место только в отладочных образах',
      },
    },
  },
  'final-inherits-build-tools': {
    summary:
      'В многоэтапной сборке финальный образ работает на образе с инструментарием сборки (golang, rust, maven, gradle, gcc, .NET SDK) — напрямую или через `FROM <stage>`.',
    messages: {
      default:
        'финальный этап работает на {image} — образе с инструментарием сборки, хотя сборка идёт на других этапах: начните с runtime-образа (slim, JRE, distroless) и скопируйте артефакты через COPY --from',
    },
  },
  'final-inherits-secret': {
    summary:
      'Финальный этап собирается FROM этапа, который задал ENV с «секретным» именем или использовал в RUN аргумент сборки с таким именем: финальный образ его унаследует.',
    messages: {
      env: 'финальный образ наследует ENV {name} от этапа {stage}: значение хранится в его конфигурации; начните с чистого базового образа и скопируйте нужное через COPY --from={stage}',
      arg: 'финальный образ наследует слои этапа {stage}, история которых хранит аргумент сборки {name} (его использует RUN на том этапе); начните с чистого базового образа и используйте RUN --mount=type=secret',
    },
  },
  'final-stage-root': {
    summary: 'Финальный этап нигде не задаёт USER, поэтому контейнер работает от root.',
    messages: {
      default:
        'финальный образ работает от root: на его этапе (от {image}) нет USER; создайте непривилегированного пользователя и переключитесь на него через USER',
    },
  },
  'missing-healthcheck': {
    summary:
      'Образ сервиса (EXPOSE, команда сервера или серверный базовый образ), у финального этапа которого нет HEALTHCHECK.',
    messages: {
      default:
        'у этого образа сервиса нет HEALTHCHECK ({why}): никто не заметит, что он завис; добавьте проверку, например `HEALTHCHECK CMD {probe}`',
    },
    values: {
      why: { 'it runs {program}': 'он запускает {program}', '{name} serves': '{name} — серверный образ' },
      probe: {
        '<a command the image already has: pg_isready, redis-cli ping, wget -q --spider http://localhost:PORT/ …>':
          '<команда, которая уже есть в образе: pg_isready, redis-cli ping, wget -q --spider http://localhost:PORT/ …>',
      },
    },
  },
  'no-exec-main-process': {
    summary:
      'CMD/ENTRYPOINT запускает главный процесс через `sh -c "…"` (или скрипт в shell-форме) без `exec`.',
    messages: {
      default:
        '{keyword} запускает `{program}` через {how} без exec: оболочка остаётся PID 1 и не передаёт SIGTERM; запускайте его как `exec {program}`',
    },
    values: { how: { 'the shell form': 'shell-форму' } },
  },
  'pipe-to-shell': {
    summary:
      'Скрипт скачивается и сразу запускается (`curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`).',
    messages: {
      default:
        'вывод {downloader} без проверки выполняет {shell}: скачайте его в файл, сверьте SHA-256 и только потом запускайте',
    },
  },
  'python-unbuffered': {
    summary: 'Образ Python (или финальный этап, запускающий Python) без `ENV PYTHONUNBUFFERED=1`.',
    messages: {
      default:
        'в этом {why} нет PYTHONUNBUFFERED: логи приходят с опозданием, а последние строки при падении теряются; добавьте ENV PYTHONUNBUFFERED=1',
    },
    values: {
      why: { 'Python image': 'образе Python', 'image that runs Python': 'образе, запускающем Python,' },
    },
  },
  'secret-arg-env-name': {
    summary:
      'ARG или ENV, имя которого говорит, что в нём секрет (пароль, токен, API-ключ, secret, credentials).',
    messages: {
      ARG: 'ARG {name} похож на секрет: аргументы сборки сохраняются в истории образа; используйте RUN --mount=type=secret',
      ENV: 'ENV {name} похож на секрет: значения ENV хранятся в образе; передавайте его при запуске (или через RUN --mount=type=secret для сборки)',
    },
  },
  'secret-deleted-later': {
    summary:
      'Файл с секретом добавлен одной инструкцией и удалён более поздней: он всё равно остаётся в раннем слое.',
    messages: {
      default:
        '`rm` не удаляет {file}: он остаётся в слое строки {line} ({keyword}); используйте RUN --mount=type=secret (или --mount=type=ssh), чтобы он вообще не попадал в слой',
    },
  },
  'secret-file-copied': {
    summary:
      'COPY/ADD файла с секретами: закрытые ключи (`id_rsa`, `*.key`, `*.pem`), `.env`, `.npmrc`/`.pypirc`, облачные учётные данные (`.aws/credentials`, JSON сервисного аккаунта), kubeconfig, `.git-credentials`, `.netrc`, папка `.ssh`.',
    messages: {
      certain:
        '{keyword} копирует {file} ({description}) в слой, где он останется навсегда: для сборки используйте RUN --mount=type=secret, а для контейнера — секреты времени выполнения',
      likely:
        '{keyword} копирует {file} ({description}), а такие файлы часто содержат учётные данные: если это так, используйте RUN --mount=type=secret вместо копирования',
    },
    values: { description: SECRETS_RU },
  },
  'secret-in-command': {
    summary:
      'Пароль или токен записан в командной строке (`--password X`, `mysql -pX`, `docker login -p X`, `curl -u user:pass`, `aws configure set aws_secret_access_key X`, учётные данные в URL, `echo user:pass | chpasswd`, токены известных форматов).',
    messages: {
      default:
        '{carrier} передаёт секрет в командной строке ({description}, {redacted}), а она остаётся в истории образа: используйте RUN --mount=type=secret и читайте его из /run/secrets',
      account:
        'пароль учётной записи ({redacted}) задаётся литералом через `{carrier}`: войти сможет любой, у кого есть образ; задавайте его при запуске или заблокируйте учётную запись',
    },
    values: { carrier: { 'a URL': 'URL', 'a command': 'команда' }, description: DESCRIPTIONS },
  },
  'secret-value': {
    summary:
      'Жёстко заданные учётные данные в значении ARG по умолчанию, в ENV, LABEL или в heredoc (токены известных форматов, закрытые ключи, JWT, пароли в ключах с «секретными» именами, похожие на случайные значения).',
    messages: {
      default:
        '{where} содержит секрет ({description}, {redacted}): он сохраняется в образе; смените его и передавайте через RUN --mount=type=secret или при запуске',
    },
    values: { where: { 'the heredoc of {keyword}': 'heredoc в {keyword}' }, description: DESCRIPTIONS },
  },
  sudo: {
    summary: '`sudo` в инструкции RUN.',
    messages: { default: 'не используйте sudo при сборке: переключайте USER для шагов, которым нужен root' },
  },
  'tls-verify-disabled': {
    summary:
      'Для загрузок отключена проверка TLS, подписей или ключей хоста (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, индексы пакетов по `http://`, `npm config set strict-ssl false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `git -c http.sslVerify=false`, `PYTHONHTTPSVERIFY=0`, `apk --allow-untrusted`, `--nogpgcheck`, `StrictHostKeyChecking=no` …).',
    messages: {
      default:
        '{what} отключает {check}: любой, кто находится между сборкой и сервером, может подменить загружаемые файлы',
    },
    values: {
      what: { 'an APT source with [trusted=yes]': 'источник APT с [trusted=yes]' },
      check: {
        'TLS certificate verification': 'проверку TLS-сертификатов',
        'package signature verification': 'проверку подписей пакетов',
        'SSH host key verification': 'проверку ключей SSH-хостов',
      },
    },
  },
  'unused-stage': {
    summary:
      'Этап сборки, который не использует финальный этап (ни `FROM`, ни `COPY --from` / `RUN --mount=from=` — ни напрямую, ни через другие этапы).',
    messages: {
      default:
        'этап {stage} не используется финальным этапом: BuildKit его пропускает; удалите его или собирайте намеренно через --target',
    },
  },
  'user-root': {
    summary: 'Последний USER этапа — root.',
    messages: {
      default:
        'последний USER этого этапа — root ("{user}"): после шагов, которым нужен root, переключитесь на непривилегированного пользователя',
    },
  },
  'workdir-system-folder': {
    summary:
      'Файлы приложения копируются прямо в системную папку (`WORKDIR /`, `/usr`, `/etc`, `/root`, `/bin` …, а затем `COPY … .`).',
    messages: {
      default:
        'WORKDIR {dir} — системная папка, а COPY ниже записывает в неё файлы приложения: дайте приложению собственную папку, например /app',
    },
  },
  'world-writable': {
    summary:
      'Файлы, доступные на запись всем пользователям (`chmod 777`, `chmod -R a+w`, `o+w`, `COPY --chmod=777`).',
    messages: {
      default:
        'режим {mode} делает файлы доступными на запись всем пользователям: передайте владение пользователю, который пишет (chown), и используйте 755/644',
    },
  },
};
