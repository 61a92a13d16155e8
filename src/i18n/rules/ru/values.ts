import type { ValueTable } from '../types.js';

/** Problems the Dockerfile reader reports (`invalid-instruction`'s `{problem}`). */
export const PARSE_PROBLEMS_RU: ValueTable = {
  'FROM requires the name of a base image': 'FROM требует имя базового образа',
  'FROM takes one image and optionally `AS name`': 'FROM принимает один образ и, необязательно, `AS name`',
  'SHELL requires a JSON array, e.g. SHELL ["/bin/bash", "-c"]':
    'SHELL требует JSON-массив, например SHELL ["/bin/bash", "-c"]',
  'RUN requires a command': 'RUN требует команду',
  'a JSON array of arguments must hold only strings': 'JSON-массив аргументов должен содержать только строки',
  'HEALTHCHECK CMD requires a command': 'HEALTHCHECK CMD требует команду',
  'HEALTHCHECK NONE takes no flags': 'HEALTHCHECK NONE не принимает флагов',
  'HEALTHCHECK NONE takes no arguments': 'HEALTHCHECK NONE не принимает аргументов',
  'HEALTHCHECK requires CMD or NONE': 'HEALTHCHECK требует CMD или NONE',
  'ARG requires a name': 'ARG требует имя',
  'ONBUILD requires an instruction': 'ONBUILD требует инструкцию',
  'unknown flag --{flag} for {keyword}': 'неизвестный флаг --{flag} для {keyword}',
  'unknown HEALTHCHECK type {type} (expected CMD or NONE)':
    'неизвестный тип HEALTHCHECK {type} (ожидается CMD или NONE)',
  '{keyword} requires at least one source and a destination':
    '{keyword} требует хотя бы один источник и путь назначения',
  '{keyword} requires at least one key=value pair': '{keyword} требует хотя бы одну пару key=value',
  '{keyword} requires at least one argument': '{keyword} требует хотя бы один аргумент',
  '{keyword} requires an argument': '{keyword} требует аргумент',
  '{keyword} {key} needs a value ({form} key=value)': 'для {keyword} {key} нужно значение ({form} key=value)',
  '{keyword}: "{word}" is not of the form key=value': '{keyword}: "{word}" не имеет вида key=value',
  'only one {name} parser directive can be used': 'допускается только одна директива парсера {name}',
  "invalid escape token '{token}': it must be ` or \\":
    "недопустимый символ экранирования '{token}': допускается только ` или \\",
  'invalid check option "{option}" (expected skip, error or experimental)':
    'недопустимый параметр check "{option}" (ожидается skip, error или experimental)',
  'invalid check option "{option}"': 'недопустимый параметр check "{option}"',
  'check option error={value} is not a boolean':
    'параметр check error={value} не является логическим значением',
};

/** Problems of Compose interpolation (`compose-invalid-interpolation`'s `{message}`). */
export const INTERPOLATION_RU: ValueTable = {
  'unterminated "${" in "{text}"': 'незакрытая "${" в "{text}"',
  'invalid interpolation "${{body}}": Compose supports only :- - :? ? :+ +':
    'недопустимая подстановка "${{body}}": Compose поддерживает только :- - :? ? :+ +',
  'invalid interpolation "${{body}}"': 'недопустимая подстановка "${{body}}"',
};

/** What the secret detector says it found (`src/secrets`): token formats, secret files, named values. */
export const SECRETS_RU: ValueTable = {
  'SSH private key': 'закрытый ключ SSH',
  'PuTTY private key': 'закрытый ключ PuTTY',
  'private key file': 'файл закрытого ключа',
  'private key': 'закрытый ключ',
  'PKCS#12 key store': 'хранилище ключей PKCS#12',
  'Java key store': 'хранилище ключей Java',
  'KeePass database': 'файл базы KeePass',
  'GnuPG secret key': 'секретный ключ GnuPG',
  'environment file': 'файл переменных окружения',
  'npm/yarn configuration with a registry token': 'файл конфигурации npm/yarn с токеном реестра',
  'PyPI configuration with credentials': 'файл конфигурации PyPI с учётными данными',
  'pip configuration with credentials in an index URL':
    'файл конфигурации pip с учётными данными в URL индекса',
  '.netrc with login passwords': '.netrc с паролями для входа',
  'Maven settings with server passwords': 'настройки Maven с паролями серверов',
  'Gradle properties with credentials': 'gradle.properties с учётными данными',
  'AWS credentials': 'учётные данные AWS',
  'credentials file': 'файл учётных данных',
  'Google Cloud credentials': 'учётные данные Google Cloud',
  'Azure CLI tokens': 'токены Azure CLI',
  'Kubernetes config with cluster credentials': 'файл конфигурации Kubernetes с учётными данными кластера',
  'git credential store': 'хранилище учётных данных git',
  'Docker registry credentials': 'учётные данные реестра Docker',
  'file from an .ssh folder': 'файл из папки .ssh',
  'Terraform state or variables (often hold secrets)':
    'состояние или переменные Terraform (часто содержат секреты)',
  'shell or client history': 'файл истории оболочки или клиента',
  'password file': 'файл паролей',
  'AWS access key id': 'идентификатор ключа доступа AWS',
  'AWS secret access key': 'секретный ключ доступа AWS',
  'GitHub token': 'токен GitHub',
  'GitLab token': 'токен GitLab',
  'Slack token': 'токен Slack',
  'Slack webhook URL': 'URL веб-хука Slack',
  'Google API key': 'ключ API Google',
  'Google OAuth client secret': 'секрет клиента Google OAuth',
  'Stripe secret key': 'секретный ключ Stripe',
  'npm access token': 'токен доступа npm',
  'PyPI API token': 'токен API PyPI',
  'Docker Hub access token': 'токен доступа Docker Hub',
  'OpenAI API key': 'ключ API OpenAI',
  'Anthropic API key': 'ключ API Anthropic',
  'SendGrid API key': 'ключ API SendGrid',
  'Twilio API key': 'ключ API Twilio',
  'Mailgun API key': 'ключ API Mailgun',
  'HashiCorp Vault token': 'токен HashiCorp Vault',
  'Terraform Cloud token': 'токен Terraform Cloud',
  'DigitalOcean token': 'токен DigitalOcean',
  'Hugging Face token': 'токен Hugging Face',
  'Shopify token': 'токен Shopify',
  'Telegram bot token': 'токен Telegram-бота',
  'Azure storage account key': 'ключ учётной записи хранения Azure',
  'age secret key': 'секретный ключ age',
  'Discord webhook URL': 'URL веб-хука Discord',
  'JSON Web Token': 'токен JWT',
  'credentials in an Authorization header': 'учётные данные в заголовке Authorization',
  'password in a URL': 'пароль в URL',
  'random-looking value': 'похожее на случайное значение',
  'hard-coded {name}': 'жёстко заданный {name}',
};

/** `1 file`, `2 files` (context rules). */
export const FILE_COUNT_RU: ValueTable = { '{n} file': '{n} файл', '{n} files': 'файлов: {n}' };

/** The COPY or ADD that copies something into the image (context rules' `{copy}`). */
export const COPY_RU: ValueTable = {
  '{keyword} at line {line} (stage {stage})': '{keyword} в строке {line} (этап {stage})',
};

/** Where a layer comes from (image rules' `{origin}`). */
export const ORIGIN_RU: ValueTable = {
  yours: 'ваш слой',
  'from the base image': 'из базового образа',
  'layer origin unknown': 'происхождение слоя неизвестно',
};

/** A layer of the image (image rules' `{by}`). */
export const LAYER_RU: ValueTable = {
  'line {line} ({keyword})': 'строка {line}, {keyword}',
  'layer {n} ({keyword})': 'слой {n}, {keyword}',
  'layer {n}': 'слой {n}',
};

/** Package-manager caches and temporary files (`src/image/caches.ts`): what they are. */
export const CACHE_LABELS_RU: ValueTable = {
  'apt package lists': 'списки пакетов apt',
  'apt cache (downloaded .deb files, package caches)': 'кеш apt (скачанные файлы .deb, кеши пакетов)',
  'apk cache': 'кеш apk',
  'yum cache': 'кеш yum',
  'dnf cache': 'кеш dnf',
  'zypper cache': 'кеш zypper',
  'pacman cache': 'кеш pacman',
  'pip cache': 'кеш pip',
  'poetry cache': 'кеш poetry',
  'npm cache': 'кеш npm',
  'yarn cache': 'кеш yarn',
  'pnpm store': 'хранилище pnpm',
  'Go build cache': 'кеш сборки Go',
  'Go module cache': 'кеш модулей Go',
  'Maven repository': 'локальный репозиторий Maven',
  'Gradle caches': 'кеши Gradle',
  'Cargo registry cache': 'кеш реестра Cargo',
  'Composer cache': 'кеш Composer',
  'files under /var/cache': 'файлы в /var/cache',
  'temporary files': 'временные файлы',
};

/** Package-manager caches and temporary files (`src/image/caches.ts`): how to avoid them. */
export const CACHE_FIXES_RU: ValueTable = {
  'end the same RUN with `rm -rf /var/lib/apt/lists/*`, or use a cache mount for /var/lib/apt':
    'завершите тот же RUN командой `rm -rf /var/lib/apt/lists/*` или смонтируйте кеш на /var/lib/apt',
  'run `apt-get clean` in the same RUN, or use a cache mount for /var/cache/apt':
    'выполните `apt-get clean` в том же RUN или смонтируйте кеш на /var/cache/apt',
  'use `apk add --no-cache`': 'используйте `apk add --no-cache`',
  'end the same RUN with `{command}`': 'завершите тот же RUN командой `{command}`',
  'use `pip install --no-cache-dir`, or a cache mount for /root/.cache/pip':
    'используйте `pip install --no-cache-dir` или смонтируйте кеш на /root/.cache/pip',
  'remove ~/.cache/pypoetry in the same RUN, or use a cache mount':
    'удалите ~/.cache/pypoetry в том же RUN или используйте монтирование кеша',
  'run `npm cache clean --force` in the same RUN, or use a cache mount for /root/.npm':
    'выполните `npm cache clean --force` в том же RUN или смонтируйте кеш на /root/.npm',
  'run `yarn cache clean` in the same RUN, or use a cache mount':
    'выполните `yarn cache clean` в том же RUN или используйте монтирование кеша',
  'use a cache mount for the pnpm store': 'смонтируйте кеш на хранилище pnpm',
  'build in an earlier stage, or use a cache mount for the Cargo registry':
    'собирайте на более раннем этапе или смонтируйте кеш на реестр Cargo',
  'build in an earlier stage, or use a cache mount for {path}':
    'собирайте на более раннем этапе или смонтируйте кеш на {path}',
  'use `composer install --no-cache`, or a cache mount':
    'используйте `composer install --no-cache` или монтирование кеша',
  'remove them in the same RUN that creates them': 'удаляйте их в том же RUN, который их создаёт',
};

/** Lists of names (`src/rules/dockerfile/lib/text.ts`): `a`, `b` and `c`; `a`, `b`, `c` and 2 more. */
export const LIST_RU: ValueTable = {
  '{list} and {n} more': '{list} и ещё {n}',
  '{list} and {last}': '{list} и {last}',
};
