import type { Span } from '../../core/positions.js';
import type { Instruction } from '../../dockerfile/model.js';
import type { SecretFileKind } from '../../secrets/index.js';
import { dockerfileRule } from '../define.js';
import { isTemplateName, secretPathKind } from './lib/secret-files.js';

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export default dockerfileRule({
  id: 'secret-file-copied',
  code: 'DA3102',
  aliases: [],
  severity: 'error',
  category: 'security',
  docs: {
    summary:
      'COPY/ADD of a secret-bearing file: private keys (`id_rsa`, `*.key`, `*.pem`), `.env`, `.npmrc`/`.pypirc`, cloud credentials (`.aws/credentials`, service-account JSON), kubeconfig, `.git-credentials`, `.netrc`, an `.ssh` folder.',
    rationale:
      'A copied file is stored in its layer for good: deleting it later, or using it only in a builder stage that is pushed or cached, does not take it back, and anyone who pulls the image can extract it. Give the build the secret with `RUN --mount=type=secret,id=…` (or `--mount=type=ssh` for git over SSH) and the running container through the orchestrator. Names that only sometimes hold credentials (`.npmrc`, `*.pem`, `settings.xml`) are reported as warnings; an `.env.example` or a public key is not reported.',
    bad: 'FROM node:20\nCOPY .npmrc .env /app/\nRUN npm ci',
    good: 'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
  },
  messages: {
    certain:
      '{keyword} copies {file} ({description}) into a layer, where it stays for good: use RUN --mount=type=secret for the build and run-time secrets for the container',
    likely:
      '{keyword} copies {file} ({description}), which often holds credentials: if it does, use RUN --mount=type=secret instead of copying it',
  },
  check({ model, report }) {
    const flag = (inst: Instruction, span: Span, file: string, kind: SecretFileKind) =>
      report({
        span,
        messageId: kind.evidence === 'likely' ? 'likely' : 'certain',
        data: { keyword: inst.keyword, file, description: kind.description },
        severity: kind.evidence === 'likely' ? 'warning' : 'error',
      });
    const context = model.context;
    for (const top of model.file.instructions) {
      const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      let reported = false;
      const names = new Set<string>();
      for (const source of inst.sources) {
        if (source.value.startsWith('<<')) continue;
        const e = source.raw.includes('$') ? model.expand(source, inst) : null;
        const path = e?.complete ? e.value : source.value;
        names.add(path.replace(/\/+$/, '').split('/').pop() ?? '');
        // `COPY .env.example .env`: the content is the template's, whatever the destination is called.
        if (isTemplateName(path)) reported = true;
        if (URL.test(path)) {
          reported = true;
          continue;
        }
        const kind = secretPathKind(path);
        if (!kind) continue;
        // With the build context at hand, a source that sends nothing is not a leak.
        const fromContext = !inst.flags.some((f) => f.name === 'from');
        if (context && fromContext && context.matches(path).length === 0) continue;
        flag(inst, source.span, path, kind);
        reported = true;
      }
      if (reported || !inst.destination) continue;
      // The destination tells when the source name does not: `COPY creds /root/.aws/credentials`,
      // `COPY <<EOF /root/.npmrc` (the heredoc content decides).
      const dest = model.expand(inst.destination, inst);
      if (!dest.complete || dest.value.endsWith('/') || names.has(dest.value.split('/').pop() ?? ''))
        continue;
      const heredoc = inst.heredocs.find((h) =>
        inst.sources.some((s) => s.value.replace(/^<<-?["']?/, '').replace(/["']$/, '') === h.name),
      );
      const kind = secretPathKind(dest.value, heredoc?.body);
      if (kind && (kind.category !== 'ssh' || !heredoc)) flag(inst, inst.destination.span, dest.value, kind);
    }
  },
});
