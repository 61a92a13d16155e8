import { dockerfileRule } from '../define.js';

const HTTP_URL = /^https?:\/\//i;
/** Git repositories are pinned by commit, not by checksum. */
const GIT_URL = /\.git(?:$|#)|^git@|^git:\/\//i;
/** API answers added on purpose to bust the cache when a branch moves: a checksum would defeat them. */
const CACHE_BUSTER = /^https:\/\/api\.github\.com\//i;

export default dockerfileRule({
  id: 'add-url-checksum',
  code: 'DA3109',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: '`ADD` of an HTTP(S) URL without `--checksum`.',
    rationale:
      'Without a checksum the build trusts whatever the server returns today: a compromised or changed download silently enters the image, and the build is not reproducible. `ADD --checksum=sha256:<digest> <url> <dest>` (Dockerfile syntax 1.6+) makes BuildKit verify the file before using it.',
    bad: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/',
    good: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/',
  },
  messages: {
    default: 'ADD downloads {url} without --checksum: pin its sha256 so a changed file fails the build',
  },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      const add = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (add?.keyword !== 'ADD') continue;
      if (add.flags.some((f) => f.name === 'checksum')) continue;
      for (const source of add.sources) {
        const e = model.expand(source, add);
        const url = e.complete ? e.value : source.value;
        if (!HTTP_URL.test(url) || GIT_URL.test(url) || CACHE_BUSTER.test(url)) continue;
        report({ span: source.span, data: { url: url.replace(/^(https?:\/\/)[^/@]*@/i, '$1') } });
      }
    }
  },
});
