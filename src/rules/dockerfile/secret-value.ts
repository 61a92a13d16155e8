import type { Severity } from '../../core/finding.js';
import { dockerfileRule } from '../define.js';
import { secretValues } from './lib/secret-values.js';

const SEVERITY: Record<'high' | 'medium' | 'low', Severity> = {
  high: 'error',
  medium: 'error',
  low: 'warning',
};

export default dockerfileRule({
  id: 'secret-value',
  code: 'DA3101',
  aliases: [],
  severity: 'error',
  category: 'security',
  docs: {
    summary:
      'A hard-coded credential in an ARG default, an ENV or LABEL value, or a heredoc (known token formats, private keys, JWTs, passwords of secret-named keys, random-looking values).',
    rationale:
      'Whatever is written in a Dockerfile ends up in the image (ENV, LABEL, heredoc files) or its history (ARG), and in the repository that holds the Dockerfile. Rotate the credential, then pass it with `RUN --mount=type=secret` at build time or through the orchestrator at run time. Values are never printed: messages and code frames show a redacted form. Random-looking values of neutral names are reported as warnings; checksums, key fingerprints, versions and commit ids are not reported.',
    bad: 'FROM python:3.12-slim\nENV DB_PASSWORD=S3cr3t-Passw0rd-2024',
    good: 'FROM python:3.12-slim\n# DB_PASSWORD is given at run time: docker run -e DB_PASSWORD=…',
  },
  messages: {
    default:
      '{where} holds {description} ({redacted}): it is stored in the image; rotate it and pass it with RUN --mount=type=secret or at run time',
  },
  check({ model, report }) {
    for (const s of secretValues(model)) {
      if (s.place === 'command') continue;
      const where =
        s.place === 'heredoc'
          ? `the heredoc of ${s.instruction.keyword}`
          : `${s.instruction.keyword} ${s.name ?? ''}`.trim();
      report({
        span: s.span,
        data: { where, description: s.match.description, redacted: s.match.redacted },
        severity: SEVERITY[s.match.confidence],
      });
    }
  },
});
