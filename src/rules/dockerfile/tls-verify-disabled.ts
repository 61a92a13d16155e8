import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { envProblem, tlsProblemsOf } from './lib/tls-checks.js';

/** Every problem `tlsProblemsOf` finds needs one of these words in the RUN's text (a prefilter only). */
const RUN_HINT =
  /curl|insecure|tls-verify|verify-ssl|trusted|Acquire::|AllowUnauth|StrictHostKey|check-certificate|allow-unauth|allow-untrusted|gpgcheck|gpg-checks|nosignature|nodigest|sslverify|ssl_verify|secure-http|disable-tls|strict-ssl|StrictSsl|registry|index-url|-i|REJECT_UNAUTHORIZED|SSL_NO_VERIFY|HTTPSVERIFY|PIP_|NPM_CONFIG|YARN_REGISTRY|CA_BUNDLE|GOINSECURE|GIT_SSH_COMMAND/i;

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
    let last: Instruction | null = null;
    let worth = false;
    for (const { inst, cmd } of model.runCommands()) {
      // One cheap look at the whole RUN before reading its commands one by one.
      if (inst !== last) {
        last = inst;
        worth = RUN_HINT.test(inst.argsText) || inst.heredocs.some((h) => RUN_HINT.test(h.body));
      }
      if (!worth) continue;
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
