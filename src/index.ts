/** dockaudit's library API: the same functions the CLI commands use. */

export { type BuildOptions as AuditBuildOptions, buildAuditReport } from './audit/build.js';
export { auditCatalog } from './audit/i18n/index.js';
export { type AuditOptions, type AuditRun, runAudit } from './audit/run.js';
export type * from './audit/types.js';
export { AUDIT_SCHEMA, SECTIONS as AUDIT_SECTIONS } from './audit/types.js';
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
export {
  applyConfigData,
  ConfigError,
  ConfigResolver,
  parseConfigText,
  readConfigFile,
} from './config/load.js';
export { type Config, defaultConfig, type RuleSettings } from './config/settings.js';
export { type AnalyzeOptions, analyzeContext, type ContextModel } from './context/analyze.js';
export {
  type BuildContext,
  BuildContextError,
  type BuildContextOptions,
  findIgnoreFile,
  type IgnoreFileInfo,
  loadBuildContext,
} from './context/build-context.js';
export { type CopyPlan, contextCopies, planCopies } from './context/copy.js';
export {
  DockerignoreMatcher,
  type IgnoreFileError,
  type IgnorePattern,
  parseDockerignore,
} from './context/dockerignore.js';
export { type IgnoreProposal, proposeDockerignore } from './context/propose.js';
export { type ContextSummary, summarizeContext } from './context/summary.js';
export { type ContextEntry, type ContextWalk, walkContext } from './context/walk.js';
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
export { BASE_IMAGES, type BaseImageEntry, lookupBaseImage, UNCOMPRESSED_RATIO } from './data/base-images.js';
export { PACKAGE_ESTIMATES, type PackageEstimate, packageEstimate } from './data/packages.js';
export { DockerfileAnalysis } from './dockerfile/analysis.js';
export type * from './dockerfile/model.js';
export { parseDockerfile } from './dockerfile/parse.js';
export { lintDockerfile, pragmasOf } from './engine/lint-dockerfile.js';
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
export { isLang, LANGS, type Lang, type MessageCatalog } from './i18n/catalog.js';
export { loadRuleCatalog, loadRuleTranslations, ruleSummary } from './i18n/rules/load.js';
export type { RuleTranslation, RuleTranslations, ValueTable } from './i18n/rules/types.js';
export type { Analyzer, EntryType, ImageFilesystemView, LayerEntry, LayerInfo } from './image/analyzer.js';
export { ImageInputError, isImageInputError } from './image/errors.js';
export { DEFAULT_LIMITS, type ReadLimits } from './image/limits.js';
export { lintImage } from './image/lint.js';
export { analyzerResult, type ImageLayer, type ImageModel, type InstructionRef } from './image/model.js';
export { runOnFolder } from './image/packages/drive.js';
export { createInventoryAnalyzer, ECOSYSTEMS as PACKAGE_ECOSYSTEMS } from './image/packages/inventory.js';
export type { Inventory, OsInfo, Package, PackageRecord, PackageType } from './image/packages/model.js';
export { type ReadImageOptions, type ReadProgress, readImage } from './image/read.js';
export { imageSummary } from './image/summary.js';
export {
  checkImageVulnerabilities,
  type ImageVulnerabilityCheck,
  isVulnerabilityInputError,
} from './image/vulns/check.js';
export { importPath } from './image/vulns/db/import.js';
export { defaultDbDir, VulnDb } from './image/vulns/db/store.js';
export { updateDb } from './image/vulns/db/update.js';
export { databaseFindings, scanFindings } from './image/vulns/findings.js';
export { type IgnoreRule, parseIgnoreFile } from './image/vulns/ignore.js';
export { resolveScanOptions, vulnerabilityExitCode } from './image/vulns/options.js';
export { VULNERABILITY_RULES } from './image/vulns/rules.js';
export {
  type ScanOptions,
  type ScanResult,
  scanImagePackages,
  type Vulnerability,
} from './image/vulns/scan.js';
export { orderingFor, type VersionOrder } from './image/vulns/version/index.js';
export { optimizeCatalog } from './optimize/catalog.js';
export { detectStack } from './optimize/detect.js';
export { type ExplainFormat, renderExplanation } from './optimize/explain.js';
export { formatBytes } from './optimize/gains.js';
export { OptimizeInputError, type OptimizeOptions, optimizeDockerfile } from './optimize/plan.js';
export type * from './optimize/types.js';
export { type VerifyInput, verifyOptimization } from './optimize/verify/run.js';
export type { BuildEngine, ImageFacts, VerifyReport } from './optimize/verify/types.js';
export { AUDIT_FORMATS, type AuditFormat, renderAudit } from './report/audit/index.js';
export {
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  createBaseline,
  parseBaseline,
  serializeBaseline,
} from './report/baseline.js';
export { computeFingerprints, FINGERPRINT_SCHEME } from './report/fingerprint.js';
export { render } from './report/index.js';
export { FORMATS, type Format, isFormat, type RenderOptions, type ReportInput } from './report/types.js';
export { composeRules } from './rules/compose/index.js';
export { contextRules } from './rules/context/index.js';
export { dockerfileRules } from './rules/dockerfile/index.js';
export { imageRules } from './rules/image/index.js';
export { renderCycloneDx, validateCycloneDx } from './sbom/cyclonedx.js';
export { renderSpdx } from './sbom/spdx.js';
export * from './secrets/index.js';
export {
  type ShellcheckComment,
  type ShellcheckResults,
  shellcheckDockerfiles,
  shellcheckVersion,
} from './shellcheck/index.js';
export { VERSION } from './version.js';
