/**
 * A small monorepo shaped like seed 000 (a Python backend, two Node front ends, compose), with an
 * `.env`, a private key and `node_modules` — written to a temporary folder at run time so that no
 * key-shaped file sits in the repository.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FAKE } from '../secrets/tokens.js';

export const BACKEND_DOCKERFILE = `FROM python:3.12-slim AS builder
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:3.12-slim
WORKDIR /app
COPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
COPY . .
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
`;

export const FRONTEND_DOCKERFILE = `FROM node:20-slim AS builder
WORKDIR /app
COPY package.json package-lock.json* ./
RUN npm install
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/nginx.conf
COPY --from=builder /app/dist /usr/share/nginx/html
`;

export interface Fixture {
  root: string;
  cleanup(): void;
}

export function makeFixture(extra: Record<string, string> = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'dockaudit-ctx-'));
  const files: Record<string, string> = {
    Dockerfile: BACKEND_DOCKERFILE,
    'requirements.txt': 'fastapi==0.111.0\nuvicorn==0.30.0\n',
    'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    'app/__pycache__/main.cpython-312.pyc': '\u0000\u0001compiled',
    'app/config.py': 'import os\nDB_URL = os.environ["DB_URL"]\n',
    'app/settings.yaml': `database:\n  password: Zq8Lm3Xv7Tb2Nk9P\ngithub_token: ${FAKE.github}\n`,
    '.env': 'DB_PASSWORD=s3cr3t-Db-Passw0rd\nDEBUG=0\n',
    '.env.example': 'DB_PASSWORD=changeme\n',
    'deploy_key.pem': `${FAKE.privateKey}\n`,
    'node_modules/left-pad/index.js': 'module.exports = (s) => s;\n',
    'node_modules/left-pad/package.json': '{"name":"left-pad"}\n',
    'docs/guide.md': '# Guide\n',
    'tests/test_main.py': 'def test_ok():\n    assert True\n',
    'README.md': '# backend\n',
    'docker-compose.yml': 'services:\n  backend:\n    build: .\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/config': '[core]\n\tbare = false\n',
    'frontend-agent/Dockerfile': FRONTEND_DOCKERFILE,
    'frontend-agent/package.json': '{"name":"agent","scripts":{"build":"vite build"}}\n',
    'frontend-agent/nginx.conf': 'events {}\n',
    'frontend-agent/src/main.ts': 'console.log(1);\n',
    'frontend-agent/node_modules/vite/index.js': 'export {};\n',
    'frontend-agent/dist/index.html': '<html></html>\n',
    'frontend-agent/.env': 'VITE_API_KEY=Zq8Lm3Xv7Tb2Nk9PcHd6Js1F\n',
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync('/etc/hostname', join(root, 'host-link'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
