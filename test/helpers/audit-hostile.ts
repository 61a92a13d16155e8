/**
 * A repository whose Dockerfile, folder names and compose file carry markup and script text, to prove
 * the audit report shows them as text. Every payload sets `window.__pwned` when it runs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const EVIL_DIR = '<img src=x onerror=window.__pwned=5>';

export function hostileRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockaudit-hostile-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'web/Dockerfile',
    [
      '# <script>window.__pwned = 1; document.title = "pwned"</script>',
      'FROM nginx:latest',
      'LABEL description="<img src=x onerror=\\"window.__pwned=2\\"><script>window.__pwned=3</script>"',
      "RUN echo '</code></pre><script>window.__pwned=4</script>' > /x && echo '```' '`x`'",
      'COPY . /usr/share/nginx/html',
      'CMD nginx -g "daemon off;" <script>window.__pwned=6</script>',
      '',
    ].join('\n'),
  );
  write('web/index.html', '<script>window.__pwned=7</script>\n');
  write(`${EVIL_DIR}/Dockerfile`, 'FROM alpine\nRUN apk add curl\n');
  write(
    'docker-compose.yml',
    [
      'services:',
      '  web:',
      '    build: ./web',
      '    environment:',
      '      NOTE: "<script>window.__pwned=8</script>"',
      '  proxy:',
      '    image: "nginx:<script>"',
      '',
    ].join('\n'),
  );
  return dir;
}
