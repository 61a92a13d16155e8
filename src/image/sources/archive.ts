import { parseDigest } from '../digest.js';
import { ImageInputError } from '../errors.js';
import {
  type Descriptor,
  type ImageIndex,
  MEDIA,
  parseJson,
  readDockerSaveManifest,
  readImageConfig,
  readManifestOrIndex,
} from '../oci.js';
import {
  type BlobReader,
  checkPlatform,
  chooseManifest,
  readManifestParts,
  verifyContent,
} from './oci-resolve.js';
import type { FileStore } from './store.js';
import type { LayerBlob, OpenOptions, ResolvedImage, SourceKind } from './types.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** Blobs of an OCI image layout: `blobs/<algorithm>/<hex>`, verified against their descriptors. */
export class LayoutBlobs implements BlobReader {
  constructor(private readonly store: FileStore) {}

  get source(): string {
    return this.store.source;
  }

  pathOf(digest: string): string {
    const d = parseDigest(digest);
    if (!d) throw new ImageInputError(this.source, `invalid digest ${JSON.stringify(digest)}`);
    return `blobs/${d.algorithm}/${d.hex}`;
  }

  whereOf(desc: Descriptor): string {
    return `blobs/${desc.digest.replace(':', '/').slice(0, 19)}…`;
  }

  async readBlob(desc: Descriptor, maxBytes: number, where: string): Promise<Buffer> {
    if (desc.size > maxBytes)
      throw new ImageInputError(
        this.source,
        `${desc.size} bytes is more than the limit of ${maxBytes}`,
        where,
      );
    const data = await this.store.read(this.pathOf(desc.digest), maxBytes, where);
    verifyContent(this.source, desc, data, where);
    return data;
  }

  readManifest(desc: Descriptor, maxBytes: number, where: string): Promise<Buffer> {
    return this.readBlob(desc, maxBytes, where);
  }

  openBlob(desc: Descriptor, where: string) {
    return this.store.open(this.pathOf(desc.digest), where);
  }
}

/** Reads an image out of a docker save archive or an OCI layout (in a tar or a folder). */
export async function resolveArchive(
  store: FileStore,
  kind: SourceKind,
  options: OpenOptions,
  close: () => Promise<void>,
): Promise<ResolvedImage> {
  if (await store.has('manifest.json')) return resolveDockerSave(store, kind, options, close);
  if (await store.has('index.json')) return resolveLayout(store, kind, options, close);
  throw new ImageInputError(
    store.source,
    'neither manifest.json nor index.json found: not a docker save archive or an OCI image layout',
  );
}

async function resolveDockerSave(
  store: FileStore,
  kind: SourceKind,
  options: OpenOptions,
  close: () => Promise<void>,
): Promise<ResolvedImage> {
  const { source } = store;
  const { limits } = options;
  const entries = readDockerSaveManifest(
    parseJson(
      await store.read('manifest.json', limits.maxJsonBytes, 'manifest.json'),
      source,
      'manifest.json',
    ),
    source,
  );
  if (entries.length === 0)
    throw new ImageInputError(source, 'manifest.json lists no image', 'manifest.json');
  let entry = entries[0]!;
  if (options.tag) {
    const found = entries.find((e) => e.RepoTags.some((t) => sameTag(t, options.tag!)));
    if (!found)
      throw new ImageInputError(
        source,
        `no image tagged ${options.tag}; tags: ${listTags(entries)}`,
        'manifest.json',
      );
    entry = found;
  } else if (entries.length > 1) {
    throw new ImageInputError(
      source,
      `the archive holds ${entries.length} images (${listTags(entries)}); choose one with --tag`,
      'manifest.json',
    );
  }
  const configWhere = entry.Config;
  const configData = await store.read(entry.Config, limits.maxJsonBytes, configWhere);
  const configDigest = digestInName(entry.Config);
  if (configDigest)
    verifyContent(
      source,
      { mediaType: MEDIA.dockerConfig, digest: configDigest, size: configData.length },
      configData,
      configWhere,
    );
  const config = readImageConfig(parseJson(configData, source, configWhere), source, configWhere);
  checkPlatform(source, config, options.platform ?? null);
  if (entry.Layers.length > limits.maxLayers)
    throw new ImageInputError(
      source,
      `${entry.Layers.length} layers is more than the limit of ${limits.maxLayers}`,
    );
  if (config.rootfs.diff_ids.length !== entry.Layers.length)
    throw new ImageInputError(
      source,
      `manifest.json lists ${entry.Layers.length} layers but the config ${config.rootfs.diff_ids.length} diff_ids`,
      configWhere,
    );
  const layers: LayerBlob[] = [];
  for (const [index, path] of entry.Layers.entries()) {
    if (!(await store.has(path)))
      throw new ImageInputError(source, `layer ${index + 1} is missing from the archive`, path);
    layers.push({
      index,
      digest: digestInName(path),
      diffId: config.rootfs.diff_ids[index] ?? null,
      mediaType: '',
      size: await store.size(path),
      where: path,
      open: () => store.open(path, path),
    });
  }
  return {
    source,
    kind,
    tags: entry.RepoTags,
    reference: null,
    manifestDigest: null,
    configDigest: configDigest ?? null,
    platforms: [],
    config,
    layers,
    close,
  };
}

async function resolveLayout(
  store: FileStore,
  kind: SourceKind,
  options: OpenOptions,
  close: () => Promise<void>,
): Promise<ResolvedImage> {
  const { source } = store;
  const { limits } = options;
  const blobs = new LayoutBlobs(store);
  const doc = readManifestOrIndex(
    parseJson(await store.read('index.json', limits.maxJsonBytes, 'index.json'), source, 'index.json'),
    source,
    'index.json',
    MEDIA.ociIndex,
  );
  if (doc.kind !== 'index')
    throw new ImageInputError(source, 'index.json must be an image index', 'index.json');
  let top: ImageIndex = doc;
  const tagged = doc.manifests.filter((m) => m.annotations?.[REF_NAME]);
  let tags = tagged.map((m) => m.annotations![REF_NAME]!);
  if (options.tag) {
    const found = doc.manifests.filter((m) => {
      const name = m.annotations?.[REF_NAME];
      return name !== undefined && sameTag(name, options.tag!);
    });
    if (found.length === 0)
      throw new ImageInputError(
        source,
        `no image named ${options.tag}; names: ${tags.join(', ') || 'none'}`,
        'index.json',
      );
    top = { ...doc, manifests: found };
  } else if (doc.manifests.length > 1 && doc.manifests.every((m) => !m.platform)) {
    throw new ImageInputError(
      source,
      `the layout holds ${doc.manifests.length} images (${tags.join(', ') || 'untagged'}); choose one with --tag`,
      'index.json',
    );
  }
  if (top.manifests.length === 1)
    tags = top.manifests[0]!.annotations?.[REF_NAME] ? [top.manifests[0]!.annotations[REF_NAME]!] : [];
  const chosen = await chooseManifest(blobs, top, null, options.platform ?? null, limits.maxJsonBytes);
  const parts = await readManifestParts(blobs, chosen.manifest, limits.maxJsonBytes, limits.maxLayers);
  return {
    source,
    kind,
    tags,
    reference: null,
    manifestDigest: chosen.manifestDigest,
    configDigest: parts.configDigest,
    platforms: chosen.platforms,
    config: parts.config,
    layers: parts.layers,
    close,
  };
}

/** A digest encoded in an archive path (`blobs/sha256/<hex>`, `<hex>.json`, `<hex>.tar`), else null. */
function digestInName(path: string): string | null {
  const m =
    /(?:^|\/)(?:blobs\/)?(sha256)[/:]([a-f0-9]{64})$/.exec(path) ??
    /(?:^|\/)([a-f0-9]{64})\.json$/.exec(path);
  if (!m) return null;
  return m.length === 3 ? `${m[1]}:${m[2]}` : `sha256:${m[1]}`;
}

function sameTag(candidate: string, wanted: string): boolean {
  if (candidate === wanted) return true;
  const strip = (s: string) => s.replace(/^docker\.io\/(library\/)?/, '');
  return (
    strip(candidate) === strip(wanted) || candidate.endsWith(`:${wanted}`) || candidate === `${wanted}:latest`
  );
}

function listTags(entries: { RepoTags: string[] }[]): string {
  return entries.map((e) => e.RepoTags.join(' ') || 'untagged').join(', ');
}
