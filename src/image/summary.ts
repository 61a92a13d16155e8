import type { ImageModel } from './model.js';
import { formatPlatform } from './platform.js';
import { redactCommand } from './redact.js';

/** The image's data for JSON output (`image` key): layers, sizes, waste and efficiency. Secrets redacted. */
export function imageSummary(model: ImageModel): Record<string, unknown> {
  return {
    source: model.source,
    kind: model.kind,
    tags: model.tags,
    reference: model.reference,
    platform: formatPlatform(model.platform),
    manifestDigest: model.manifestDigest,
    configDigest: model.configDigest,
    sizeBytes: model.size,
    storedBytes: model.storedBytes,
    finalBytes: model.finalBytes,
    finalEntries: model.finalEntries,
    baseLayers: model.baseLayers,
    baseSource: model.baseSource,
    dockerfile: model.dockerfile,
    dive: {
      efficiency: model.dive.efficiency,
      wastedBytes: model.dive.wastedBytes,
      userSizeBytes: model.dive.userSizeBytes,
      userWastedPercent: model.dive.userWastedPercent,
      inefficientPaths: model.dive.inefficientPaths,
      inefficiencies: model.dive.inefficiencies.slice(0, 20),
    },
    waste: {
      efficiency: model.waste.efficiency,
      totalBytes: model.waste.totalBytes,
      hiddenBytes: model.waste.hiddenBytes,
      leftoverBytes: model.waste.leftoverBytes,
      groups: model.waste.groups
        .slice(0, 50)
        .map((g) => ({ ...g, layer: g.layer + 1, by: g.by === null ? null : g.by + 1 })),
    },
    layers: model.layers.map((l) => ({
      index: l.index + 1,
      digest: l.digest,
      diffId: l.diffId,
      compression: l.compression,
      storedBytes: l.storedBytes,
      sizeBytes: l.size,
      entries: l.entries,
      added: l.added,
      changed: l.changed,
      deleted: l.deleted,
      addedBytes: l.addedBytes,
      changedBytes: l.changedBytes,
      deletedBytes: l.deletedBytes,
      wastedBytes: l.waste.hiddenBytes,
      leftoverBytes: l.waste.leftoverBytes,
      base: l.base,
      history: l.step ? l.step.index + 1 : null,
      command: l.step ? redactCommand(l.step.createdBy, l.step.buildArgs) : null,
      instruction: l.instruction,
    })),
    anomalies: model.anomalyTotal,
    analyzerProblems: model.analyzerProblems,
  };
}
