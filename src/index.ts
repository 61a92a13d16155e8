/** dockaudit's library API: the same functions the CLI commands use. */

export { auditCompose, type ComposeRule } from './compose/audit.js';
export { discoverComposeProjects, findProjectUpward } from './compose/discover.js';
export { type LoadOptions, type LoadResult, loadComposeProject } from './compose/load.js';
export type {
  BuildInfo as ComposeBuildInfo,
  ComposeProject,
  MapNode as ComposeMapNode,
  Node as ComposeNode,
  Pair as ComposePair,
  ScalarNode as ComposeScalarNode,
  SeqNode as ComposeSeqNode,
  Service as ComposeService,
  SourceFile as ComposeSourceFile,
} from './compose/model.js';
export { parseComposeYaml } from './compose/parse.js';
export { auditComposeProjects, type ComposeRunOptions, type ComposeRunResult } from './compose/run.js';
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
export { render } from './report/index.js';
export type { Format, ReportInput } from './report/types.js';
export { composeRules } from './rules/compose/index.js';
export { dockerfileRules } from './rules/dockerfile/index.js';
export { VERSION } from './version.js';
