/**
 * The audit orchestrator (DESIGN §1: it only orchestrates). It discovers the repository's sources and
 * runs each module through its public API — lint with build-context facts, the context analysis and its
 * rules, compose loading and rules — and returns what they found, unchanged. The report model is built
 * from this by `model.ts`; no rule logic lives here.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { auditComposeProjects, type ComposeRunResult } from '../compose/run.js';
import { ConfigResolver } from '../config/load.js';
import type { Config } from '../config/settings.js';
import { analyzeContext, type ContextModel } from '../context/analyze.js';
import { type BuildContext, BuildContextError, loadBuildContext } from '../context/build-context.js';
import { contextFacts } from '../context/facts.js';
import type { ContextSecretScan } from '../context/secrets.js';
import type { ContextWalk } from '../context/walk.js';
import { compareFindings, type Finding, type InputError } from '../core/finding.js';
import { LineIndex } from '../core/positions.js';
import type { RuleMeta } from '../core/rule.js';
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { describeIoError, lintSources } from '../engine/lint-files.js';
import { type RuleFailure, runRules } from '../engine/run-rules.js';
import type { Lang, MessageCatalog } from '../i18n/catalog.js';
import { loadRuleCatalog } from '../i18n/rules/load.js';
import type { OptimizeResult } from '../optimize/types.js';
import { composeRules } from '../rules/compose/index.js';
import { contextRules } from '../rules/context/index.js';
import { dockerfileRules } from '../rules/dockerfile/index.js';
import {
  type AuditService,
  type AuditTarget,
  attachServices,
  discoverRepository,
  servicesOf,
  shownPath,
} from './discover.js';
import { auditImage, type ImageReadOptions, type ImageRun, type ImageSpec } from './images.js';

export interface AuditOptions {
  /** Language of rule messages and of the report (default: en). */
  lang?: Lang;
  /** Rule-message translations; default: `loadRuleCatalog(lang)` (none for English, whose texts are the rules'). */
  catalog?: MessageCatalog;
  /** Configuration of a file (absolute path); default: `.dockaudit.yaml`/`.hadolint.yaml` discovered upward. */
  configFor?: (absPath: string) => Promise<Config> | Config;
  /** Environment compose interpolation sees (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Built images to include, by the name of the image (or compose service) they are. */
  images?: ImageSpec[];
  /** How to read them (platform, vulnerability database…). */
  imageOptions?: Omit<ImageReadOptions, 'catalog'>;
}

/** What the modules found for one Dockerfile. */
export interface TargetRun {
  target: AuditTarget;
  /** Null when the file could not be read. */
  text: string | null;
  /** The parsed Dockerfile (from the context analysis), null when unreadable or not a Dockerfile. */
  analysis: DockerfileAnalysis | null;
  /** Lint findings (with build-context facts) and context findings, sorted. */
  findings: Finding[];
  context: ContextModel | null;
  /** The optimizer's result, or null with the reason in `optimizeError`. */
  optimized: OptimizeResult | null;
  optimizeError: string | null;
}

export interface AuditRun {
  /** Absolute path of the audited folder. */
  root: string;
  /** The folder as given. */
  given: string;
  targets: TargetRun[];
  services: AuditService[];
  compose: ComposeRunResult;
  /** Built images given with `images`, read and checked. */
  images: ImageRun[];
  errors: InputError[];
  failures: RuleFailure[];
  /** Metadata of every rule that ran (for documentation links). */
  rules: readonly RuleMeta[];
  lang: Lang;
}

/** Audits a repository folder: every Dockerfile with its context, and every compose project. */
export async function runAudit(dir: string, options: AuditOptions = {}): Promise<AuditRun> {
  const lang = options.lang ?? 'en';
  const catalog = options.catalog ?? (lang === 'en' ? undefined : await loadRuleCatalog(lang));
  const resolver = options.configFor ? null : new ConfigResolver();
  const configOf = (abs: string) => (options.configFor ? options.configFor(abs) : resolver!.forFile(abs));
  const discovery = await discoverRepository(dir);
  const { root } = discovery;
  const errors: InputError[] = [...discovery.errors];
  const failures: RuleFailure[] = [];
  const configOrError = async (abs: string, shown: string): Promise<Config | null> => {
    try {
      return await configOf(abs);
    } catch (error) {
      const e = error as { file?: string; line?: number; column?: number; message?: string };
      errors.push({ file: e.file ?? shown, line: e.line, column: e.column, message: String(e.message) });
      return null;
    }
  };

  const compose = await auditComposeProjects(discovery.composeProjects, {
    cwd: root,
    ...(options.env ? { env: options.env } : {}),
    configFor: (p) => configOrError(resolveIn(root, p), p),
    rules: composeRules,
    ...(catalog ? { catalog } : {}),
  });
  errors.push(...compose.errors);
  failures.push(...compose.failures);
  const services = servicesOf(compose.projects);
  const targets = attachServices(discovery, services);

  const runs: TargetRun[] = [];
  const sources: { path: string; text: string }[] = [];
  // Dockerfiles that share a build context share its walk and its secret scan.
  const shared = { scans: new Map<string, ContextSecretScan>(), walks: new Map<string, ContextWalk>() };
  for (const target of targets) {
    let text: string | null = null;
    try {
      text = await readFile(target.absDockerfile, 'utf8');
      sources.push({ path: target.dockerfile, text });
    } catch (error) {
      errors.push({ file: target.dockerfile, message: describeIoError(error) });
    }
    const run: TargetRun = {
      target,
      text,
      analysis: null,
      findings: [],
      context: null,
      optimized: null,
      optimizeError: null,
    };
    if (text !== null) run.context = contextOf(run, root, errors, shared);
    run.analysis = run.context?.dockerfile?.analysis ?? null;
    runs.push(run);
  }

  const byPath = new Map(runs.map((r) => [r.target.dockerfile, r]));
  const lint = await lintSources(sources, {
    rules: dockerfileRules,
    ...(catalog ? { catalog } : {}),
    configFor: (p) => configOrError(resolveIn(root, p), p),
    contextFor: (p) => {
      const context = byPath.get(p)?.context;
      return context ? contextFacts(context.context) : null;
    },
  });
  errors.push(...lint.errors);
  failures.push(...lint.failures);
  for (const f of lint.findings) byPath.get(f.file)?.findings.push(f);

  for (const run of runs) {
    if (!run.context) continue;
    const config = await configOrError(run.target.absDockerfile, run.target.dockerfile);
    if (!config) continue;
    const model = run.context;
    const found = runRules({
      file: model.dockerfile?.file ?? run.target.absDockerfile,
      model,
      lines: model.dockerfile?.analysis.file.lines ?? new LineIndex(''),
      rules: contextRules,
      config,
      ...(catalog ? { catalog } : {}),
      failures,
    });
    for (const f of found) run.findings.push({ ...f, file: shownPath(root, resolveIn(root, f.file)) });
  }
  for (const run of runs) run.findings.sort(compareFindings);
  compose.findings.sort(compareFindings);

  const optimizer = await import('../optimize/plan.js');
  for (const run of runs) {
    if (run.text === null || !run.analysis) continue;
    const config = await configOrError(run.target.absDockerfile, run.target.dockerfile);
    if (!config) continue;
    try {
      // What the optimized version still has is checked as the original was: with the build context's
      // facts (and the proposed .dockerignore, which comes with it) and in the report's language.
      run.optimized = optimizer.optimizeDockerfile(run.text, run.target.dockerfile, {
        context: run.target.context,
        lang,
        config,
        contextFacts: (proposed) => (run.context ? contextFacts(optimizedContext(run, proposed)) : null),
        ...(catalog ? { catalog } : {}),
      });
    } catch (error) {
      run.optimizeError = error instanceof optimizer.OptimizeInputError ? error.message : String(error);
      if (!(error instanceof optimizer.OptimizeInputError))
        failures.push({ rule: 'optimizer', file: run.target.dockerfile, error });
    }
  }

  const images: ImageRun[] = [];
  const rules: RuleMeta[] = [...dockerfileRules, ...contextRules, ...composeRules];
  if (options.images && options.images.length > 0) {
    const [{ imageRules }, { VULNERABILITY_RULES }] = await Promise.all([
      import('../rules/image/index.js'),
      import('../image/vulns/rules.js'),
    ]);
    rules.push(...imageRules, ...VULNERABILITY_RULES);
    for (const spec of options.images) {
      const built =
        runs.find((r) => r.target.name === spec.name) ??
        runs.find((r) => r.target.services.includes(spec.name));
      const config = await configOrError(
        built?.target.absDockerfile ?? resolve(root, 'Dockerfile'),
        spec.source,
      );
      if (!config) continue;
      const dockerfile = built?.text != null ? { path: built.target.dockerfile, text: built.text } : null;
      const image = await auditImage(
        spec,
        dockerfile,
        config,
        { ...options.imageOptions, ...(catalog ? { catalog } : {}) },
        errors,
        failures,
      );
      image.findings.sort(compareFindings);
      images.push(image);
    }
  }

  return {
    root,
    given: dir,
    targets: runs,
    services,
    compose,
    images,
    errors: dedupe(errors),
    failures,
    rules,
    lang,
  };
}

/** The context analysis of a Dockerfile; an unreadable context becomes an input error. */
function contextOf(
  run: TargetRun,
  root: string,
  errors: InputError[],
  shared: { scans: Map<string, ContextSecretScan>; walks: Map<string, ContextWalk> },
): ContextModel | null {
  try {
    return analyzeContext(run.target.context, { dockerfile: run.target.absDockerfile, ...shared });
  } catch (error) {
    if (!(error instanceof BuildContextError)) throw error;
    errors.push({ file: shownPath(root, resolveIn(root, error.file)), message: error.message });
    return null;
  }
}

/** The build context as the optimized version is built from it: with the proposed .dockerignore, if any. */
function optimizedContext(run: TargetRun, proposed: string | null): BuildContext {
  const context = run.context!.context;
  if (proposed === null || context.ignoreFile !== null) return context;
  return loadBuildContext(context.root, {
    dockerfile: context.dockerfile,
    ignoreFile: { path: join(context.root, '.dockerignore'), kind: 'context', text: proposed },
  });
}

function resolveIn(root: string, path: string): string {
  return resolve(root, path);
}

function dedupe(errors: InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}\0${e.line ?? ''}\0${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
