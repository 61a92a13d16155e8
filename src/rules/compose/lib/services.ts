import type { ComposeProject, Service } from '../../../compose/model.js';
import { get, type Node, pairOf } from '../../../compose/model.js';
import type { Span } from '../../../core/positions.js';

/** Services of the project that the rules examine (those the active profiles select). */
export function servicesOf(project: ComposeProject): readonly Service[] {
  return project.services;
}

/** Where a finding about a whole service points: its name key. */
export function serviceSpan(service: Service): Span {
  return service.keySpan;
}

/** The span of a key of the service (its key), or the service's name key when it is absent. */
export function keySpanOr(service: Service, key: string): Span {
  return pairOf(service.node, key)?.keySpan ?? service.keySpan;
}

export function field(service: Service, ...path: string[]): Node | null {
  let node: Node | null = service.node;
  for (const k of path) node = get(node, k);
  return node;
}
