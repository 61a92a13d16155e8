import type { Span } from '../../core/positions.js';
import { dockerfileRule } from '../define.js';
import { isRealSecretValue, isSecretName } from './lib/secret-names.js';

/** Values that make the variable a setting or a pointer, not a secret: booleans, small numbers, paths, plain URLs. */
const NOT_A_SECRET_VALUE =
  /^(?:true|false|yes|no|on|off|\d{1,3}|(?:\/|\.\/|~\/)\S*|[a-z][a-z0-9+.-]*:\/\/[^@\s]*)$/i;

export default dockerfileRule({
  id: 'secret-arg-env-name',
  code: 'DA3064',
  aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'An ARG or ENV whose name says it holds a secret (password, token, API key, secret, credentials).',
    rationale:
      'ENV values are stored in the image configuration and ARG values in the history of every RUN that follows: anyone who can pull the image can read them (`docker history`, `docker inspect`). Pass build-time secrets with `RUN --mount=type=secret` and run-time secrets through the orchestrator. Names that point at a secret rather than hold one are not reported (`*_FILE`, `*_PATH`, `*_URL`, `*_NAME`, `*_ID`, `PASSWORD_LENGTH`, `GPG_KEYS` fingerprints, `PUBLIC_KEY`), nor ENV values that are empty, placeholders (`<token>`, `**ChangeMe**`), booleans, paths, plain URLs, file names or password hashes; unlike hadolint and BuildKit, `USERNAME`, `KEY` and `AUTH` alone do not count.',
    bad: 'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci',
    good: 'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
  },
  messages: {
    ARG: 'ARG {name} looks like a secret: build arguments are kept in the image history; use RUN --mount=type=secret instead',
    ENV: 'ENV {name} looks like a secret: ENV values are stored in the image; pass it at run time (or RUN --mount=type=secret for the build)',
  },
  check({ model, report }) {
    for (const top of model.file.instructions) {
      const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
      const names: Array<{ name: string; span: Span; value: string | null }> = [];
      if (inst.keyword === 'ARG')
        for (const a of inst.args) names.push({ name: a.name, span: a.nameSpan, value: a.value });
      else if (inst.keyword === 'ENV')
        for (const p of inst.pairs) names.push({ name: p.key, span: p.keySpan, value: p.value });
      else continue;
      for (const { name, span, value } of names) {
        if (!isSecretName(name)) continue;
        if (value !== null && NOT_A_SECRET_VALUE.test(value.trim())) continue;
        // An ENV that copies a variable (`ENV TOKEN=$TOKEN`) persists a build argument; otherwise its
        // value must be a real one, not a placeholder, a file name or a password hash.
        if (inst.keyword === 'ENV' && !isRealSecretValue(name, value ?? '')) continue;
        report({ span, messageId: inst.keyword, data: { name } });
      }
    }
  },
});
