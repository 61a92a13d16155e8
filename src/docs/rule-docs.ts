import { stringify } from 'yaml';
import type { RuleMeta } from '../core/rule.js';

/** Configuration file keys of the engine's `Config` fields that rule examples use. */
const CONFIG_KEYS: Record<string, string> = {
  trustedRegistries: 'trustedRegistries',
  labelSchema: 'label-schema',
  strictLabels: 'strict-labels',
};

const FENCE: Record<string, string> = {
  dockerfile: 'dockerfile',
  compose: 'yaml',
  context: 'text',
  image: 'text',
};
const TARGET_TITLE: Record<string, string> = {
  dockerfile: 'Dockerfile rules',
  compose: 'Compose rules',
  context: 'Build context rules',
  image: 'Image rules',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The documentation page of one rule, generated from its metadata (docs/rules/<id>.md). */
export function renderRuleDoc(rule: RuleMeta): string {
  const fence = FENCE[rule.target] ?? 'text';
  const lines = [
    `# ${rule.id} (${rule.code})`,
    '',
    `> ${rule.docs.summary}`,
    '',
    '| | |',
    '|---|---|',
    `| Code | \`${rule.code}\` |`,
    `| Applies to | ${rule.target} |`,
    `| Default severity | ${rule.severity} |`,
    `| Category | ${rule.category} |`,
    `| Enabled by default | ${rule.enabledByDefault === false ? 'no (enable it with `--enable ' + rule.id + '` or `enable:` in `.dockaudit.yaml`)' : 'yes'} |`,
    `| Automatic fix | ${rule.fixable === 'safe' ? 'yes (safe)' : rule.fixable === 'suggested' ? 'yes, with `--unsafe` (may change behaviour)' : 'no'} |`,
    `| Equivalent in other tools | ${rule.aliases.length ? rule.aliases.map((a) => `\`${a}\``).join(', ') : '—'} |`,
    '',
    '## Why',
    '',
    rule.docs.rationale,
    '',
    ...configSection(rule),
    '## Problem',
    '',
    '```' + fence,
    rule.docs.bad,
    '```',
    '',
    '## Fixed',
    '',
    '```' + fence,
    rule.docs.good,
    '```',
    '',
    '## Suppressing it',
    '',
    rule.target === 'dockerfile'
      ? `Add \`# dockaudit ignore=${rule.id}\` on the line before the instruction${rule.aliases.some((a) => /^DL\d{4}$/.test(a)) ? ` (hadolint's \`# hadolint ignore=${rule.aliases.find((a) => /^DL\d{4}$/.test(a))}\` works too)` : ''}, or list \`${rule.id}\` under \`ignored:\` in \`.dockaudit.yaml\`.`
      : `List \`${rule.id}\` under \`ignored:\` in \`.dockaudit.yaml\`, or pass \`--ignore ${rule.id}\`.`,
  ];
  if (rule.docs.references?.length) {
    lines.push('', '## References', '');
    for (const r of rule.docs.references) lines.push(`- ${r}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The configuration the examples assume, as it is written in `.dockaudit.yaml` / `.hadolint.yaml`. */
function configSection(rule: RuleMeta): string[] {
  const config = rule.docs.config;
  if (!config || Object.keys(config).length === 0) return [];
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) data[CONFIG_KEYS[k] ?? k] = v;
  return [
    '## Configuration',
    '',
    'The examples below assume this configuration (`.dockaudit.yaml`, or `.hadolint.yaml` unchanged):',
    '',
    '```yaml',
    stringify(data).trimEnd(),
    '```',
    '',
  ];
}

/** docs/rules/README.md: every rule, grouped by what it applies to. */
export function renderRuleIndex(rules: readonly RuleMeta[]): string {
  const lines = [
    '# Rules',
    '',
    "Generated from the rules' metadata by `npm run docs`; do not edit by hand.",
    '',
    `${rules.length} rules. Codes: DA1xxx syntax, DA2xxx package managers and image size, DA3xxx security, DA4xxx stages, commands and runtime, DA5xxx compose, DA6xxx build context, DA7xxx image, DA8xxx vulnerabilities.`,
  ];
  for (const target of ['dockerfile', 'compose', 'context', 'image']) {
    const group = rules.filter((r) => r.target === target).sort((a, b) => (a.code < b.code ? -1 : 1));
    if (group.length === 0) continue;
    lines.push(
      '',
      `## ${TARGET_TITLE[target]} (${group.length})`,
      '',
      '| Code | Rule | Severity | Category | Fix | Also known as | What it checks |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of group) {
      const fix = r.fixable === 'safe' ? 'safe' : r.fixable === 'suggested' ? 'suggested' : '';
      const off = r.enabledByDefault === false ? ' (off by default)' : '';
      lines.push(
        `| ${r.code} | [${r.id}](${r.id}.md) | ${r.severity}${off} | ${r.category} | ${fix} | ${r.aliases.join(', ')} | ${cell(r.docs.summary)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
