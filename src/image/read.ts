import type { Analyzer, LayerInfo } from './analyzer.js';
import { detectBaseLayers } from './base.js';
import type { ZstdBackend } from './decompress.js';
import { Dispatcher } from './dispatch.js';
import { mapDockerfile } from './dockerfile-map.js';
import { diveEfficiency } from './efficiency.js';
import { ImageInputError } from './errors.js';
import { collectFileFacts } from './facts.js';
import { LayerFilesystem } from './filesystem.js';
import { readHistory, stepsByLayer } from './history.js';
import { readLayer } from './layer-reader.js';
import { type ReadLimits, resolveLimits } from './limits.js';
import type { ImageLayer, ImageModel } from './model.js';
import { parsePlatform } from './platform.js';
import { SecretFileAnalyzer } from './secret-files.js';
import { openSource } from './sources/open.js';
import { WasteLedger } from './waste.js';

export interface ReadProgress {
  /** `copy`: a stream (stdin, daemon export) is being copied; `layer`: layers are being read. */
  phase: 'copy' | 'layer';
  /** Layer being read (0-based) and how many there are. */
  layer: number;
  layers: number;
  /** Stored bytes read so far (whole image), and the total when known. */
  bytes: number;
  totalBytes: number | null;
}

export interface ReadImageOptions {
  /** Analyzers run in the same single pass (packages, SBOM, anything implementing `Analyzer`). */
  analyzers?: Analyzer<unknown>[];
  /** `os/arch[/variant]` for multi-platform images; default: this machine's, or the only one. */
  platform?: string;
  /** Allow plain HTTP to a registry on a loopback address. */
  insecure?: boolean;
  /** Picks one image of an archive or layout that holds several. */
  tag?: string;
  limits?: Partial<ReadLimits>;
  zstd?: ZstdBackend;
  /** Also check diff_ids of compressed layers (an extra hash of the uncompressed bytes). */
  verifyDiffIds?: boolean;
  credentials?: { username: string; password: string } | null;
  env?: NodeJS.ProcessEnv;
  /** Maps layers to the instructions of this Dockerfile (the final stage, or `target`). */
  dockerfile?: { path: string; text: string; target?: string };
  /** How many bottom layers are the base image, when known (overrides detection). */
  baseLayers?: number;
  onProgress?: (progress: ReadProgress) => void;
}

/**
 * Reads an image from any source in one streaming pass over its layers (DESIGN §2b): the layer
 * filesystem, waste (dive's and ours), file facts and secret files are built once, and every analyzer
 * receives the entries it wants. Nothing is extracted to disk; memory is bounded by the limits.
 */
export async function readImage(source: string, options: ReadImageOptions = {}): Promise<ImageModel> {
  const limits = resolveLimits(options.limits);
  let platform = null;
  if (options.platform) {
    platform = parsePlatform(options.platform);
    if (!platform)
      throw new ImageInputError(
        source,
        `invalid platform ${JSON.stringify(options.platform)}; use os/arch[/variant]`,
      );
  }
  const image = await openSource(source, {
    platform,
    insecure: options.insecure === true,
    limits,
    ...(options.tag ? { tag: options.tag } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    ...(options.env ? { env: options.env } : {}),
    onSpool: (bytes) => options.onProgress?.({ phase: 'copy', layer: 0, layers: 0, bytes, totalBytes: null }),
  });
  try {
    const ledger = new WasteLedger();
    const fs = new LayerFilesystem(ledger);
    const secretFiles = new SecretFileAnalyzer(fs);
    const user = options.analyzers ?? [];
    const dispatcher = new Dispatcher([secretFiles as Analyzer<unknown>, ...user]);
    const totalStored = image.layers.every((l) => l.size !== null)
      ? image.layers.reduce((a, l) => a + (l.size ?? 0), 0)
      : null;
    let storedBefore = 0;
    let uncompressedBefore = 0;
    let entriesBefore = 0;
    const layers: ImageLayer[] = [];
    const steps = readHistory(image.config.history, image.layers.length);
    const byLayer = stepsByLayer(steps, image.layers.length);
    for (const blob of image.layers) {
      const info: LayerInfo = { index: blob.index, digest: blob.diffId ?? blob.digest ?? '' };
      fs.beginLayer(blob.index);
      const result = await readLayer(
        blob,
        {
          source: image.source,
          limits,
          ...(options.zstd ? { zstd: options.zstd } : {}),
          verifyDiffIds: options.verifyDiffIds === true,
          bytesBefore: uncompressedBefore,
          onProgress: (bytes) =>
            options.onProgress?.({
              phase: 'layer',
              layer: blob.index,
              layers: image.layers.length,
              bytes: storedBefore + bytes,
              totalBytes: totalStored,
            }),
        },
        async (entry, body) => {
          if (++entriesBefore > limits.maxEntries)
            throw new ImageInputError(image.source, `more than ${limits.maxEntries} entries in the image`);
          fs.apply(entry);
          await dispatcher.dispatch(entry, body, info);
        },
      );
      const stats = fs.endLayer();
      storedBefore += result.storedBytes;
      uncompressedBefore += result.uncompressedBytes;
      layers.push({
        index: blob.index,
        digest: blob.digest,
        diffId: blob.diffId,
        mediaType: blob.mediaType,
        compression: result.compression,
        storedBytes: result.storedBytes,
        tarBytes: result.uncompressedBytes,
        size: stats.fileBytes,
        entries: stats.entries,
        added: stats.added,
        addedBytes: stats.addedBytes,
        changed: stats.changed,
        changedBytes: stats.changedBytes,
        deleted: stats.deleted,
        deletedBytes: stats.deletedBytes,
        step: byLayer[blob.index] ?? null,
        base: null,
        waste: { hiddenBytes: 0, leftoverBytes: 0 },
        instruction: null,
      });
    }
    const results = dispatcher.finish(fs.view());
    const layerSizes = layers.map((l) => l.size);
    ledger.collectLeftovers(fs);
    const waste = ledger.summary(layerSizes);
    layers.forEach((l, i) => {
      l.waste = waste.layers[i] ?? l.waste;
    });
    let finalBytes = 0;
    let finalEntries = 0;
    for (const [, node] of fs.entries()) {
      finalEntries++;
      if (node.type === 'file') finalBytes += node.size;
    }
    const files = collectFileFacts(fs, image.config.config);
    const model: ImageModel = {
      source: image.source,
      kind: image.kind,
      tags: image.tags,
      reference: image.reference,
      manifestDigest: image.manifestDigest,
      configDigest: image.configDigest,
      platform: {
        os: image.config.os,
        architecture: image.config.architecture,
        ...(image.config.variant ? { variant: image.config.variant } : {}),
      },
      platforms: image.platforms,
      config: image.config,
      history: steps,
      layers,
      size: layerSizes.reduce((a, b) => a + b, 0),
      storedBytes: storedBefore,
      finalBytes,
      finalEntries,
      dive: diveEfficiency(fs, layerSizes),
      waste,
      files,
      secretFiles:
        (results.get(secretFiles as Analyzer<unknown>) as ReturnType<SecretFileAnalyzer['finish']>) ?? [],
      anomalies: fs.anomalies,
      anomalyTotal: fs.anomalyTotal,
      baseLayers: null,
      baseSource: 'none',
      results: new Map([...results].filter(([a]) => a !== (secretFiles as Analyzer<unknown>))),
      analyzerProblems: dispatcher.problems,
      skipped: dispatcher.skipped.filter((s) => s.analyzer !== secretFiles.name),
      dockerfile: null,
    };
    if (options.dockerfile) mapDockerfile(model, options.dockerfile);
    detectBaseLayers(model, options.baseLayers);
    return model;
  } finally {
    await image.close();
  }
}
