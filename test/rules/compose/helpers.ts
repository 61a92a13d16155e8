import { auditCompose } from '../../../src/compose/audit.js';
import { loadComposeProject } from '../../../src/compose/load.js';
import type { ComposeProject } from '../../../src/compose/model.js';
import { defaultConfig } from '../../../src/config/settings.js';
import { compareFindings, type Finding } from '../../../src/core/finding.js';
import { composeRules } from '../../../src/rules/compose/index.js';

export const ROOT = '/virtual/project';

export interface AuditOptions {
  /** Other files of the project, by path relative to ROOT (Dockerfiles, extended or included files). */
  files?: Record<string, string>;
  env?: Record<string, string>;
  profiles?: string[];
}

export async function loadText(text: string, options: AuditOptions = {}): Promise<ComposeProject> {
  const texts = new Map<string, string>([[`${ROOT}/compose.yaml`, text]]);
  for (const [p, t] of Object.entries(options.files ?? {})) texts.set(`${ROOT}/${p}`, t);
  const result = await loadComposeProject(['compose.yaml'], {
    cwd: ROOT,
    env: options.env ?? {},
    texts,
    profiles: options.profiles,
    readText: (abs) => Promise.reject(Object.assign(new Error(`ENOENT ${abs}`), { code: 'ENOENT' })),
  });
  if (!result.project) throw new Error(`not loaded: ${JSON.stringify(result.errors)}`);
  return result.project;
}

/** Findings of one rule (switched on even when off by default) over a compose text, in report order. */
export async function run(ruleId: string, text: string, options: AuditOptions = {}): Promise<Finding[]> {
  const project = await loadText(text, options);
  const rule = composeRules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const config = defaultConfig();
  config.enabled.push(rule.id);
  const findings = auditCompose(project, { config, rules: [rule] }).sort(compareFindings);
  // A message that fell back to the summary means the rule reported a message id it does not define.
  for (const f of findings)
    if (f.message === rule.docs.summary) throw new Error(`${ruleId}: unknown message id`);
  return findings;
}

/** `line:column-endColumn message` of each finding, for compact expectations. */
export async function hits(ruleId: string, text: string, options: AuditOptions = {}): Promise<string[]> {
  return (await run(ruleId, text, options)).map(
    (f) =>
      `${f.line}:${f.column}-${f.endLine === f.line ? '' : `${f.endLine}:`}${f.endColumn} ${f.severity} ${f.message}`,
  );
}
