import type { RuleTranslations } from '../types.js';
import { INTERPOLATION_ZH, SECRETS_ZH } from './values.js';

/** Compose rules (DA5xxx). */
export const COMPOSE_ZH: RuleTranslations = {
  'compose-invalid-interpolation': {
    summary: 'Compose 无法插值的 `${…}` 表达式。',
    messages: { default: '{message}' },
    values: { message: INTERPOLATION_ZH },
  },
  'compose-legacy-format': {
    summary: '服务定义在顶层（Compose 文件格式 v1），没有放在 `services:` 下。',
    messages: { default: '顶层的服务（v1 格式）不会被 `docker compose` 读取；请把它们放到 `services:` 下' },
  },
  'compose-version-obsolete': {
    summary: '顶层的 `version` 键已过时。',
    messages: { default: '`version` 已过时，Compose 会忽略它；请删除' },
  },
  'service-cap-add': {
    summary: '服务添加了 Linux 能力（capability）：要么是危险的能力，要么没有先全部移除再添加。',
    messages: {
      dangerous: '服务 {service}：`cap_add: {capability}` 授予了可以控制宿主机的能力',
      notDropped:
        '服务 {service}：`cap_add: {capability}` 是在默认能力集之上追加；请先移除 ALL，再只加回确实需要的能力',
    },
  },
  'service-cap-drop-all-missing': {
    summary: '服务保留了默认的 Linux 能力，而没有全部移除（`cap_drop: [ALL]`）。',
    messages: { default: '服务 {service}：请添加 `cap_drop: [ALL]`（并只用 `cap_add` 添加它需要的能力）' },
  },
  'service-database-port-published': {
    summary: '数据库、缓存或搜索引擎的端口发布在宿主机的所有网络接口上。',
    messages: { default: '服务 {service}：{database} 端口 {port} 发布在宿主机的所有网络接口上' },
  },
  'service-depends-on-without-healthy-condition': {
    summary: '依赖项有健康检查，但 `depends_on` 只等待它启动。',
    messages: {
      default: '服务 {service}：依赖的 {dependency} 配置了健康检查；请使用 `condition: service_healthy`',
    },
  },
  'service-docker-socket-mount': {
    summary: '服务挂载了 Docker（或 containerd、CRI-O、Podman）的套接字。',
    messages: {
      default: '服务 {service}：挂载 {source} 等于让容器获得宿主机的 root 权限',
      target: '服务 {service}：在 {target} 挂载了宿主机的套接字，这让容器获得宿主机的 root 权限',
    },
  },
  'service-healthcheck-missing': {
    summary: '服务没有健康检查（compose 文件中没有，它构建的 Dockerfile 中也没有）。',
    messages: { default: '服务 {service}：没有健康检查' },
  },
  'service-host-namespace': {
    summary:
      '服务共享了宿主机的命名空间：`network_mode`、`pid`、`ipc`、`uts`、`userns_mode` 或 `cgroup` 被设为 `host`。',
    messages: { default: '服务 {service}：`{key}: host` 共享了{what}' },
    values: {
      what: {
        "the host's network stack (every host port and interface, no isolation)":
          '宿主机的网络栈（宿主机的所有端口和网络接口，没有隔离）',
        "the host's processes (it can see and signal them)": '宿主机的进程（容器能看到它们并向它们发送信号）',
        "the host's shared memory and IPC": '宿主机的共享内存和 IPC',
        "the host's hostname": '宿主机的主机名',
        "the host's user namespace (user namespace remapping is off for it)":
          '宿主机的用户命名空间（对它关闭了用户命名空间重映射）',
        "the host's cgroup namespace": '宿主机的 cgroup 命名空间',
      },
    },
  },
  'service-image-unpinned': {
    summary: '服务拉取的镜像没有 tag，或使用 `latest` tag。',
    messages: {
      untagged: '服务 {service}：镜像 "{image}" 没有 tag，因此拉取时 `latest` 指向什么就是什么',
      latest: '服务 {service}：镜像 "{image}" 使用会变动的 `latest` tag；请固定版本',
    },
  },
  'service-logging-unbounded': {
    summary: '服务的日志无限增长：使用 json-file 驱动（默认）却没有设置 `max-size`。',
    messages: {
      default: '服务 {service}：没有 `logging` 限制；默认的 json-file 驱动会无限增长',
      noMaxSize: '服务 {service}：json-file 日志没有设置 `max-size`，会无限增长',
    },
  },
  'service-no-new-privileges-missing': {
    summary: '服务没有设置 `security_opt: [no-new-privileges:true]`。',
    messages: { default: '服务 {service}：请添加 `security_opt: [no-new-privileges:true]`' },
  },
  'service-port-all-interfaces': {
    summary: '服务把端口发布在宿主机的所有网络接口上（没有指定宿主机地址）。',
    messages: { default: '服务 {service}：端口 {port} 发布在宿主机的所有网络接口上' },
  },
  'service-privileged-port': {
    summary: '服务发布了宿主机的特权端口（小于 1024）。',
    messages: { default: '服务 {service}：宿主机端口 {port} 是特权端口（小于 1024）' },
  },
  'service-privileged': {
    summary: '服务以特权模式运行。',
    messages: { default: '服务 {service}：`privileged: true` 让容器完全控制宿主机' },
  },
  'service-read-only-missing': {
    summary: '服务的根文件系统可写（没有设置 `read_only: true`）。',
    messages: {
      default: '服务 {service}：请设置 `read_only: true`（需要写入的路径使用 `tmpfs`）',
      disabled: '服务 {service}：`read_only: false` 让根文件系统保持可写',
    },
  },
  'service-resource-limits-missing': {
    summary: '服务没有内存或 CPU 限制（`mem_limit`/`cpus` 或 `deploy.resources.limits`）。',
    messages: { default: '服务 {service}：没有{missing}限制' },
    values: { missing: { 'memory or CPU': '内存或 CPU ', memory: '内存', CPU: ' CPU ' } },
  },
  'service-restart-policy-missing': {
    summary: '服务没有重启策略（`restart` 或 `deploy.restart_policy`）。',
    messages: { default: '服务 {service}：没有重启策略' },
  },
  'service-runs-as-root': {
    summary: '服务以 root 身份运行：`user` 为 root，或未设置 `user` 且镜像以 root 运行。',
    messages: {
      explicit: '服务 {service}：`user: {user}` 让容器以 root 身份运行',
      image: '服务 {service}：没有设置 `user`，而 {source} 以 root 身份运行',
    },
    values: {
      source: {
        'the Dockerfile': '其 Dockerfile',
        'the Dockerfile (FROM {image})': '其 Dockerfile（FROM {image}）',
        '{file} (FROM {image})': '{file}（FROM {image}）',
      },
    },
  },
  'service-secret-in-environment': {
    summary: '机密信息（密码、令牌、密钥）以明文写在 `environment` 或 `build.args` 中。',
    messages: {
      named: '服务 {service}：{name} 保存着写在文件中的机密；请使用 `secrets:`',
      url: '服务 {service}：{name} 保存着写在文件中的带密码 URL；请使用 `secrets:`',
      'connection-string': '服务 {service}：{name} 保存着写在文件中的带密码连接字符串；请使用 `secrets:`',
      token: '服务 {service}：{name} 保存着写在文件中的 {description}；请使用 `secrets:`',
    },
    values: { description: SECRETS_ZH },
  },
  'service-security-profile-disabled': {
    summary: '服务关闭了 seccomp、AppArmor、SELinux 标签或被屏蔽的系统路径。',
    messages: { default: '服务 {service}：`{option}` 关闭了一项内核隔离机制' },
  },
  'service-sensitive-host-mount': {
    summary: '服务挂载了宿主机的敏感路径：系统目录、/proc、/sys、/dev、凭据或密钥。',
    messages: {
      default: '服务 {service}：以读写方式挂载了宿主机的 {source}',
      readOnly: '服务 {service}：挂载了宿主机的 {source}（只读）',
    },
  },
};
