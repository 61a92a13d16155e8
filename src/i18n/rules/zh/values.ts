import type { ValueTable } from '../types.js';

/** Problems the Dockerfile reader reports (`invalid-instruction`'s `{problem}`). */
export const PARSE_PROBLEMS_ZH: ValueTable = {
  'FROM requires the name of a base image': 'FROM 需要基础镜像的名称',
  'FROM takes one image and optionally `AS name`': 'FROM 只接受一个镜像，以及可选的 `AS name`',
  'SHELL requires a JSON array, e.g. SHELL ["/bin/bash", "-c"]':
    'SHELL 需要 JSON 数组，例如 SHELL ["/bin/bash", "-c"]',
  'RUN requires a command': 'RUN 需要一条命令',
  'a JSON array of arguments must hold only strings': '参数的 JSON 数组只能包含字符串',
  'HEALTHCHECK CMD requires a command': 'HEALTHCHECK CMD 需要一条命令',
  'HEALTHCHECK NONE takes no flags': 'HEALTHCHECK NONE 不接受任何选项',
  'HEALTHCHECK NONE takes no arguments': 'HEALTHCHECK NONE 不接受任何参数',
  'HEALTHCHECK requires CMD or NONE': 'HEALTHCHECK 需要 CMD 或 NONE',
  'ARG requires a name': 'ARG 需要一个名称',
  'ONBUILD requires an instruction': 'ONBUILD 需要一条指令',
  'unknown flag --{flag} for {keyword}': '{keyword} 不支持选项 --{flag}',
  'unknown HEALTHCHECK type {type} (expected CMD or NONE)':
    '未知的 HEALTHCHECK 类型 {type}（应为 CMD 或 NONE）',
  '{keyword} requires at least one source and a destination': '{keyword} 至少需要一个源和一个目标',
  '{keyword} requires at least one key=value pair': '{keyword} 至少需要一个 key=value 对',
  '{keyword} requires at least one argument': '{keyword} 至少需要一个参数',
  '{keyword} requires an argument': '{keyword} 需要一个参数',
  '{keyword} {key} needs a value ({form} key=value)': '{keyword} {key} 需要一个值（{form} key=value）',
  '{keyword}: "{word}" is not of the form key=value': '{keyword}："{word}" 不是 key=value 形式',
  'only one {name} parser directive can be used': '只能使用一条 {name} 解析器指令',
  "invalid escape token '{token}': it must be ` or \\": "无效的转义字符 '{token}'：只能是 ` 或 \\",
  'invalid check option "{option}" (expected skip, error or experimental)':
    '无效的 check 选项 "{option}"（应为 skip、error 或 experimental）',
  'invalid check option "{option}"': '无效的 check 选项 "{option}"',
  'check option error={value} is not a boolean': 'check 选项 error={value} 不是布尔值',
};

/** Problems of Compose interpolation (`compose-invalid-interpolation`'s `{message}`). */
export const INTERPOLATION_ZH: ValueTable = {
  'unterminated "${" in "{text}"': '"{text}" 中的 "${" 没有闭合',
  'invalid interpolation "${{body}}": Compose supports only :- - :? ? :+ +':
    '无效的插值 "${{body}}"：Compose 只支持 :- - :? ? :+ +',
  'invalid interpolation "${{body}}"': '无效的插值 "${{body}}"',
};

/** What the secret detector says it found (`src/secrets`): token formats, secret files, named values. */
export const SECRETS_ZH: ValueTable = {
  'SSH private key': 'SSH 私钥',
  'PuTTY private key': 'PuTTY 私钥',
  'private key file': '私钥文件',
  'private key': '私钥',
  'PKCS#12 key store': 'PKCS#12 密钥库',
  'Java key store': 'Java 密钥库',
  'KeePass database': 'KeePass 数据库',
  'GnuPG secret key': 'GnuPG 私钥',
  'environment file': '环境变量文件',
  'npm/yarn configuration with a registry token': '含仓库令牌的 npm/yarn 配置',
  'PyPI configuration with credentials': '含凭据的 PyPI 配置',
  'pip configuration with credentials in an index URL': '索引 URL 中含凭据的 pip 配置',
  '.netrc with login passwords': '含登录密码的 .netrc',
  'Maven settings with server passwords': '含服务器密码的 Maven settings',
  'Gradle properties with credentials': '含凭据的 Gradle properties',
  'AWS credentials': 'AWS 凭据',
  'credentials file': '凭据文件',
  'Google Cloud credentials': 'Google Cloud 凭据',
  'Azure CLI tokens': 'Azure CLI 令牌',
  'Kubernetes config with cluster credentials': '含集群凭据的 Kubernetes 配置',
  'git credential store': 'git 凭据存储',
  'Docker registry credentials': 'Docker 镜像仓库凭据',
  'file from an .ssh folder': '来自 .ssh 目录的文件',
  'Terraform state or variables (often hold secrets)': 'Terraform 状态或变量文件（常含机密）',
  'shell or client history': 'shell 或客户端历史记录',
  'password file': '密码文件',
  'AWS access key id': 'AWS 访问密钥 ID',
  'AWS secret access key': 'AWS 秘密访问密钥',
  'GitHub token': 'GitHub 令牌',
  'GitLab token': 'GitLab 令牌',
  'Slack token': 'Slack 令牌',
  'Slack webhook URL': 'Slack 的 webhook URL',
  'Google API key': 'Google API 密钥',
  'Google OAuth client secret': 'Google OAuth 客户端密钥',
  'Stripe secret key': 'Stripe 密钥',
  'npm access token': 'npm 访问令牌',
  'PyPI API token': 'PyPI API 令牌',
  'Docker Hub access token': 'Docker Hub 访问令牌',
  'OpenAI API key': 'OpenAI API 密钥',
  'Anthropic API key': 'Anthropic API 密钥',
  'SendGrid API key': 'SendGrid API 密钥',
  'Twilio API key': 'Twilio API 密钥',
  'Mailgun API key': 'Mailgun API 密钥',
  'HashiCorp Vault token': 'HashiCorp Vault 令牌',
  'Terraform Cloud token': 'Terraform Cloud 令牌',
  'DigitalOcean token': 'DigitalOcean 令牌',
  'Hugging Face token': 'Hugging Face 令牌',
  'Shopify token': 'Shopify 令牌',
  'Telegram bot token': 'Telegram 机器人令牌',
  'Azure storage account key': 'Azure 存储账户密钥',
  'age secret key': 'age 私钥',
  'Discord webhook URL': 'Discord 的 webhook URL',
  'JSON Web Token': 'JWT 令牌',
  'credentials in an Authorization header': 'Authorization 头中的凭据',
  'password in a URL': 'URL 中的密码',
  'random-looking value': '看似随机的值',
  'hard-coded {name}': '硬编码的 {name}',
};

/** `1 file`, `2 files` (context rules). */
export const FILE_COUNT_ZH: ValueTable = { '{n} file': '{n} 个文件', '{n} files': '{n} 个文件' };

/** The COPY or ADD that copies something into the image (context rules' `{copy}`). */
export const COPY_ZH: ValueTable = {
  '{keyword} at line {line} (stage {stage})': '第 {line} 行的 {keyword}（阶段 {stage}）',
};

/** Where a layer comes from (image rules' `{origin}`). */
export const ORIGIN_ZH: ValueTable = {
  yours: '你的层',
  'from the base image': '来自基础镜像',
  'layer origin unknown': '层的来源未知',
};

/** A layer of the image (image rules' `{by}`). */
export const LAYER_ZH: ValueTable = {
  'line {line} ({keyword})': '第 {line} 行（{keyword}）',
  'layer {n} ({keyword})': '第 {n} 层（{keyword}）',
  'layer {n}': '第 {n} 层',
};

/** Package-manager caches and temporary files (`src/image/caches.ts`): what they are. */
export const CACHE_LABELS_ZH: ValueTable = {
  'apt package lists': 'apt 软件包列表',
  'apt cache (downloaded .deb files, package caches)': 'apt 缓存（已下载的 .deb 文件、软件包缓存）',
  'apk cache': 'apk 缓存',
  'yum cache': 'yum 缓存',
  'dnf cache': 'dnf 缓存',
  'zypper cache': 'zypper 缓存',
  'pacman cache': 'pacman 缓存',
  'pip cache': 'pip 缓存',
  'poetry cache': 'poetry 缓存',
  'npm cache': 'npm 缓存',
  'yarn cache': 'yarn 缓存',
  'pnpm store': 'pnpm 存储',
  'Go build cache': 'Go 构建缓存',
  'Go module cache': 'Go 模块缓存',
  'Maven repository': 'Maven 本地仓库',
  'Gradle caches': 'Gradle 缓存',
  'Cargo registry cache': 'Cargo registry 缓存',
  'Composer cache': 'Composer 缓存',
  'files under /var/cache': '/var/cache 下的文件',
  'temporary files': '临时文件',
};

/** Package-manager caches and temporary files (`src/image/caches.ts`): how to avoid them. */
export const CACHE_FIXES_ZH: ValueTable = {
  'end the same RUN with `rm -rf /var/lib/apt/lists/*`, or use a cache mount for /var/lib/apt':
    '在同一个 RUN 末尾执行 `rm -rf /var/lib/apt/lists/*`，或为 /var/lib/apt 使用缓存挂载',
  'run `apt-get clean` in the same RUN, or use a cache mount for /var/cache/apt':
    '在同一个 RUN 中执行 `apt-get clean`，或为 /var/cache/apt 使用缓存挂载',
  'use `apk add --no-cache`': '使用 `apk add --no-cache`',
  'end the same RUN with `{command}`': '在同一个 RUN 末尾执行 `{command}`',
  'use `pip install --no-cache-dir`, or a cache mount for /root/.cache/pip':
    '使用 `pip install --no-cache-dir`，或为 /root/.cache/pip 使用缓存挂载',
  'remove ~/.cache/pypoetry in the same RUN, or use a cache mount':
    '在同一个 RUN 中删除 ~/.cache/pypoetry，或使用缓存挂载',
  'run `npm cache clean --force` in the same RUN, or use a cache mount for /root/.npm':
    '在同一个 RUN 中执行 `npm cache clean --force`，或为 /root/.npm 使用缓存挂载',
  'run `yarn cache clean` in the same RUN, or use a cache mount':
    '在同一个 RUN 中执行 `yarn cache clean`，或使用缓存挂载',
  'use a cache mount for the pnpm store': '为 pnpm 存储使用缓存挂载',
  'build in an earlier stage, or use a cache mount for the Cargo registry':
    '在前面的阶段中构建，或为 Cargo registry 使用缓存挂载',
  'build in an earlier stage, or use a cache mount for {path}':
    '在前面的阶段中构建，或为 {path} 使用缓存挂载',
  'use `composer install --no-cache`, or a cache mount': '使用 `composer install --no-cache`，或使用缓存挂载',
  'remove them in the same RUN that creates them': '在创建它们的同一个 RUN 中删除它们',
};

/** Lists of names (`src/rules/dockerfile/lib/text.ts`): `a`, `b` and `c`; `a`, `b`, `c` and 2 more. */
export const LIST_ZH: ValueTable = {
  '{list} and {n} more': '{list} 等（另有 {n} 个）',
  '{list} and {last}': '{list} 和 {last}',
};
