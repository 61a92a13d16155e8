/** dockaudit's library API: the same functions the CLI commands use. */

export {
  applyConfigData,
  ConfigError,
  ConfigResolver,
  parseConfigText,
  readConfigFile,
} from './config/load.js';
export { type Config, defaultConfig, type RuleSettings } from './config/settings.js';
export type {
  Category,
  Finding,
  Fix,
  FixSafety,
  InputError,
  Severity,
  Summary,
  TextEdit,
  Threshold,
} from './core/finding.js';
export { compareFindings, summarize } from './core/finding.js';
export { formatImageRef, type ImageRef, parseImageRef } from './core/image-ref.js';
export { LineIndex, type Position, type Region, type Span } from './core/positions.js';
export type { Rule, RuleDocs, RuleMeta } from './core/rule.js';
export { DockerfileAnalysis } from './dockerfile/analysis.js';
export type * from './dockerfile/model.js';
export { parseDockerfile } from './dockerfile/parse.js';
export { lintDockerfile } from './engine/lint-dockerfile.js';
export {
  discoverDockerfiles,
  type LintResult,
  type LintSource,
  lintSources,
  notADockerfile,
} from './engine/lint-files.js';
export { maskDockerfileSecrets, maskSecrets } from './engine/mask-secrets.js';
export { fixFiles } from './fix/apply.js';
export { blockingProblems, type DockerfileFixResult, fixDockerfileText } from './fix/dockerfile.js';
export { applyEditGroups, applyEdits } from './fix/edits.js';
export { fixToFixpoint } from './fix/fixpoint.js';
export { render } from './report/index.js';
export type { Format, ReportInput } from './report/types.js';
export { dockerfileRules } from './rules/dockerfile/index.js';
export * from './secrets/index.js';
export { VERSION } from './version.js';
