import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { formatBytes } from '../../image/format.js';
import type { ImageAnalysis } from './lib/types.js';

/** Thresholds of the CI gates (dive's names), set by `--lowest-efficiency` and friends. */
export interface EfficiencyGates {
  lowestEfficiency?: number;
  highestWastedBytes?: number;
  highestUserWastedPercent?: number;
}

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-efficiency-gate',
  code: 'DA7014',
  aliases: [],
  severity: 'error',
  category: 'size',
  target: 'image',
  docs: {
    summary:
      "The image fails a CI gate on dive's efficiency figures (only with --lowest-efficiency, --highest-wasted-bytes or --highest-user-wasted-percent).",
    rationale:
      "The same gates as dive's CI mode, with dive's definitions, so a pipeline can move from dive without changing its thresholds.",
    bad: 'dockaudit image app.tar --lowest-efficiency 0.95   # efficiency 0.70',
    good: 'dockaudit image app.tar --lowest-efficiency 0.95   # efficiency 0.99',
  },
  messages: {
    efficiency: "image efficiency {value} is below the lowest allowed {limit} (dive's definition)",
    wasted: "wasted bytes {value} exceed the highest allowed {limit} (dive's definition)",
    userWasted:
      "wasted bytes are {value} of the bytes added on top of the first layer, above the allowed {limit} (dive's definition)",
  },
  check({ model, settings, report }) {
    const gates = (settings.ruleOptions['image-efficiency-gate'] ?? {}) as EfficiencyGates;
    const { dive } = model.image;
    const span = model.at.image();
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    if (gates.lowestEfficiency !== undefined && dive.efficiency < gates.lowestEfficiency)
      report({
        span,
        messageId: 'efficiency',
        data: { value: pct(dive.efficiency), limit: pct(gates.lowestEfficiency) },
      });
    if (gates.highestWastedBytes !== undefined && dive.wastedBytes > gates.highestWastedBytes)
      report({
        span,
        messageId: 'wasted',
        data: { value: formatBytes(dive.wastedBytes), limit: formatBytes(gates.highestWastedBytes) },
      });
    if (
      gates.highestUserWastedPercent !== undefined &&
      dive.userWastedPercent > gates.highestUserWastedPercent
    )
      report({
        span,
        messageId: 'userWasted',
        data: { value: pct(dive.userWastedPercent), limit: pct(gates.highestUserWastedPercent) },
      });
  },
});
