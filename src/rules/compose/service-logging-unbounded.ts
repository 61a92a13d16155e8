import { get, knownText, pairOf } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

/** Drivers that write to the host disk without rotation unless `max-size` is set. */
const UNBOUNDED_DRIVERS = new Set(['json-file']);

export default composeRule({
  id: 'service-logging-unbounded',
  code: 'DA5020',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: "A service's logs grow without limit: the json-file driver (the default) without `max-size`.",
    rationale:
      "The default json-file log driver keeps everything a container prints, forever: a chatty service fills the host's disk. Set `logging.options.max-size` and `max-file`, or use the `local` driver (rotated by default) or a driver that ships logs elsewhere. The engine's daemon.json may set limits for every container; the compose file cannot tell.",
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"',
  },
  messages: {
    default: 'service {service}: no `logging` limits; the default json-file driver grows without bound',
    noMaxSize: 'service {service}: json-file logging without `max-size` grows without bound',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const logging = pairOf(service.node, 'logging');
      if (!logging) {
        report({ span: service.keySpan, data: { service: service.name } });
        continue;
      }
      const driverNode = get(logging.value, 'driver');
      const driver = driverNode ? knownText(driverNode) : 'json-file';
      if (driver === null || !UNBOUNDED_DRIVERS.has(driver)) continue;
      if (get(get(logging.value, 'options'), 'max-size')) continue;
      report({ span: logging.keySpan, messageId: 'noMaxSize', data: { service: service.name } });
    }
  },
});
