import type { Severity } from '../../core/finding.js';
import { at, atPath, contextRule, describeCopy } from './lib/define.js';

const BY_CONFIDENCE: Record<string, Severity> = { high: 'error', medium: 'warning', low: 'info' };

export default contextRule({
  id: 'secret-in-context-file',
  code: 'DA6006',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'A file the build context sends contains a secret (a known token format, a password in a URL, or a hard-coded value of a secret-named key).',
    rationale:
      'A token in a configuration file the context sends ends up in any image that copies the file. Known token formats are errors, hard-coded values of secret-named keys warnings, random-looking values infos. Values are shown redacted. Mark documented examples with `dockaudit:allow-secret` on the line, or allow them in the configuration.',
    bad: '# config/settings.yaml, copied by COPY . .\ngithub_token: ghp_…',
    good: '# config/settings.yaml\ngithub_token: ""   # injected at run time from the environment',
  },
  messages: {
    default: '{description} ({redacted}) in a file the build context sends',
    copied: '{description} ({redacted}) in a file copied into the image by {copy}',
  },
  check({ model, report }) {
    const keyFiles = new Set(
      model.secretFiles.filter((f) => f.kind.category === 'private-key').map((f) => f.path),
    );
    for (const s of model.secrets) {
      // A private key file is reported once, as a secret file.
      if (s.match.kind === 'private-key' && keyFiles.has(s.path)) continue;
      const copied = s.copiedBy.filter((p) => p.reachesFinal);
      const { path: _path, match, ...region } = s;
      report({
        ...at(atPath(model, s.path, region)),
        messageId: copied.length > 0 ? 'copied' : 'default',
        severity: BY_CONFIDENCE[match.confidence],
        data: {
          description: match.description.replace(/^./, (c) => c.toUpperCase()),
          redacted: match.redacted,
          copy: copied.length > 0 ? describeCopy(copied[0]!) : '',
        },
      });
    }
  },
});
