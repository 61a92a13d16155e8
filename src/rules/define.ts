import type { RuleSettings } from '../config/settings.js';
import type { Rule } from '../core/rule.js';
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';

/** A Dockerfile rule: a pure function of the Dockerfile's analysis (and settings) to reports. */
export type DockerfileRule = Rule<DockerfileAnalysis, RuleSettings>;

export function dockerfileRule(rule: Omit<DockerfileRule, 'target'>): DockerfileRule {
  return { ...rule, target: 'dockerfile' };
}
