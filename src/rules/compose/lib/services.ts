import type { Service } from '../../../compose/model.js';
import { pairOf } from '../../../compose/model.js';
import type { Span } from '../../../core/positions.js';

/** The span of a key of the service (its key), or the service's name key when it is absent. */
export function keySpanOr(service: Service, key: string): Span {
  return pairOf(service.node, key)?.keySpan ?? service.keySpan;
}
