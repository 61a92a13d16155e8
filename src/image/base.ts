import type { HistoryStep } from './history.js';
import type { ImageModel } from './model.js';

const BUILDKIT = 'buildkit.dockerfile.v0';

/**
 * How many bottom layers come from the base image, read from the history when nothing better is known:
 * 1. buildah marks the first step of a build with the comment `FROM <base image>`;
 * 2. a base image usually ends with CMD or ENTRYPOINT: the last such step followed by a layer;
 * 3. BuildKit marks the steps it made: a suffix of marked steps after unmarked ones.
 * Returns null when none applies.
 */
export function baseLayersFromHistory(steps: readonly HistoryStep[]): number | null {
  const layersBefore = (stepIndex: number) =>
    steps.slice(0, stepIndex).filter((s) => s.layer !== null).length;
  const buildah = steps.findIndex(
    (s) => s.comment !== null && /^FROM\s+\S+/.test(s.comment) && !/^FROM\s+[0-9a-f]{12,64}$/.test(s.comment),
  );
  if (buildah > 0) return layersBefore(buildah);
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (
      (s.keyword === 'CMD' || s.keyword === 'ENTRYPOINT') &&
      steps.slice(i + 1).some((x) => x.layer !== null)
    )
      return layersBefore(i + 1);
  }
  let start = steps.length;
  while (start > 0 && steps[start - 1]!.comment === BUILDKIT) start--;
  if (start > 0 && start < steps.length) return layersBefore(start);
  return null;
}

/** Sets `baseLayers` (option first, then the Dockerfile mapping, then the history) and each layer's `base`. */
export function detectBaseLayers(model: ImageModel, override?: number): void {
  if (override !== undefined) {
    model.baseLayers = Math.max(0, Math.min(override, model.layers.length));
    model.baseSource = 'option';
  } else if (model.baseSource !== 'dockerfile') {
    const fromHistory = baseLayersFromHistory(model.history);
    model.baseLayers = fromHistory;
    model.baseSource = fromHistory === null ? 'none' : 'history';
  }
  for (const layer of model.layers)
    layer.base = model.baseLayers === null ? null : layer.index < model.baseLayers;
}
