/**
 * nginx as an unprivileged process: a configuration that listens on a port ≥ 1024 and keeps its pid and
 * temporary files in /tmp, so it runs as the image's nginx user (UID 101) with nothing to chown.
 */

/** Port an unprivileged nginx listens on when the original used a privileged one. */
export const UNPRIVILEGED_PORT = 8080;

/**
 * A complete nginx.conf serving static files from `root`, or (with `includeConfD`) the server blocks of
 * the user's own /etc/nginx/conf.d files.
 */
export function unprivilegedNginxConf(port: number, root: string, includeConfD = false): string {
  const server = includeConfD
    ? '    include /etc/nginx/conf.d/*.conf;'
    : `    server {
        listen ${port};
        listen [::]:${port};
        server_name _;
        root ${root};
        index index.html;

        location / {
            try_files $uri $uri/ =404;
        }
    }`;
  return `# Written by dockaudit optimize: nginx without root privileges.
worker_processes auto;
pid /tmp/nginx.pid;
error_log stderr warn;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log /dev/stdout;
    sendfile on;
    server_tokens off;

    client_body_temp_path /tmp/client_temp;
    proxy_temp_path /tmp/proxy_temp;
    fastcgi_temp_path /tmp/fastcgi_temp;
    uwsgi_temp_path /tmp/uwsgi_temp;
    scgi_temp_path /tmp/scgi_temp;

${server}
}
`;
}

/** Privileged ports a configuration listens on (`listen 80;`, `listen [::]:443 ssl;`). */
export function privilegedListens(conf: string): number[] {
  const ports: number[] = [];
  for (const m of conf.matchAll(/(?:^|[{;\s])listen\s+(?:[^\s;]*:)?(\d+)\b[^;]*;/g)) {
    const port = Number(m[1]);
    if (port < 1024 && !ports.includes(port)) ports.push(port);
  }
  return ports;
}

/**
 * The user's configuration made unprivileged: privileged listen ports moved to `port`, the `user`
 * directive dropped (it needs root), the pid file in /tmp. Returns null when nothing needs changing.
 */
export function rewriteNginxConf(conf: string, port: number): string | null {
  let text = conf.replace(/((?:^|[{;\s])listen\s+(?:[^\s;]*:)?)(\d+)\b/g, (whole, head: string, p: string) =>
    Number(p) < 1024 ? `${head}${port}` : whole,
  );
  text = text.replace(/^\s*user\s+[^;]+;\s*\n/m, '');
  if (/^\s*pid\s+/m.test(text)) text = text.replace(/^(\s*pid\s+)[^;]+;/m, '$1/tmp/nginx.pid;');
  else if (/^\s*events\s*\{/m.test(text)) text = `pid /tmp/nginx.pid;\n${text}`;
  return text === conf ? null : text;
}
