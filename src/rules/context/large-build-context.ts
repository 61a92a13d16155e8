import { at, atPath, contextRule, formatBytes } from './lib/define.js';

/** Default threshold: Docker users notice transfers above ~100 MB; override with ruleOptions.maxBytes. */
const DEFAULT_MAX_BYTES = 100_000_000;

export default contextRule({
  id: 'large-build-context',
  code: 'DA6005',
  aliases: [],
  severity: 'info',
  category: 'size',
  docs: {
    summary: 'The build context sends more than a threshold (100 MB by default).',
    rationale:
      'Every build transfers the context to the builder (the whole of it with the classic builder, what COPY needs with BuildKit). A large context slows builds, fills caches and usually carries files the image does not need. The option `maxBytes` sets the threshold.',
    bad: '# 1.2 GB context: data sets, build outputs, node_modules',
    good: '# .dockerignore keeps the context to the sources the image needs',
  },
  messages: {
    default: 'the build context sends {size} in {files} files (threshold {limit}); biggest: {biggest}',
  },
  check({ model, settings, report }) {
    const option = settings.ruleOptions['large-build-context']?.maxBytes;
    const limit = typeof option === 'number' && option > 0 ? option : DEFAULT_MAX_BYTES;
    if (model.walk.bytes <= limit) return;
    const biggest = model.walk.topLevel
      .filter((t) => !t.excluded)
      .slice(0, 3)
      .map((t) => `${t.path} ${formatBytes(t.bytes)}`)
      .join(', ');
    report({
      ...at(
        model.ignore
          ? { file: model.ignore.file, region: { line: 1, column: 1, endLine: 1, endColumn: 1 } }
          : atPath(model, '.'),
      ),
      data: {
        size: formatBytes(model.walk.bytes),
        files: model.walk.files,
        limit: formatBytes(limit),
        biggest,
      },
    });
  },
});
