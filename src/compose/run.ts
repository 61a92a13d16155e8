import type { Config } from '../config/settings.js';
import type { Finding, InputError } from '../core/finding.js';
import type { RuleFailure } from '../engine/run-rules.js';
import type { MessageCatalog } from '../i18n/catalog.js';
import { auditCompose, type ComposeRule } from './audit.js';
import { type LoadOptions, loadComposeProject } from './load.js';
import type { ComposeProject } from './model.js';
import { redactedSources } from './secrets.js';

export interface ComposeRunOptions extends LoadOptions {
  /** Configuration for a project (by the path of its first file); null skips the project (its error is reported by the caller). */
  configFor: (path: string) => Promise<Config | null> | Config | null;
  rules: readonly ComposeRule[];
  catalog?: MessageCatalog;
}

export interface ComposeRunResult {
  findings: Finding[];
  errors: InputError[];
  /** Every file read (compose, override, extended and included files). */
  files: string[];
  /** Texts of the files read, secret values masked: what reporters may show. */
  sources: Map<string, string>;
  failures: RuleFailure[];
  projects: ComposeProject[];
}

/** Loads and audits compose projects (each a list of files merged in order). */
export async function auditComposeProjects(
  projects: string[][],
  options: ComposeRunOptions,
): Promise<ComposeRunResult> {
  const result: ComposeRunResult = {
    findings: [],
    errors: [],
    files: [],
    sources: new Map(),
    failures: [],
    projects: [],
  };
  for (const files of projects) {
    const loaded = await loadComposeProject(files, options);
    result.errors.push(...loaded.errors);
    const project = loaded.project;
    if (!project) continue;
    result.projects.push(project);
    for (const [path, text] of redactedSources(project)) {
      if (!result.sources.has(path)) result.files.push(path);
      result.sources.set(path, text);
    }
    const config = await options.configFor(project.files[0]!.absPath);
    if (!config) continue;
    const findings = auditCompose(project, {
      config,
      rules: options.rules,
      catalog: options.catalog,
      failures: result.failures,
    });
    result.findings.push(...findings);
  }
  return result;
}
