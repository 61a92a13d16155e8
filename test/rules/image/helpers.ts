import { defaultConfig } from '../../../src/config/settings.js';
import type { Finding } from '../../../src/core/finding.js';
import { readHistory } from '../../../src/image/history.js';
import { lintImage } from '../../../src/image/lint.js';
import type { ImageLayer, ImageModel } from '../../../src/image/model.js';
import type { HistoryEntry } from '../../../src/image/oci.js';
import { imageRules } from '../../../src/rules/image/index.js';

/** A small image model for rule tables: history entries (layers where not empty) and overrides. */
export function makeModel(history: HistoryEntry[], over: Partial<ImageModel> = {}, base = 1): ImageModel {
  const layerCount = history.filter((h) => !h.empty_layer).length;
  const steps = readHistory(history, layerCount);
  const layers: ImageLayer[] = Array.from({ length: layerCount }, (_, index) => ({
    index,
    digest: null,
    diffId: null,
    mediaType: '',
    compression: 'none',
    storedBytes: 0,
    tarBytes: 0,
    size: 0,
    entries: 0,
    added: 0,
    addedBytes: 0,
    changed: 0,
    changedBytes: 0,
    deleted: 0,
    deletedBytes: 0,
    step: steps.find((s) => s.layer === index) ?? null,
    base: index < base,
    waste: { hiddenBytes: 0, leftoverBytes: 0 },
    instruction: null,
  }));
  return {
    source: 'app.tar',
    kind: 'docker-archive',
    tags: ['app:1'],
    reference: null,
    manifestDigest: null,
    configDigest: null,
    platform: { os: 'linux', architecture: 'amd64' },
    platforms: [],
    config: {
      architecture: 'amd64',
      os: 'linux',
      config: { User: 'app' },
      rootfs: { type: 'layers', diff_ids: [] },
      history,
    },
    history: steps,
    layers,
    size: 0,
    storedBytes: 0,
    finalBytes: 0,
    finalEntries: 0,
    dive: {
      efficiency: 1,
      wastedBytes: 0,
      userSizeBytes: 0,
      sizeBytes: 0,
      userWastedPercent: 0,
      inefficiencies: [],
      inefficientPaths: 0,
    },
    waste: {
      groups: [],
      layers: layers.map(() => ({ hiddenBytes: 0, leftoverBytes: 0 })),
      hiddenBytes: 0,
      leftoverBytes: 0,
      totalBytes: 0,
      efficiency: 1,
    },
    files: { setuid: [], worldWritable: [], pathDirs: ['/usr/bin'], sshServer: null, truncated: false },
    secretFiles: [],
    anomalies: [],
    anomalyTotal: 0,
    baseLayers: base,
    baseSource: 'history',
    results: new Map(),
    analyzerProblems: [],
    skipped: [],
    dockerfile: null,
    ...over,
  };
}

export const BASE_HISTORY: HistoryEntry[] = [
  { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
  { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
];

/** Runs one image rule; returns [line, severity, message] triples. */
export function run(
  ruleId: string,
  model: ImageModel,
  ruleOptions: Record<string, Record<string, unknown>> = {},
): Array<[number, string, string]> {
  return findings(ruleId, model, ruleOptions).map((f) => [f.line, f.severity, f.message]);
}

export function findings(
  ruleId: string,
  model: ImageModel,
  ruleOptions: Record<string, Record<string, unknown>> = {},
): Finding[] {
  const config = defaultConfig();
  config.ruleOptions = ruleOptions;
  const rules = imageRules.filter((r) => r.id === ruleId);
  if (rules.length !== 1) throw new Error(`no rule ${ruleId}`);
  return lintImage(model, { config, rules });
}

export const file = (path: string, mode: number, layer: number, type: 'file' | 'dir' = 'file') => ({
  path,
  type,
  mode,
  uid: 0,
  gid: 0,
  size: 10,
  layer,
});
