import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, InputError, Severity, TextEdit } from '../core/finding.js';
import type { LineIndex } from '../core/positions.js';
import type { RuleMeta } from '../core/rule.js';
import { FINGERPRINT_SCHEME, fingerprintsOf } from './fingerprint.js';
import { ruleDocsUrl, toolInformationUri } from './rule-docs.js';
import { reportPath, SourceLines } from './sources.js';
import type { RenderOptions, ReportInput } from './types.js';

/** The schema the log declares (SARIF 2.1.0 with its 2023 errata, as published by OASIS). */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Relative paths are resolved against the analysed source root by SARIF consumers (GitHub code scanning). */
const SRCROOT = '%SRCROOT%';

type Json = Record<string, unknown>;
type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

// GitHub code scanning ranks security results by this score (critical ≥ 9, high ≥ 7, medium ≥ 4, low).
const SECURITY_SEVERITY: Record<Severity, string> = {
  error: '7.5',
  warning: '5.0',
  info: '2.0',
  style: '1.0',
};

/** A file path as an artifactLocation: relative paths under %SRCROOT%, absolute ones as file: URIs. */
export function artifactLocation(file: string): Json {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: reportPath(file).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function fence(code: string, lang: string): string {
  let ticks = '```';
  while (code.includes(ticks)) ticks += '`';
  return `${ticks}${lang}\n${code}\n${ticks}`;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/** PascalCase of a kebab-case id: SARIF's readable rule name. */
const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export function ruleDescriptor(rule: RuleMeta): Json {
  const url = ruleDocsUrl(rule.id);
  const { summary, rationale, bad, good, references = [] } = rule.docs;
  const lang = rule.target === 'dockerfile' ? 'dockerfile' : rule.target === 'compose' ? 'yaml' : '';
  const markdown = [
    `**${summary}**`,
    rationale,
    `Problem:\n\n${fence(bad, lang)}`,
    `Fixed:\n\n${fence(good, lang)}`,
    ...(references.length > 0 ? [`References:\n\n${references.map((r) => `- <${r}>`).join('\n')}`] : []),
    ...(url ? [`[Documentation of ${rule.id} (${rule.code})](${url})`] : []),
  ].join('\n\n');
  const text = [
    summary,
    rationale,
    `Problem:\n${indent(bad)}`,
    `Fixed:\n${indent(good)}`,
    ...(references.length > 0 ? [`References:\n${references.map((r) => `  ${r}`).join('\n')}`] : []),
  ].join('\n\n');
  const properties: Json = {
    tags: [rule.category, rule.target],
    category: rule.category,
    code: rule.code,
    aliases: [...rule.aliases],
    target: rule.target,
  };
  if (rule.fixable) properties.fixable = rule.fixable;
  if (rule.category === 'security') properties['security-severity'] = SECURITY_SEVERITY[rule.severity];
  const descriptor: Json = {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: summary },
    fullDescription: { text: rationale },
    help: { text, markdown },
    defaultConfiguration: { level: sarifLevel(rule.severity), enabled: rule.enabledByDefault !== false },
    properties,
  };
  if (url) descriptor.helpUri = url;
  return descriptor;
}

/** A descriptor for a rule the report has no metadata for (kept so that every result has a ruleIndex). */
function bareDescriptor(f: Finding): Json {
  return {
    id: f.rule,
    name: pascal(f.rule),
    shortDescription: { text: f.rule },
    defaultConfiguration: { level: sarifLevel(f.severity) },
    properties: { tags: [f.category], category: f.category, code: f.code, aliases: [...f.aliases] },
  };
}

/** A SARIF region for a text edit: line/column when the source is known, character offsets always. */
function editRegion(edit: TextEdit, lines: LineIndex | null): Json {
  const region: Json = { charOffset: edit.start, charLength: Math.max(0, edit.end - edit.start) };
  if (!lines) return region;
  const start = lines.position(edit.start);
  const end = lines.position(Math.max(edit.start, edit.end));
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...region,
  };
}

function fixesOf(f: Finding, lines: LineIndex | null): Json[] | undefined {
  if (!f.fix || f.fix.edits.length === 0) return undefined;
  const replacements = f.fix.edits.map((edit) => {
    const replacement: Json = { deletedRegion: editRegion(edit, lines) };
    if (edit.text !== '') replacement.insertedContent = { text: edit.text };
    return replacement;
  });
  const text =
    f.fix.safety === 'safe'
      ? 'Safe fix (applied by `dockaudit fix`)'
      : 'Suggested fix, may change behaviour (applied by `dockaudit fix --unsafe`)';
  return [
    {
      description: { text },
      artifactChanges: [{ artifactLocation: artifactLocation(f.file), replacements }],
      properties: { safety: f.fix.safety },
    },
  ];
}

function notification(e: InputError, artifactIndex: Map<string, number>): Json {
  const physical: Json = {
    artifactLocation: { ...artifactLocation(e.file), index: artifactIndex.get(e.file) },
  };
  if (e.line) {
    const region: Json = { startLine: e.line };
    if (e.column) region.startColumn = e.column;
    if (e.endLine) region.endLine = e.endLine;
    if (e.endColumn) region.endColumn = e.endColumn;
    physical.region = region;
  }
  return { level: 'error', message: { text: e.message }, locations: [{ physicalLocation: physical }] };
}

/** A SARIF 2.1.0 log with one run: rule metadata, results with exact regions, fixes and fingerprints. */
export function renderSarif(input: ReportInput, options: RenderOptions): string {
  const lines = new SourceLines(options.sources);
  const fingerprints = fingerprintsOf(input, options.sources);

  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  for (const rule of input.rules) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, rules.length);
    rules.push(ruleDescriptor(rule));
  }
  const artifacts: Json[] = [];
  const artifactIndex = new Map<string, number>();
  const addArtifact = (file: string) => {
    if (artifactIndex.has(file)) return;
    artifactIndex.set(file, artifacts.length);
    artifacts.push({ location: artifactLocation(file), roles: ['analysisTarget'] });
  };
  for (const file of input.files) addArtifact(file);
  for (const f of input.findings) addArtifact(f.file);
  for (const e of input.errors) addArtifact(e.file);

  const results = input.findings.map((f) => {
    let index = ruleIndex.get(f.rule);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(f.rule, index);
      rules.push(bareDescriptor(f));
    }
    const result: Json = {
      ruleId: f.rule,
      ruleIndex: index,
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...artifactLocation(f.file), index: artifactIndex.get(f.file) },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_SCHEME]: fingerprints.get(f) },
      properties: { code: f.code, category: f.category, severity: f.severity },
    };
    const fixes = fixesOf(f, lines.of(f.file));
    if (fixes) result.fixes = fixes;
    return result;
  });

  const driver: Json = {
    name: input.tool,
    fullName: `${input.tool} ${input.version}`,
    version: input.version,
    semanticVersion: input.version,
    rules,
  };
  const informationUri = toolInformationUri();
  if (informationUri) driver.informationUri = informationUri;

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [
          {
            executionSuccessful: input.errors.length === 0,
            toolExecutionNotifications: input.errors.map((e) => notification(e, artifactIndex)),
            properties: { command: input.command },
          },
        ],
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
