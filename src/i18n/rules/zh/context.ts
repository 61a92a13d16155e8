import type { RuleTranslations } from '../types.js';
import { COPY_ZH, FILE_COUNT_ZH, SECRETS_ZH } from './values.js';

/** Build-context rules (DA6xxx). */
export const CONTEXT_ZH: RuleTranslations = {
  'copy-context-without-dockerignore': {
    summary: 'COPY 或 ADD 复制了整个构建上下文，而没有 .dockerignore 限制其中的内容。',
    messages: {
      default:
        '{keyword} {source} 复制了整个上下文（{files}，{size}），且没有 .dockerignore；运行 `dockaudit context --write` 获取建议',
    },
    values: { files: FILE_COUNT_ZH },
  },
  'copy-source-not-sent': {
    summary: 'COPY 或 ADD 的源不匹配构建上下文发送的任何内容：被 .dockerignore 排除了，或者根本不存在。',
    messages: {
      ignored: '{source} 存在，但被 .dockerignore 排除了（{rule}）；构建会因 "not found" 而失败',
      missing: '{source} 不在构建上下文中；构建会因 "not found" 而失败',
    },
    values: { rule: { 'a parent folder is excluded': '某个上级目录被排除了' } },
  },
  'dependencies-in-context': {
    summary: '本地依赖或缓存（node_modules、.venv、__pycache__、target 等）随构建上下文一起发送。',
    messages: {
      default: '{path}（{files}，{size}）随构建上下文一起发送；请在 .dockerignore 中用 `**/{name}` 排除它',
      copied: '{path}（{files}，{size}）被{copy}复制进了镜像；请在 .dockerignore 中用 `**/{name}` 排除它',
    },
    values: { files: FILE_COUNT_ZH, copy: COPY_ZH },
  },
  'dockerignore-root-only-pattern': {
    summary: '.dockerignore 中的某行只匹配上下文根目录，而它指向的文件位于更深的目录中。',
    messages: {
      default: '`{pattern}` 只匹配上下文根目录，但 {example} 仍会被发送；请写成 `**/{pattern}`',
    },
  },
  'large-build-context': {
    summary: '构建上下文发送的数据超过阈值（默认 100 MB）。',
    messages: {
      default: '构建上下文发送了 {size}，共 {files} 个文件（阈值 {limit}）；最大的是：{biggest}',
    },
  },
  'secret-file-in-context': {
    summary: '含机密的文件（.env、私钥、镜像仓库或云凭据、kubeconfig）随构建上下文一起发送。',
    messages: {
      default: '{description} {path} 随构建上下文一起发送；请在 .dockerignore 中排除它',
      copied: '{description} {path} 被{copy}复制进了镜像；请在 .dockerignore 中排除它',
    },
    values: { description: SECRETS_ZH, copy: COPY_ZH },
  },
  'secret-in-context-file': {
    summary: '构建上下文发送的文件中含有机密（已知格式的令牌、URL 中的密码，或以机密命名的键的硬编码值）。',
    messages: {
      default: '构建上下文发送的文件中有 {description}（{redacted}）',
      copied: '被{copy}复制进镜像的文件中有 {description}（{redacted}）',
    },
    values: { description: SECRETS_ZH, copy: COPY_ZH },
  },
  'symlink-out-of-context': {
    summary: '构建上下文中的符号链接指向上下文之外。',
    messages: { default: '{path} 链接到构建上下文之外的 {target}；镜像中会得到一个悬空链接' },
  },
  'vcs-folder-in-context': {
    summary: '版本控制目录（.git、.hg、.svn）随构建上下文一起发送。',
    messages: {
      default: '{path}（{size}）随构建上下文一起发送；请在 .dockerignore 中排除它',
      copied: '{path}（{size}）被{copy}复制进了镜像；请在 .dockerignore 中排除它',
    },
    values: { copy: COPY_ZH },
  },
};
