import type { Service } from '../../../compose/model.js';
import { bool, get, items, text } from '../../../compose/model.js';
import type { HealthcheckInstruction } from '../../../dockerfile/model.js';
import { builtStage, lastInstruction } from './user.js';

/**
 * Whether a service has a health check: `compose` (its own `healthcheck` with a test), `image` (the
 * HEALTHCHECK of the Dockerfile it builds), `disabled` (turned off explicitly), `tuned` (a
 * `healthcheck` section without a test: the image's check with other timings) or `none`.
 */
export type HealthState = 'compose' | 'image' | 'disabled' | 'tuned' | 'none';

export function healthOf(service: Service): HealthState {
  const hc = get(service.node, 'healthcheck');
  if (hc?.kind === 'map') {
    if (bool(get(hc, 'disable')) === true) return 'disabled';
    const test = get(hc, 'test');
    if (test) {
      const first = text(items(test)[0]);
      return first?.toUpperCase() === 'NONE' ? 'disabled' : 'compose';
    }
    return imageHasHealthcheck(service) ? 'image' : 'tuned';
  }
  return imageHasHealthcheck(service) ? 'image' : 'none';
}

/** The Dockerfile the service builds declares a HEALTHCHECK (other than NONE). */
export function imageHasHealthcheck(service: Service): boolean {
  const analysis = service.build?.analysis;
  if (!analysis) return false;
  const stage = builtStage(analysis, service.build!.target);
  if (!stage) return false;
  const hc = lastInstruction(analysis, stage, 'HEALTHCHECK') as HealthcheckInstruction | null;
  return hc !== null && !hc.none;
}

/** The service reports its health, so others can wait for `service_healthy`. */
export function hasHealthcheck(service: Service): boolean {
  const state = healthOf(service);
  return state === 'compose' || state === 'image';
}
