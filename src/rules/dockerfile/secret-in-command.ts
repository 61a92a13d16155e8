import type { Severity } from '../../core/finding.js';
import { dockerfileRule } from '../define.js';
import { secretValues } from './lib/secret-values.js';

const SEVERITY: Record<'high' | 'medium' | 'low', Severity> = {
  high: 'error',
  medium: 'warning',
  low: 'warning',
};

export default dockerfileRule({
  id: 'secret-in-command',
  code: 'DA3104',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'A password or token written on a command line (`--password X`, `mysql -pX`, `docker login -p X`, `curl -u user:pass`, `aws configure set aws_secret_access_key X`, credentials in URLs, `echo user:pass | chpasswd`, known token formats).',
    rationale:
      'RUN, CMD and ENTRYPOINT command lines are stored in the image history and configuration, readable by anyone who can pull the image, and in the repository. Mount the secret for the one step that needs it (`RUN --mount=type=secret,id=token …`, read from `/run/secrets/token` or `env=` in recent BuildKit) and rotate any credential that was committed. Variables, `/run/secrets` files, `--password-stdin` and placeholders are not reported; values are never printed.',
    bad: 'FROM alpine:3.20\nRUN curl -fsSL -u deploy:Tr0ub4dor-3 https://repo.example.com/app.tgz -o /tmp/app.tgz',
    good: 'FROM alpine:3.20\nRUN --mount=type=secret,id=repo_auth curl -fsSL -u "deploy:$(cat /run/secrets/repo_auth)" https://repo.example.com/app.tgz -o /tmp/app.tgz',
  },
  messages: {
    default:
      '{carrier} passes {description} ({redacted}) on the command line, which stays in the image history: use RUN --mount=type=secret and read it from /run/secrets',
    account:
      'an account password ({redacted}) is set from a literal with `{carrier}`: anyone with the image can log in; set it at run time or lock the account',
  },
  check({ model, report }) {
    for (const s of secretValues(model)) {
      if (s.place !== 'command') continue;
      report({
        span: s.span,
        messageId: s.match.kind === 'account-password' ? 'account' : 'default',
        data: {
          carrier: s.carrier ?? 'a command',
          description: s.match.description,
          redacted: s.match.redacted,
        },
        severity: SEVERITY[s.match.confidence],
      });
    }
  },
});
