import { dockerfileRule } from '../define.js';
import { envProblem, tlsProblemsOf } from './lib/tls-checks.js';

export default dockerfileRule({
  id: 'tls-verify-disabled',
  code: 'DA3105',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'TLS, signature or host-key verification turned off for downloads (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `http://` package indexes, `npm config set strict-ssl false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `git -c http.sslVerify=false`, `PYTHONHTTPSVERIFY=0`, `apk --allow-untrusted`, `--nogpgcheck`, `StrictHostKeyChecking=no` …).',
    rationale:
      'Without verification, anyone between the build and the server (a proxy, a mirror, a compromised network) can hand the build different packages or scripts, which then run as root and ship in the image. An ENV sets it for every later step and for the running container too. Fix the cause instead: install `ca-certificates`, add the company CA to the trust store, use the `https://` address of the mirror (a mirror with a valid certificate needs no `--trusted-host`), import the repository key, or pin SSH host keys with `ssh-keyscan`.',
    bad: 'FROM python:3.12-slim\nRUN pip install -i https://pypi.tuna.tsinghua.edu.cn/simple/ --trusted-host pypi.tuna.tsinghua.edu.cn -r requirements.txt',
    good: 'FROM python:3.12-slim\nRUN pip install -i https://pypi.tuna.tsinghua.edu.cn/simple/ -r requirements.txt',
  },
  messages: {
    default:
      '{what} turns off {check}: whoever sits between the build and the server can swap what it downloads',
  },
  check({ model, report }) {
    for (const { cmd } of model.runCommands()) {
      for (const p of tlsProblemsOf(cmd)) {
        const span = p.word ? { start: p.word.start, end: p.word.end } : { start: cmd.start, end: cmd.end };
        report({ span, data: { what: p.what, check: p.check } });
      }
    }
    for (const top of model.file.instructions) {
      const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
      if (inst.keyword === 'ENV') {
        for (const pair of inst.pairs) {
          const check = envProblem(pair.key, pair.value);
          if (check) report({ span: pair.span, data: { what: `ENV ${pair.key}`, check } });
        }
      } else if (inst.keyword === 'ARG') {
        for (const a of inst.args) {
          const check = a.value === null ? null : envProblem(a.name, a.value);
          if (check) report({ span: a.span, data: { what: `ARG ${a.name}`, check } });
        }
      }
    }
  },
});
