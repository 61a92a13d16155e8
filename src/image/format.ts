import type { ImageModel } from './model.js';

/** Bytes for people: 1.2 MB, 340 kB, 12 B (SI units, as docker and dive print them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** How a finding names a layer: its Dockerfile line when mapped, else its history command. */
export function describeLayer(model: ImageModel, index: number): string {
  const layer = model.layers[index];
  if (!layer) return `layer ${index + 1}`;
  if (layer.instruction) return `line ${layer.instruction.line} (${layer.instruction.keyword})`;
  const step = layer.step;
  if (step?.keyword) return `layer ${index + 1} (${step.keyword})`;
  return `layer ${index + 1}`;
}

/** "yours" or "from the base image" for a layer, or '' when unknown. */
export function originOf(model: ImageModel, index: number): 'yours' | 'base' | 'unknown' {
  const base = model.layers[index]?.base;
  return base === null || base === undefined ? 'unknown' : base ? 'base' : 'yours';
}
