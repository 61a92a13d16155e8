/**
 * Section 6: build performance — cache mounts, dependency layers before the source, multi-stage builds,
 * the size of what each build sends, parallel builds and a shared build cache — with the images that
 * already do each and those that should, read from the Dockerfile facts, the cache findings and the
 * optimizer's changes.
 */
import type { Finding } from '../core/finding.js';
import type { DockerfileFacts } from './dockerfile-facts.js';
import { shellQuote } from './format.js';
import type { Translate } from './i18n/index.js';
import type { IgnoreProposalEntry, PerformanceItem } from './types.js';

export interface PerformanceImage {
  name: string;
  facts: DockerfileFacts | null;
  /** Optimizer change keys for this image; null when the optimizer did not run on it. */
  changes: readonly string[] | null;
}

export interface PerformanceInput {
  images: PerformanceImage[];
  findings: readonly Finding[];
  issueOf: ReadonlyMap<Finding, string>;
  imageOf: ReadonlyMap<Finding, string>;
  proposals: readonly IgnoreProposalEntry[];
  /** Compose files that build images (for the parallel-build command), relative paths as typed. */
  composeFiles: string[];
  /** The audited folder as typed. */
  dir: string;
  t: Translate;
}

const DEPENDENCY_CHANGES = new Set(['change.depsBeforeSource', 'change.javaDeps']);
const CACHE_MOUNT_CHANGES = new Set([
  'change.aptCacheMounts',
  'change.depsCacheMount',
  'change.goModCache',
  'change.javaDeps',
]);

export function buildPerformance(input: PerformanceInput): PerformanceItem[] {
  const { t } = input;
  const built = input.images.filter((i) => i.facts !== null);
  const cacheFindings = input.findings.filter((f) => f.category === 'cache');
  const mountFindings = cacheFindings.filter((f) => /cache-mount|mount-cache/.test(f.rule));
  const orderFindings = cacheFindings.filter((f) => !mountFindings.includes(f));
  const imagesOf = (fs: readonly Finding[]) => new Set(fs.map((f) => input.imageOf.get(f) ?? f.file));
  const ids = (fs: readonly Finding[]) => fs.flatMap((f) => input.issueOf.get(f) ?? []);

  const mountTodo = imagesOf(mountFindings);
  for (const i of built)
    if (i.changes?.some((c) => CACHE_MOUNT_CHANGES.has(c)) && i.facts!.cacheMounts === 0)
      mountTodo.add(i.name);
  const orderTodo = imagesOf(orderFindings);
  for (const i of built) if (i.changes?.some((c) => DEPENDENCY_CHANGES.has(c))) orderTodo.add(i.name);

  const items: Omit<PerformanceItem, 'id'>[] = [
    {
      kind: 'cache-mounts',
      title: t('perf.cacheMounts'),
      effect: t('perf.cacheMountsEffect'),
      how: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
      howLang: 'dockerfile',
      done: built.filter((i) => i.facts!.cacheMounts > 0).map((i) => i.name),
      todo: built.filter((i) => i.facts!.cacheMounts === 0 && mountTodo.has(i.name)).map((i) => i.name),
      issues: ids(mountFindings),
    },
    {
      kind: 'dependency-layers',
      title: t('perf.dependencyLayers'),
      effect: t('perf.dependencyLayersEffect'),
      how: 'COPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .',
      howLang: 'dockerfile',
      done: built.filter((i) => !orderTodo.has(i.name) && i.changes !== null).map((i) => i.name),
      todo: built.filter((i) => orderTodo.has(i.name)).map((i) => i.name),
      issues: ids(orderFindings),
    },
    {
      kind: 'multi-stage',
      title: t('perf.multiStage'),
      effect: t('perf.multiStageEffect'),
      how: 'FROM … AS builder\n…\nFROM …\nCOPY --from=builder …',
      howLang: 'dockerfile',
      done: built.filter((i) => i.facts!.stages > 1).map((i) => i.name),
      todo: built.filter((i) => i.facts!.stages === 1).map((i) => i.name),
      issues: [],
    },
  ];
  const heavy = input.proposals.filter((p) => p.scope === 'context' && (p.savedBytes ?? 0) > 0);
  items.push({
    kind: 'context-size',
    title: t('perf.contextSize'),
    effect: t('perf.contextSizeEffect'),
    how: '.dockerignore',
    howLang: 'text',
    done: input.proposals
      .filter((p) => p.scope === 'context' && p.exists && !heavy.includes(p))
      .flatMap((p) => p.images),
    todo: heavy.flatMap((p) => p.images),
    issues: [],
  });
  if (built.length > 1)
    items.push({
      kind: 'parallel-builds',
      title: t('perf.parallel'),
      effect: t('perf.parallelEffect', { count: built.length }),
      how:
        input.composeFiles.length > 0
          ? input.composeFiles.map((f) => `docker buildx bake -f ${shellQuote(f)}`).join('\n')
          : `docker buildx bake  # ${t('perf.parallelBakeFile')}`,
      howLang: 'sh',
      done: [],
      todo: built.map((i) => i.name),
      issues: [],
    });
  items.push({
    kind: 'build-cache',
    title: t('perf.buildCache'),
    effect: t('perf.buildCacheEffect'),
    how: 'docker buildx build --cache-from type=registry,ref=REGISTRY/IMAGE:buildcache \\\n  --cache-to type=registry,ref=REGISTRY/IMAGE:buildcache,mode=max …',
    howLang: 'sh',
    done: [],
    todo: built.map((i) => i.name),
    issues: [],
  });
  return items.map((item, i) => ({ id: `P-${i + 1}`, ...item }));
}
