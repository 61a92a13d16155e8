import { originOf } from '../../../image/format.js';
import type { ImageModel } from '../../../image/model.js';

/** Words for where a layer comes from, for messages. */
export function originWords(model: ImageModel, layer: number): string {
  const origin = originOf(model, layer);
  return origin === 'yours' ? 'yours' : origin === 'base' ? 'from the base image' : 'layer origin unknown';
}

/** True when the layer certainly belongs to the base image (base findings are reported at a lower severity). */
export function isBase(model: ImageModel, layer: number): boolean {
  return originOf(model, layer) === 'base';
}
