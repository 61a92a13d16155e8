import type { RuleTranslations } from '../types.js';
import { LIST_ZH, PARSE_PROBLEMS_ZH } from './values.js';

/** Dockerfile rules DA1xxx (syntax), DA3xxx (security) and DA4xxx (stages, commands, runtime, labels). */
export const DOCKERFILE_INSTRUCTIONS_ZH: RuleTranslations = {
  'add-instead-of-copy': {
    summary: '对不是归档文件的本地文件或目录使用了 `ADD`：应使用 `COPY`。',
    messages: { default: '本地文件和目录请使用 COPY："{source}" 的 ADD 只是复制它' },
  },
  'cd-in-run': {
    summary: '在 RUN 中用 `cd` 切换目录，而不是使用 `WORKDIR`。',
    messages: { default: '使用 WORKDIR 切换目录，而不是 `cd`' },
  },
  'cmd-shell-form': {
    summary: 'CMD、ENTRYPOINT 或 HEALTHCHECK CMD 使用了 shell 形式，而不是 JSON（exec）形式。',
    messages: { default: '请用 JSON 形式编写 {keyword}，例如 {keyword} ["executable", "arg"]' },
  },
  'copy-dest-not-dir': {
    summary: 'COPY 或 ADD 复制多个源，但目标路径不以 `/` 结尾。',
    messages: { default: '复制多个源时，目标 "{dest}" 应以 / 结尾' },
  },
  'copy-from-own-stage': {
    summary: '`COPY --from` 引用了它自己所在的阶段。',
    messages: { default: 'COPY --from={ref} 引用了自身所在的阶段' },
  },
  'copy-from-root': {
    summary: '`COPY --from` 把整个文件系统（`/`）复制到 `/`。',
    messages: { default: '只复制应用需要的内容，而不是 "{ref}" 的整个文件系统' },
  },
  'copy-from-unknown-stage': {
    summary: '`COPY --from` 引用的不是之前的任何阶段（看起来也不像镜像）。',
    messages: {
      default: '此 COPY 之前没有名为 "{ref}" 的阶段；如果是镜像，请指定 tag（{ref}:<tag>）',
      later: '阶段 "{ref}" 定义在此 COPY 之后：请把它移到前面',
      index: '此 COPY 之前不存在阶段 {ref}',
    },
  },
  'copy-relative-no-workdir': {
    summary: '阶段中未设置 WORKDIR 时，COPY 到相对路径。',
    messages: { default: '复制到相对路径 "{dest}" 之前先设置 WORKDIR' },
  },
  'duplicate-stage-name': {
    summary: '两个阶段同名。',
    messages: { default: '阶段名 "{name}" 已在第 {line} 行使用' },
  },
  'empty-continuation-line': {
    summary: '续行指令中出现空行。',
    messages: { default: '续行指令中有空行（已弃用；请删除）' },
  },
  'env-self-reference': {
    summary: 'ENV 的值使用了同一条 ENV 指令中前面刚设置的变量。',
    messages: { default: '此处 ${name} 仍是旧值：它在同一条 ENV 中才被设置；请拆分该指令' },
  },
  'eof-in-continuation': {
    summary: '文件以续行符结尾。',
    messages: { default: '文件在续行指令中间结束：最后一行是否丢失了？' },
  },
  'expose-port-range': {
    summary: 'EXPOSE 的端口超出 0–65535，或根本不是端口。',
    messages: {
      default: '端口 {port} 超出 0-65535 范围',
      invalid: '"{item}" 不是端口：应写成 PORT 或 PORT-PORT，可加 /tcp、/udp 或 /sctp',
    },
  },
  'from-platform-flag': {
    summary: '`FROM --platform` 写死了平台。',
    messages: { default: '不要把 FROM 的平台固定为 "{platform}"；请使用 $BUILDPLATFORM 或去掉该参数' },
  },
  'healthcheck-missing': {
    summary: '最终镜像没有 HEALTHCHECK（默认关闭）。',
    messages: { default: '镜像没有 HEALTHCHECK（如果确实不需要，请写 HEALTHCHECK NONE）' },
  },
  'inline-ignore-pragma': {
    summary: '行内的 `# hadolint ignore=` 或 `# dockaudit ignore=` 指令注释（默认关闭）。',
    messages: { default: '避免使用行内忽略注释；请在配置文件中列出例外' },
  },
  'instruction-order': {
    summary: '第一条 FROM 之前出现了 ARG 以外的指令。',
    messages: { default: '{keyword} 位于第一条 FROM 之前：FROM 之前只能有 ARG' },
  },
  'invalid-instruction': {
    summary: '指令或解析器指令（parser directive）带有 BuildKit 拒绝的参数。',
    messages: { default: '{problem}' },
    values: { problem: PARSE_PROBLEMS_ZH },
  },
  'label-empty': {
    summary: '标签模式（label schema）中的某个标签被设为空值。',
    messages: { default: '标签 "{label}" 为空' },
  },
  'label-key-invalid': {
    summary: '标签键不符合 Docker 的键格式，或使用了 Docker 保留的命名空间。',
    messages: {
      default: '标签键 "{key}" 无效：只能使用小写字母、数字、"." 和 "-"，并以字母开头',
      reserved: '标签键 "{key}" 使用了 Docker 保留的命名空间',
      separators: '标签键 "{key}" 含有连续的分隔符',
    },
  },
  'label-missing': {
    summary: '某个阶段缺少标签模式要求的标签。',
    messages: { default: '缺少标签 "{label}"' },
  },
  'label-not-email': {
    summary: '标签模式中类型为 `email` 的标签，其值不是电子邮件地址（RFC 5322）。',
    messages: { default: '标签 "{label}" 不是电子邮件地址（RFC 5322）："{value}"' },
  },
  'label-not-git-hash': {
    summary: '标签模式中类型为 `hash` 的标签，其值不是 git 提交哈希。',
    messages: { default: '标签 "{label}" 不是 git 提交哈希："{value}"' },
  },
  'label-not-in-schema': {
    summary: '启用 `strict-labels` 时，出现了标签模式中未列出的标签。',
    messages: { default: '标签 "{label}" 不在标签模式中' },
  },
  'label-not-rfc3339': {
    summary: '标签模式中类型为 `rfc3339` 的标签，其值不是 RFC 3339 日期时间。',
    messages: { default: '标签 "{label}" 不是 RFC 3339 日期时间："{value}"' },
  },
  'label-not-semver': {
    summary: '标签模式中类型为 `semver` 的标签，其值不是语义化版本号。',
    messages: { default: '标签 "{label}" 不是语义化版本号："{value}"' },
  },
  'label-not-spdx': {
    summary: '标签模式中类型为 `spdx` 的标签，其值不是 SPDX 许可证表达式。',
    messages: { default: '标签 "{label}" 不是 SPDX 许可证表达式："{value}"' },
  },
  'label-not-url': {
    summary: '标签模式中类型为 `url` 的标签，其值不是 URL（RFC 3986）。',
    messages: { default: '标签 "{label}" 不是 URL（RFC 3986）："{value}"' },
  },
  'latest-tag': {
    summary: '基础镜像使用了 `latest` tag。',
    messages: { default: '请固定版本，而不是使用 "{image}"：latest 随时会在你不知情时变化' },
  },
  'ln-bin-sh': {
    summary: 'RUN 通过把 /bin/sh 替换为符号链接来更换 shell。',
    messages: { default: '使用 SHELL 更改默认 shell，而不是重新链接 /bin/sh' },
  },
  'maintainer-deprecated': {
    summary: '已弃用的 `MAINTAINER` 指令。',
    messages: { default: 'MAINTAINER 已弃用：请使用 LABEL org.opencontainers.image.authors' },
  },
  'multiple-cmd': {
    summary: '同一阶段中有多条 `CMD`。',
    messages: { default: '此 {keyword} 覆盖了第 {line} 行的 {keyword}，后者不会生效' },
  },
  'multiple-entrypoint': {
    summary: '同一阶段中有多条 `ENTRYPOINT`。',
    messages: { default: '此 {keyword} 覆盖了第 {line} 行的 {keyword}，后者不会生效' },
  },
  'multiple-healthcheck': {
    summary: '同一阶段中有多条 `HEALTHCHECK`。',
    messages: { default: '此 {keyword} 覆盖了第 {line} 行的 {keyword}，后者不会生效' },
  },
  'onbuild-invalid-trigger': {
    summary: '`ONBUILD` 的触发指令是 `ONBUILD`、`FROM` 或 `MAINTAINER`。',
    messages: { default: '{trigger} 不能作为 ONBUILD 触发指令' },
  },
  'pipe-without-pipefail': {
    summary: 'RUN 中使用了管道，但其 shell 没有设置 `pipefail`。',
    messages: {
      default:
        '在此管道之前设置 pipefail（`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`）：否则最后一条命令之前的失败不会被发现',
    },
  },
  'pointless-command': {
    summary:
      'RUN 使用了在构建中毫无意义的命令：ssh、vim、shutdown、service、ps、free、top、kill、mount、ifconfig。',
    messages: { default: '`{command}` 在构建步骤中没有意义' },
  },
  'redundant-target-platform': {
    summary: '`FROM --platform=$TARGETPLATFORM`：FROM 默认就是这样。',
    messages: { default: '--platform=$TARGETPLATFORM 是默认值；请删除（还是你想写 $BUILDPLATFORM？）' },
  },
  'reserved-stage-name': {
    summary: '阶段被命名为 `scratch` 或 `context`。',
    messages: { default: '"{name}" 是保留字；请给该阶段换个名字' },
  },
  shellcheck: {
    summary: 'RUN 脚本中的 ShellCheck 问题（需使用 `lint --shellcheck` 并安装 shellcheck 程序）。',
    messages: { default: 'SC{sc}: {message}' },
  },
  'unknown-instruction': {
    summary: '某行以非 Dockerfile 指令的内容开头。',
    messages: { default: '未知指令 "{word}"：上一行是否缺少续行符（\\）？' },
  },
  'untagged-image': {
    summary: '基础镜像既没有 tag 也没有 digest。',
    messages: { default: '请为 "{image}" 固定 tag：不指定时 Docker 会拉取 latest' },
  },
  'unterminated-heredoc': {
    summary: 'heredoc（`<<EOF`）始终没有以结束标记行关闭。',
    messages: { default: 'heredoc <<{name} 没有结束：请添加一行，只包含 "{name}"' },
  },
  'untrusted-registry': {
    summary: '镜像来自不在 `trustedRegistries` 中的镜像仓库。',
    messages: { default: '镜像 "{image}" 来自 {registry}，它不是受信任的镜像仓库' },
  },
  'user-not-numeric': {
    summary: 'USER 使用了用户名或组名，而不是数字 ID。',
    messages: { default: '请使用数字形式的用户（和组）ID，而不是 "{user}"' },
  },
  'wget-progress': {
    summary: 'GNU `wget` 未使用 `--progress`（也没有静默或日志文件选项）。',
    messages: { default: '为 `wget` 加上 --progress=dot:giga（或 -q、-nv）：它的点状进度会刷满构建日志' },
  },
  'workdir-relative': {
    summary: '阶段中在任何绝对路径 WORKDIR 之前使用了相对路径的 `WORKDIR`。',
    messages: { default: '请使用绝对路径的 WORKDIR："{path}" 取决于基础镜像的工作目录' },
  },
  'base-image-platform': {
    summary: '`FROM --platform=` 指定的平台，基础镜像并没有为其发布。',
    messages: { default: '{image} 只发布了 {platforms} 版本：--platform={platform} 与它的任何变体都不匹配' },
    values: { platforms: LIST_ZH },
  },
  'consistent-instruction-casing': {
    summary: '指令关键字的大小写与文件中大多数关键字不一致。',
    messages: { default: '"{keyword}" 应像本文件中大多数指令一样使用{casing}："{expected}"' },
    values: { casing: { lowercase: '小写', uppercase: '大写' } },
  },
  'copy-ignored-file': {
    summary:
      'COPY 或 ADD 引用的路径被 .dockerignore 排除在构建上下文之外（仅在 `lint --context DIR` 时检查）。',
    messages: { default: '{keyword} 的源 "{source}" 被 .dockerignore 排除了：构建器根本收不到它' },
  },
  'definition-description': {
    summary: 'ARG 或具名 FROM 正上方的注释不符合 `# <name> <description>` 约定。',
    messages: {
      default:
        '{instruction} 正上方的注释就是它的描述，应以其名称开头：`# {name} <description>`（或在中间留一个空行）',
    },
  },
  'expose-invalid-format': {
    summary: 'EXPOSE 中写了 IP 地址或宿主机端口（`EXPOSE 8080:80`、`EXPOSE 127.0.0.1:80:80`）。',
    messages: {
      host: 'EXPOSE {spec} 映射了宿主机端口：EXPOSE 只声明容器端口（{port}）；请用 `docker run -p` 发布端口',
      ip: 'EXPOSE {spec} 写了 IP 地址和宿主机端口：EXPOSE 只声明容器端口（{port}）；请用 `docker run -p` 发布端口',
    },
  },
  'expose-proto-casing': {
    summary: 'EXPOSE 的协议没有写成小写（`EXPOSE 53/UDP`）。',
    messages: { default: 'EXPOSE {spec} 中的协议 "{proto}" 应为小写："{lower}"' },
  },
  'from-as-casing': {
    summary: '`FROM` 中的 `AS` 关键字与 `FROM` 的大小写不一致。',
    messages: { default: '"{as}" 应与 "{from}" 的大小写一致：请写成 "{expected}"' },
  },
  'from-platform-constant': {
    summary: '`FROM --platform=` 使用了常量平台，而阶段名中并未体现该平台。',
    messages: { default: '--platform 是常量 "{platform}"：该阶段会忽略构建请求的平台' },
  },
  'invalid-default-arg-in-from': {
    summary: '构建时不传 `--build-arg`，FROM 就会变成空的或无效的镜像名。',
    messages: {
      default: '按 ARG 的默认值，此 FROM 为 "{value}"，这不是有效的镜像名',
      empty: '按 ARG 的默认值，此 FROM 根本没有指定镜像',
    },
  },
  'legacy-key-value-format': {
    summary: '`ENV key value` 或 `LABEL key value`：不带 `=` 的旧格式。',
    messages: { default: '请使用 "{keyword} {key}=…"，而不是旧的 "{keyword} {key} …" 格式' },
  },
  'stage-name-casing': {
    summary: '阶段名（`FROM … AS name`）不是全小写。',
    messages: { default: '阶段名 "{name}" 应为小写："{lower}"' },
  },
  'undefined-arg-in-from': {
    summary: 'FROM 行使用了第一条 FROM 之前没有任何 ARG 声明的变量。',
    messages: {
      default: 'FROM 使用了 ${name}，但第一条 FROM 之前没有 ARG 声明它',
      suggest: 'FROM 使用了 ${name}，但第一条 FROM 之前没有 ARG 声明它（是否想写 ${suggestion}？）',
    },
  },
  'undefined-variable': {
    summary:
      'COPY、ADD、ENV、LABEL、ARG、EXPOSE、USER、WORKDIR、VOLUME 或 STOPSIGNAL（或其选项）中使用了没有任何地方声明的变量。',
    messages: {
      default: '${name} 未定义：BuildKit 会把它替换为空字符串',
      suggest: '${name} 未定义（是否想写 ${suggestion}？）',
      later: '${name} 在本阶段声明它（第 {line} 行）之前就被使用了：请先声明',
      sameEnv: '${name} 由同一条 ENV 设置，而 BuildKit 会在设置任何变量之前先展开它：请在更早的 ENV 中设置',
      global: '${name} 是全局 ARG，阶段内看不到它：请在此阶段中添加 `ARG {name}`',
    },
  },
};
