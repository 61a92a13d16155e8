import { selections, withArticles } from '../tables.js';
import type { RuleTranslations, ValueTable } from '../types.js';
import { SECRETS_ZH } from './values.js';

/** The secret detector's descriptions, also with the English article the Dockerfile rules add. */
const DESCRIPTIONS: ValueTable = {
  ...SECRETS_ZH,
  ...withArticles(SECRETS_ZH),
  'a password': '密码',
  'an account password': '账户密码',
  'a hard-coded value': '硬编码的值',
};

const SERVE_WITH_NGINX = '运行 `{command}`，再用 nginx 提供 {dir}';

/** Dockerfile security rules (DA3xxx) and runtime, stage and size rules (DA42xx). */
export const DOCKERFILE_SECURITY_ZH: RuleTranslations = {
  'add-url-checksum': {
    summary: '`ADD` 一个 HTTP(S) URL 却没有 `--checksum`。',
    messages: {
      default: 'ADD 下载 {url} 时没有 --checksum：请固定它的 sha256，这样文件一旦变化构建就会失败',
    },
  },
  'broad-copy-no-dockerignore': {
    summary: '构建上下文没有 `.dockerignore`，却把它 `COPY . .`（或 `ADD . …`）进最终镜像。',
    messages: {
      default:
        '{keyword} {source} 把整个构建上下文复制进镜像，而且没有 .dockerignore{found}：请添加一个（.git、.env*、node_modules、tests），或只复制需要的内容',
    },
    values: {
      found: selections(
        [
          ['.git', '.git'],
          ['.env files', '.env 文件'],
          ['node_modules', 'node_modules'],
          ['a virtualenv', '虚拟环境'],
        ],
        (list) => ` (it would take ${list})`,
        (list) => `（会把 ${list} 一并带入）`,
        '、',
      ),
    },
  },
  'chown-after-copy': {
    summary: '在 COPY/ADD 之后紧接着对同一路径执行 `RUN chown -R`，而不是使用 `COPY --chown`。',
    messages: {
      default:
        '紧跟在 {keyword} 之后的 `{command} {owner}` 会把复制进来的文件再存一遍：请改用 `{keyword} --chown={owner}` 复制',
      root: '{keyword} 创建的文件本来就属于 root：紧跟其后的 `{command} {owner}` 只会把它们再存一遍；请删除它',
    },
  },
  'copy-from-abi-mismatch': {
    summary:
      '在 C 库不同（glibc 的 `-slim`/Debian/Ubuntu 与 musl 的 `-alpine`）或语言版本不同（python:3.11 → python:3.12）的阶段之间，用 COPY --from 复制解释器的包或原生库（site-packages、虚拟环境、wheel、node_modules、`.so` 文件）。',
    messages: {
      libc: 'COPY --from={from} 把在 {source}（{sourceLibc}）上构建的内容（{what}）复制到 {target}（{targetLibc}）：链接到 {sourceLibc} 的原生代码无法在 {targetLibc} 上加载；请让两个阶段使用同一个基础镜像系列',
      python:
        'COPY --from={from} 把 Python {sourceVersion} 的 Python 包复制到带 Python {targetVersion} 的镜像中：它们不在其搜索路径上，编译过的包也与其 ABI 不匹配；请让两个阶段使用同一个 Python 版本',
      node: 'COPY --from={from} 把用 Node.js {sourceVersion} 构建的 node_modules 复制到 Node.js {targetVersion} 中：原生扩展只针对一个 Node ABI 构建；请让两个阶段使用同一个主版本',
    },
    values: {
      what: { 'Python packages': 'Python 包', 'native libraries': '原生库' },
    },
  },
  'copy-from-missing-path': {
    summary: 'COPY --from=<stage> 复制的路径在该阶段中没有任何指令会创建（在能够判断时）。',
    messages: {
      default:
        'COPY --from={from} {path}：阶段 {from} 中没有任何指令会创建 /{top}{hint}；构建会以 "not found" 失败',
    },
    values: { hint: { ' (its WORKDIR is {dir})': '（它的 WORKDIR 是 {dir}）' } },
  },
  'dev-server': {
    summary:
      '镜像启动的是开发服务器（`flask run`、`manage.py runserver`、`uvicorn --reload`、`npm run dev`、`nodemon`、`ng serve`、`vite`、`webpack-dev-server` …）。',
    messages: { default: '{keyword} 启动的是开发服务器（{what}）：{advice}' },
    values: {
      advice: {
        'build the app and serve the output (node server, nginx) with NODE_ENV=production':
          '请先构建应用，再在 NODE_ENV=production 下提供构建产物（node 服务或 nginx）',
        'serve the app with gunicorn or waitress': '请用 gunicorn 或 waitress 运行应用',
        'serve the app with gunicorn or uvicorn': '请用 gunicorn 或 uvicorn 运行应用',
        'serve static files with nginx or a real web server': '请用 nginx 或正式的 Web 服务器提供静态文件',
        'drop --reload: it watches files and restarts workers, for development only':
          '去掉 --reload：它会监视文件并重启 worker，只适用于开发',
        'run `{command}` and serve {dir} with nginx': SERVE_WITH_NGINX,
        'run `{tool} build` and `{tool} start` (or serve the output)':
          '运行 `{tool} build` 和 `{tool} start`（或直接提供构建产物）',
        'build the site and serve it with nginx': '请先构建站点，再用 nginx 提供',
        'serve the app with php-fpm behind nginx': '请用 nginx 后面的 php-fpm 运行应用',
        'publish the app and run the published DLL': '请发布（publish）应用，并运行发布出的 DLL',
      },
    },
  },
  'expose-admin-port': {
    summary:
      'EXPOSE 了远程管理端口（22 SSH、23 Telnet、2375/2376 Docker API、3389 RDP、5985/5986 WinRM、10250 kubelet、5900/5901 VNC）。',
    messages: { default: 'EXPOSE {port} 暴露了 {service}：{advice}' },
    values: {
      service: {
        'the unencrypted Docker API': 'Docker API（未加密）',
        'the Docker API': 'Docker API',
        'the kubelet API': 'kubelet API',
      },
      advice: {
        'administer containers with `docker exec` / `kubectl exec`, not an SSH server (unless SSH is the service itself, as in a git server)':
          '请用 `docker exec` / `kubectl exec` 管理容器，而不是 SSH 服务器（除非 SSH 本身就是要提供的服务，例如 git 服务器）',
        'Telnet sends passwords in clear text; remove it': 'Telnet 以明文发送密码；请删除它',
        'whoever reaches it owns the host': '谁能连上它，谁就控制了宿主机',
        'do not run a remote desktop in a production image': '不要在生产镜像中运行远程桌面',
        'use `docker exec` instead of remote management': '请用 `docker exec` 代替远程管理',
        'a kubelet port in an image is almost always a mistake': '镜像中出现 kubelet 端口几乎总是错误',
        'keep remote desktops to debug images': '远程桌面只应出现在调试镜像中',
      },
    },
  },
  'final-inherits-build-tools': {
    summary:
      '多阶段构建中，最终镜像（直接或通过 `FROM <stage>`）基于工具链镜像（golang、rust、maven、gradle、gcc、.NET SDK）。',
    messages: {
      default:
        '最终阶段基于构建工具链镜像 {image}，而构建其实在其他阶段完成：请从运行时基础镜像（slim、JRE、distroless）开始，再用 COPY --from 复制构建产物',
    },
  },
  'final-inherits-secret': {
    summary:
      '最终阶段 FROM 的阶段设置过名称像机密的 ENV，或在 RUN 中用过名称像机密的构建参数：最终镜像会带上它。',
    messages: {
      env: '最终镜像从阶段 {stage} 继承了 ENV {name}：该值就在镜像配置中；请从干净的基础镜像开始，用 COPY --from={stage} 复制所需内容',
      arg: '最终镜像继承了阶段 {stage} 的层，其历史记录了构建参数 {name}（那里的某个 RUN 用到了它）；请从干净的基础镜像开始，并使用 RUN --mount=type=secret',
    },
  },
  'final-stage-root': {
    summary: '最终阶段从未设置 USER，容器以 root 身份运行。',
    messages: {
      default:
        '最终镜像以 root 身份运行：它的阶段（基于 {image}）中没有 USER；请创建一个非特权用户，并用 USER 切换过去',
    },
  },
  'missing-healthcheck': {
    summary: '服务镜像（有 EXPOSE、服务器命令或服务器基础镜像）的最终阶段没有 HEALTHCHECK。',
    messages: {
      default:
        '这个服务镜像没有 HEALTHCHECK（{why}）：它卡死时不会有任何机制察觉；请添加一个，例如 `HEALTHCHECK CMD {probe}`',
    },
    values: {
      why: { 'it runs {program}': '它运行 {program}', '{name} serves': '{name} 是服务器镜像' },
      probe: {
        '<a command the image already has: pg_isready, redis-cli ping, wget -q --spider http://localhost:PORT/ …>':
          '<镜像中已有的命令：pg_isready、redis-cli ping、wget -q --spider http://localhost:PORT/ …>',
      },
    },
  },
  'no-exec-main-process': {
    summary: 'CMD/ENTRYPOINT 通过 `sh -c "…"`（或 shell 形式的脚本）启动主进程，却没有使用 `exec`。',
    messages: {
      default:
        '{keyword} 运行 `{program}` 的方式是 {how}，且没有 exec：shell 仍是 PID 1，不会转发 SIGTERM；请用 `exec {program}` 启动它',
    },
    values: { how: { 'the shell form': 'shell 形式' } },
  },
  'pipe-to-shell': {
    summary: '下载脚本并在同一步中直接运行（`curl … | sh`、`wget -O- … | bash`、`sh -c "$(curl …)"`）。',
    messages: {
      default: '{downloader} 的输出未经校验就交给 {shell} 执行：请先下载到文件，校验其 SHA-256，再运行',
    },
  },
  'python-unbuffered': {
    summary: 'Python 镜像（或运行 Python 的最终阶段）没有设置 `ENV PYTHONUNBUFFERED=1`。',
    messages: {
      default:
        '此镜像（{why}）没有设置 PYTHONUNBUFFERED：日志会延迟输出，崩溃时最后几行会丢失；请添加 ENV PYTHONUNBUFFERED=1',
    },
    values: { why: { 'Python image': '基于 Python 镜像', 'image that runs Python': '运行 Python' } },
  },
  'secret-arg-env-name': {
    summary: '名称表明保存着机密（password、token、API key、secret、credentials）的 ARG 或 ENV。',
    messages: {
      ARG: 'ARG {name} 看起来是机密：构建参数会保留在镜像历史中；请改用 RUN --mount=type=secret',
      ENV: 'ENV {name} 看起来是机密：ENV 的值保存在镜像中；请在运行时传入（构建时用 RUN --mount=type=secret）',
    },
  },
  'secret-deleted-later': {
    summary: '机密文件由一条指令添加、被后面的指令删除：它仍随前面的层一起发布。',
    messages: {
      default:
        '`rm` 删不掉 {file}：它仍在第 {line} 行（{keyword}）的层中；请使用 RUN --mount=type=secret（或 --mount=type=ssh），让它根本不进入任何层',
    },
  },
  'secret-file-copied': {
    summary:
      'COPY/ADD 了含机密的文件：私钥（`id_rsa`、`*.key`、`*.pem`）、`.env`、`.npmrc`/`.pypirc`、云凭据（`.aws/credentials`、服务账号 JSON）、kubeconfig、`.git-credentials`、`.netrc`、`.ssh` 目录。',
    messages: {
      certain:
        '{keyword} 把 {file}（{description}）复制进了一个层，它会永久留在那里：构建时请用 RUN --mount=type=secret，容器运行时请用运行时机密',
      likely:
        '{keyword} 复制了 {file}（{description}），这类文件常含凭据：如果确实含有，请改用 RUN --mount=type=secret，而不是复制它',
    },
    values: { description: SECRETS_ZH },
  },
  'secret-in-command': {
    summary:
      '在命令行上写了密码或令牌（`--password X`、`mysql -pX`、`docker login -p X`、`curl -u user:pass`、`aws configure set aws_secret_access_key X`、URL 中的凭据、`echo user:pass | chpasswd`、已知格式的令牌）。',
    messages: {
      default:
        '{carrier} 在命令行上传递了机密（{description}，{redacted}），它会留在镜像历史中：请使用 RUN --mount=type=secret，并从 /run/secrets 读取',
      account:
        '账户密码（{redacted}）通过 `{carrier}` 用字面值设置：任何拿到镜像的人都能登录；请在运行时设置，或锁定该账户',
    },
    values: { carrier: { 'a URL': 'URL', 'a command': '命令' }, description: DESCRIPTIONS },
  },
  'secret-value': {
    summary:
      'ARG 默认值、ENV 或 LABEL 的值、或 heredoc 中硬编码了凭据（已知格式的令牌、私钥、JWT、机密名称键的密码、看似随机的值）。',
    messages: {
      default:
        '{where} 中含有机密（{description}，{redacted}）：它会保存在镜像中；请轮换该凭据，并通过 RUN --mount=type=secret 或在运行时传入',
    },
    values: { where: { 'the heredoc of {keyword}': '{keyword} 的 heredoc' }, description: DESCRIPTIONS },
  },
  sudo: {
    summary: '在 RUN 指令中使用了 `sudo`。',
    messages: { default: '构建中不要使用 sudo：请为需要 root 的步骤切换 USER' },
  },
  'tls-verify-disabled': {
    summary:
      '下载时关闭了 TLS、签名或主机密钥校验（`curl -k`、`wget --no-check-certificate`、`pip --trusted-host`、`http://` 软件包索引、`npm config set strict-ssl false`、`NODE_TLS_REJECT_UNAUTHORIZED=0`、`GIT_SSL_NO_VERIFY`、`git -c http.sslVerify=false`、`PYTHONHTTPSVERIFY=0`、`apk --allow-untrusted`、`--nogpgcheck`、`StrictHostKeyChecking=no` …）。',
    messages: {
      default: '{what} 关闭了{check}：位于构建与服务器之间的任何人都能替换它下载的内容',
    },
    values: {
      what: { 'an APT source with [trusted=yes]': '带 [trusted=yes] 的 APT 源' },
      check: {
        'TLS certificate verification': '对 TLS 证书的校验',
        'package signature verification': '对软件包签名的校验',
        'SSH host key verification': '对 SSH 主机密钥的校验',
      },
    },
  },
  'unused-stage': {
    summary:
      '最终阶段没有用到的构建阶段（既没有 `FROM` 它，也没有 `COPY --from` / `RUN --mount=from=` 它，无论直接还是经由其他阶段）。',
    messages: {
      default: '最终阶段没有用到阶段 {stage}：BuildKit 会跳过它；请删除它，或用 --target 有意构建它',
    },
  },
  'user-root': {
    summary: '阶段的最后一条 USER 是 root。',
    messages: {
      default: '此阶段的最后一条 USER 是 root（"{user}"）：请在需要 root 的步骤之后切换到非特权用户',
    },
  },
  'workdir-system-folder': {
    summary:
      '应用文件被直接复制进系统目录（`WORKDIR /`、`/usr`、`/etc`、`/root`、`/bin` … 之后跟着 `COPY … .`）。',
    messages: {
      default: 'WORKDIR {dir} 是系统目录，而下面的 COPY 会把应用文件写进去：请使用应用自己的目录，例如 /app',
    },
  },
  'world-writable': {
    summary: '文件被设为所有用户可写（`chmod 777`、`chmod -R a+w`、`o+w`、`COPY --chmod=777`）。',
    messages: {
      default: '权限 {mode} 让所有用户都能写这些文件：请把所有权交给需要写入的用户（chown），并使用 755/644',
    },
  },
};
