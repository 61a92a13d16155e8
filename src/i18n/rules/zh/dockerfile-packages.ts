import type { RuleTranslations } from '../types.js';
import { LIST_ZH } from './values.js';

/** `{packages}` and `{names}` are lists: `a`, `b` and `c`. */
const LISTS = { packages: LIST_ZH, names: LIST_ZH };

const SCOPE =
  '{names} 在此阶段未设置（其他阶段或 FROM 之前的 ARG/ENV 不会带入），因此 {packages} 实际上没有固定版本';
const YES = '为 `{tool} {subcommand}` 加上 -y：构建过程无法回答它的提示';
const CLEAN_ALL =
  '在此 RUN 中的 `{tool} {subcommand}` 之后加上 `{tool} clean all`：否则软件包缓存会留在镜像层中';

/** Dockerfile rules DA2xxx: package managers, image size and build cache. */
export const DOCKERFILE_PACKAGES_ZH: RuleTranslations = {
  'apk-no-cache': {
    summary: '`apk add` 未使用 `--no-cache`。',
    messages: { default: '为 `apk add` 加上 --no-cache：否则软件包索引会留在 /var/cache/apk 中' },
  },
  'apk-pin-versions': {
    summary: '`apk add` 安装的软件包没有版本约束。',
    messages: { default: '请固定 {packages} 的版本（`apk add <package>=<version>`）', scope: SCOPE },
    values: LISTS,
  },
  'apt-get-yes': {
    summary: '`apt-get install`（及其他需要确认的子命令）未使用 `-y`。',
    messages: { default: '为 `apt-get {subcommand}` 加上 -y：构建过程无法回答它的提示' },
  },
  'apt-instead-of-apt-get': {
    summary: '在 RUN 中使用了 `apt`，而不是 `apt-get`。',
    messages: { default: '在脚本中请使用 `apt-get` 而不是 `apt`：apt 没有稳定的命令行接口' },
  },
  'apt-lists-not-removed': {
    summary: '`apt-get update` 下载的软件包列表留在了镜像层中。',
    messages: {
      default: '请在此 RUN 中删除 apt 列表（`&& rm -rf /var/lib/apt/lists/*`），或使用缓存挂载',
      archives:
        '下载的软件包留在 /var/cache/apt 中：docker-clean 已被删除，因此也要在 /var/cache/apt 上挂载缓存',
    },
  },
  'apt-no-install-recommends': {
    summary: '`apt-get install` 未使用 `--no-install-recommends`。',
    messages: { default: '为 `{tool} install` 加上 --no-install-recommends：不需要安装推荐的软件包' },
  },
  'apt-pin-versions': {
    summary: '`apt-get install` 安装的软件包没有固定版本。',
    messages: { default: '请固定 {packages} 的版本（`{tool} install <package>=<version>`）', scope: SCOPE },
    values: LISTS,
  },
  'build-tools-in-final-stage': {
    summary: '在多阶段构建的最终阶段中安装了编译器、构建工具或 -dev/-devel 软件包。',
    messages: { default: '构建工具 {names} 会进入最终镜像：请在构建阶段安装它们，只复制构建产物' },
    values: { names: LIST_ZH },
  },
  'buildkit-cache-mount': {
    summary: 'Dockerfile 已在使用 BuildKit，但依赖安装没有使用 BuildKit 缓存挂载。',
    messages: {
      default: '此 RUN 每次重新构建都会重新下载 {what}：加上 `{mount}`{note}，以便在多次构建之间复用',
    },
    values: {
      what: {
        'Python packages': 'Python 包',
        'npm packages': 'npm 包',
        'Debian packages': 'Debian 软件包',
        'Alpine packages': 'Alpine 软件包',
        'Go modules and build results': 'Go 模块和构建结果',
      },
      note: {
        ' (and link /etc/apk/cache to it, without --no-cache)':
          '（并把 /etc/apk/cache 链接到它，不使用 --no-cache）',
      },
    },
  },
  'consecutive-run': {
    summary: '连续的单命令 RUN 指令，可以合并为一条。',
    messages: { default: '把此 RUN 与第 {line} 行的 RUN 合并：每条 RUN 都会增加一层' },
  },
  'copy-archive-then-extract': {
    summary: '本地归档文件先被 COPY 进来，然后由后面的 RUN 解压。',
    messages: { default: '使用 ADD 解压 "{archive}"，而不是先 COPY 再用 RUN 解压' },
  },
  'curl-and-wget': {
    summary: '同一阶段中同时使用了 `curl` 和 `wget`。',
    messages: { default: '此阶段同时使用了 {other}（第 {line} 行）和 {tool}：一个下载工具就够了' },
  },
  'dnf-clean-all': {
    summary: '`dnf install` 之后在同一 RUN 中没有执行 `dnf clean all`。',
    messages: { default: CLEAN_ALL },
  },
  'dnf-pin-versions': {
    summary: '`dnf install` 安装的软件包没有指定版本。',
    messages: {
      default: '请固定 {packages} 的版本（`{tool} install <package>-<version>`）',
      module: '请固定 {packages} 的流（`{tool} module install <module>:<stream>`）',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'dnf-yes': {
    summary: '`dnf install`（或其他需要确认的子命令）未使用 `-y`。',
    messages: { default: YES },
  },
  'gem-pin-versions': {
    summary: '`gem install` 安装的 gem 没有指定版本。',
    messages: { default: '请固定 {packages} 的版本（`gem install <gem>:<version>`）', scope: SCOPE },
    values: LISTS,
  },
  'go-pin-versions': {
    summary: '`go install`、`go get` 或 `go run` 使用了未指定版本的远程包。',
    messages: { default: '请为 {packages} 固定版本（`go {subcommand} <package>@<version>`）', scope: SCOPE },
    values: LISTS,
  },
  'install-ignores-lockfile': {
    summary: '`npm install`、`yarn install` 或 `pnpm install` 可能改写 Dockerfile 复制进来的锁文件。',
    messages: {
      npm: '请使用 `npm ci` 而不是 `npm {subcommand}`：否则复制进来的 {lockfile}（第 {line} 行）会被重新解析',
      frozen: '为 `{command}` 加上 --frozen-lockfile：否则复制进来的 {lockfile}（第 {line} 行）会被重新解析',
    },
  },
  'non-default-package-index': {
    summary: '软件包从生态默认源以外的镜像站或索引安装（pip、npm、apk、apt）。',
    messages: {
      default: '软件包来自 {host}（{via}），而不是 {standard}：构建依赖该镜像站可访问且保持同步',
    },
    values: {
      via: {
        'pip configuration': 'pip 配置',
        '{file} rewritten by sed': '由 sed 改写的 {file}',
      },
    },
  },
  'npm-pin-versions': {
    summary: '`npm install <package>` 没有指定版本。',
    messages: { default: '请固定 {packages} 的版本（`npm install <package>@<version>`）', scope: SCOPE },
    values: LISTS,
  },
  'package-update-alone': {
    summary:
      '软件包索引更新（`apt-get update`、`apk update`、`dnf makecache`、`zypper refresh`）之后在同一 RUN 中没有安装操作。',
    messages: {
      default: '此 RUN 中 `{command}` 之后没有安装操作：它的缓存层会过期；请在同一个 RUN 中更新并安装',
      later:
        '此 RUN 中 `{command}` 之后没有安装操作：对第 {line} 行的 `{later}` 来说，它的缓存层会过期；请在同一个 RUN 中更新并安装',
    },
  },
  'package-upgrade': {
    summary: '在 Dockerfile 中升级整个系统的软件包（`apt-get upgrade`、`apk upgrade`、`dnf upgrade` 等）。',
    messages: {
      default: '`{command}` 在构建中升级整个系统：请改为基于最新的基础镜像重新构建',
      dist: '`{command}` 可能把镜像升级到另一个发行版本：请改用更新的基础镜像',
    },
  },
  'pip-no-cache-dir': {
    summary: '`pip install` 把下载缓存保留在镜像中。',
    messages: {
      default:
        '为 `pip install` 加上 --no-cache-dir（或在 ~/.cache/pip 上挂载缓存）：否则下载缓存会留在镜像层中',
      falsy:
        'PIP_NO_CACHE_DIR={value} 仍然会关闭缓存（pip 对任何值都这样处理）：请写成 PIP_NO_CACHE_DIR=1，让文件如实表达其效果',
    },
  },
  'pip-pin-versions': {
    summary: '`pip install`（或 `pipx install`）安装的软件包没有指定版本。',
    messages: {
      default:
        '请固定 {packages} 的版本（`{tool} install <package>==<version>`），或从 requirements 文件安装',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'source-copied-before-dependencies': {
    summary: '在安装依赖之前复制了全部源码，因此每次代码改动都会重新安装所有依赖。',
    messages: {
      default:
        '这里在 `{install}`（第 {line} 行）之前复制了全部源码：任何改动都会让它重新执行；请先复制 {manifests}，安装依赖，再复制其余文件',
    },
    values: {
      manifests: { 'the project files': '项目文件', '{first} and {second}': '{first} 和 {second}' },
    },
  },
  'unused-curl-wget': {
    summary: '最终镜像中安装了 `curl` 或 `wget`，但 Dockerfile 中没有任何地方使用它。',
    messages: {
      default:
        '`{name}` 安装在最终镜像中，但这里没有任何地方使用它：请移除（健康检查可以改用语言运行时实现）',
    },
  },
  'useradd-no-log-init': {
    summary: '`useradd` 使用了较大的 UID，且未加 `-l`（`--no-log-init`）。',
    messages: { default: '为 `useradd` 加上 -l：UID {uid} 会让 lastlog 和 faillog 文件变得巨大' },
  },
  'yarn-cache-clean': {
    summary: '`yarn install`（或 `yarn add`）之后在同一 RUN 中没有执行 `yarn cache clean`。',
    messages: {
      default: '在此 RUN 中的 `yarn {subcommand}` 之后加上 `yarn cache clean`：否则软件包缓存会留在镜像层中',
    },
  },
  'yum-clean-all': {
    summary: '`yum install` 之后在同一 RUN 中没有执行 `yum clean all`。',
    messages: { default: CLEAN_ALL },
  },
  'yum-pin-versions': {
    summary: '`yum install` 安装的软件包没有指定版本。',
    messages: {
      default: '请固定 {packages} 的版本（`{tool} install <package>-<version>`）',
      module: '请固定 {packages} 的流（`{tool} module install <module>:<stream>`）',
      scope: SCOPE,
    },
    values: LISTS,
  },
  'yum-yes': {
    summary: '`yum install`（或其他需要确认的子命令）未使用 `-y`。',
    messages: { default: YES },
  },
  'zypper-clean': {
    summary: '`zypper install` 之后在同一 RUN 中没有执行 `zypper clean`。',
    messages: {
      default:
        '在此 RUN 中的 `zypper {subcommand}` 之后加上 `zypper clean --all`：否则软件包缓存会留在镜像层中',
    },
  },
  'zypper-dist-upgrade': {
    summary: 'Dockerfile 中使用了 `zypper dist-upgrade`（`dup`）。',
    messages: { default: '不要在构建中运行 `zypper {subcommand}`：请使用更新的基础镜像' },
  },
  'zypper-non-interactive': {
    summary: '`zypper install`（或其他需要确认的子命令）没有使用非交互开关。',
    messages: { default: '为 `zypper {subcommand}` 加上 -n（或 -y）：构建过程无法回答它的提示' },
  },
  'zypper-pin-versions': {
    summary: '`zypper install` 安装的软件包没有指定版本。',
    messages: { default: '请固定 {packages} 的版本（`zypper install <package>=<version>`）', scope: SCOPE },
    values: LISTS,
  },
};
