import { at, atPath, contextRule, describeCopy } from './lib/define.js';

export default contextRule({
  id: 'secret-file-in-context',
  code: 'DA6002',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'A secret-bearing file (.env, private key, registry or cloud credentials, kubeconfig) is sent with the build context.',
    rationale:
      'Whatever the context sends can be copied into an image layer, where anyone who pulls the image can read it, even if a later layer deletes it. A file copied into a stage of the final image is an error; one that is only sent is a warning (the next broad COPY will take it). Exclude it in .dockerignore and pass build-time credentials with `RUN --mount=type=secret`.',
    bad: '# .env and id_rsa sit in the context, no .dockerignore\nCOPY . /app',
    good: '# .dockerignore\n**/.env\n**/id_rsa*\n\n# Dockerfile\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
  },
  messages: {
    default: '{description} {path} is sent with the build context; exclude it in .dockerignore',
    copied: '{description} {path} is copied into the image by {copy}; exclude it in .dockerignore',
  },
  check({ model, report }) {
    for (const f of model.secretFiles) {
      const copied = f.copiedBy.filter((p) => p.reachesFinal);
      report({
        ...at(atPath(model, f.path)),
        messageId: copied.length > 0 ? 'copied' : 'default',
        severity: copied.length > 0 ? 'error' : 'warning',
        data: {
          description: f.kind.description.replace(/^./, (c) => c.toUpperCase()),
          path: f.path,
          copy: copied.length > 0 ? describeCopy(copied[0]!) : '',
        },
      });
    }
  },
});
