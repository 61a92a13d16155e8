import type { RuleTranslations } from '../types.js';
import { CACHE_FIXES_ZH, CACHE_LABELS_ZH, LAYER_ZH, ORIGIN_ZH, SECRETS_ZH } from './values.js';

/** Image rules (DA7xxx) and vulnerability findings (DA8xxx). */
export const IMAGE_ZH: RuleTranslations = {
  'image-efficiency-gate': {
    summary:
      '镜像未通过基于 dive 效率指标的 CI 门禁（仅在使用 --lowest-efficiency、--highest-wasted-bytes 或 --highest-user-wasted-percent 时检查）。',
    messages: {
      efficiency: '镜像效率 {value} 低于允许的最低值 {limit}（按 dive 的定义）',
      wasted: '浪费的字节数 {value} 超过允许的最高值 {limit}（按 dive 的定义）',
      userWasted: '浪费的字节占第一层之上新增字节的 {value}，超过允许的 {limit}（按 dive 的定义）',
    },
  },
  'image-latest-tag': {
    summary: '镜像的 tag 是 `latest`，或者根本没有 tag。',
    messages: { default: '镜像的 tag 是 {tag}；请用版本号作为 tag', untagged: '镜像没有 tag' },
    values: { tag: { '{ref} (implicitly latest)': '{ref}（隐式 latest）' } },
  },
  'image-layer-anomaly': {
    summary: '某一层存在运行时能容忍的格式问题：重复条目、符号链接循环、删除不存在内容的 whiteout。',
    messages: {
      'duplicate-entry': '{path} 在此层中出现了不止一次（以最后一份为准）',
      'symlink-loop': '{path} 是符号链接循环（或超过 40 个链接的链）',
      'whiteout-without-target': '此层删除了 {path}，但下面的层中并没有它',
      more: '另有 {count} 个层异常未列出',
    },
  },
  'image-no-healthcheck': {
    summary: '镜像没有 HEALTHCHECK。',
    messages: {
      default: '镜像没有 HEALTHCHECK',
      disabled: '镜像禁用了健康检查（HEALTHCHECK NONE）',
      oci: '镜像没有 HEALTHCHECK（OCI 镜像配置无法保存它：请用 Docker 格式构建以保留它）',
    },
  },
  'image-package-cache': {
    summary: '镜像中带有包管理器缓存或临时文件。',
    messages: {
      default: '{label}留在了镜像中：{root} 下 {bytes}（{files} 个文件），来自此步骤（{origin}）；{fix}',
    },
    values: { label: CACHE_LABELS_ZH, fix: CACHE_FIXES_ZH, origin: ORIGIN_ZH },
  },
  'image-runs-as-root': {
    summary: '镜像以 root 身份运行其进程。',
    messages: {
      default: '镜像以 root 身份运行（没有 USER 指令）；请用 USER 切换到非特权用户',
      explicit: '镜像以 root 身份运行（USER {user}）；请切换到非特权用户',
    },
  },
  'image-secret-file': {
    summary: '镜像的某一层包含机密文件（私钥、凭据），即使后面的层删除了它。',
    messages: {
      default: '{path}（{what}）在镜像中，由此步骤添加',
      deleted: '由此步骤添加的 {path}（{what}）仍可从其所在层中提取，尽管{by}删除了它',
      likely: '{path} 看起来是 {what}（文件太大，未检查其内容），由此步骤添加',
    },
    values: { what: SECRETS_ZH, by: LAYER_ZH },
  },
  'image-secret-in-env': {
    summary: '镜像的某个环境变量保存着机密。',
    messages: { default: 'ENV {name} 保存着 {what}（{redacted}）；任何拉取该镜像的人都能读到它' },
    values: { what: SECRETS_ZH },
  },
  'image-secret-in-history': {
    summary: '镜像历史记录了机密（构建参数或 RUN 命令中的值）。',
    messages: {
      buildArg:
        '构建参数 {name} 从此步骤起被记录在镜像历史中，且保存着 {what}（{redacted}）；请使用 RUN --mount=type=secret',
      command: '此 {keyword} 步骤把 {what}（{redacted}）记录进了镜像历史',
    },
    values: { what: SECRETS_ZH, keyword: { build: '构建' } },
  },
  'image-secret-in-label': {
    summary: '镜像的某个标签保存着机密。',
    messages: { default: '标签 {name} 保存着 {what}（{redacted}）' },
    values: { what: SECRETS_ZH },
  },
  'image-setuid-file': {
    summary: '镜像中有 setuid 或 setgid 文件。',
    messages: {
      default: '{path} 设置了 {bits}（{mode}），由此步骤添加（{origin}）',
      base: '{count} 个 setuid/setgid 文件来自基础镜像：{paths}',
    },
    values: { bits: { 'setuid and setgid': 'setuid 和 setgid' }, origin: ORIGIN_ZH },
  },
  'image-ssh-server': {
    summary: '镜像中有 SSH 服务器，或暴露了 22 端口。',
    messages: { default: '镜像中有 SSH 服务器（{path}，{origin}）', port: '镜像暴露了 22 端口（SSH）' },
    values: { origin: ORIGIN_ZH },
  },
  'image-wasted-bytes': {
    summary: '某个步骤添加的文件被后面的步骤删除或覆盖：这些字节仍然包含在镜像中。',
    messages: {
      deleted:
        '此步骤在 {root} 下添加的 {bytes}（{files} 个文件）被{by}删除：它们仍然包含在此层中；请在同一步骤中删除',
      overwritten:
        '此步骤在 {root} 下添加的 {bytes}（{files} 个文件）又被{by}复制了一遍（之后修改了内容或权限）；请在此步骤中完成（COPY --chmod/--chown，或合并为一个 RUN）',
    },
    values: { by: LAYER_ZH },
  },
  'image-world-writable': {
    summary: '镜像中有所有用户可写的文件或目录（在 PATH 上时最严重）。',
    messages: {
      default: '{path} 所有用户可写（{mode}），由此步骤设置（{origin}）',
      path: '{path} 所有用户可写（{mode}）且位于 PATH 上：任何用户都能替换命令（{origin}）',
    },
    values: { origin: ORIGIN_ZH },
  },
  'vulnerable-package': {
    summary: '镜像中的软件包存在已知漏洞，新版本已修复。',
    messages: { default: '{package} {installed} 受 {id}{aliasText}（{level}）影响：已在 {fixed} 中修复' },
  },
  'vulnerable-package-unfixed': {
    summary: '镜像中的软件包存在已知漏洞，尚无修复版本。',
    messages: { default: '{package} {installed} 受 {id}{aliasText}（{level}）影响：尚无修复版本' },
  },
  'vulnerability-db-stale': {
    summary: '本地漏洞数据库超过了允许的时长。',
    messages: { default: '漏洞数据库上次更新是在 {age} 天前；请运行 `dockaudit db update`' },
  },
  'vulnerability-db-missing-ecosystem': {
    summary: '由于数据库缺少相应生态的数据，镜像中的部分软件包未被检查。',
    messages: { default: '有 {count} 个软件包未被检查：数据库中没有 {archives} 的安全公告' },
  },
};
