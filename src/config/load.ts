import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isSeverity, type Severity, type Threshold } from '../core/finding.js';
import { type Config, defaultConfig, type LabelType } from './settings.js';

/** A configuration problem, with the file and (when known) the position. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Configuration keys as written in `.hadolint.yaml` and `.dockaudit.yaml` (the latter adds its own). */
export interface ConfigFileData {
  ignored?: string[];
  enable?: string[];
  override?: Partial<Record<Severity, string[]>>;
  severity?: Record<string, Severity>;
  'failure-threshold'?: Threshold;
  trustedRegistries?: string[];
  'label-schema'?: Record<string, LabelType>;
  'strict-labels'?: boolean;
  'disable-ignore-pragma'?: boolean;
  'no-fail'?: boolean;
  rules?: Record<string, Record<string, unknown>>;
}

const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const DOCKAUDIT_NAMES = ['.dockaudit.yaml', '.dockaudit.yml'];
const LABEL_TYPES = new Set(['url', 'rfc3339', 'spdx', 'hash', 'semver', 'email', 'text']);
const KNOWN_KEYS = new Set([
  'ignored',
  'enable',
  'override',
  'severity',
  'failure-threshold',
  'trustedRegistries',
  'label-schema',
  'strict-labels',
  'disable-ignore-pragma',
  'no-fail',
  'rules',
  // hadolint keys that only concern its own output; accepted so its files load unchanged
  'format',
  'no-color',
  'verbose',
]);

/** Reads and validates one configuration file. Errors name the file and the offending line. */
export async function readConfigFile(path: string): Promise<ConfigFileData> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, `cannot read configuration: ${(error as Error).message}`);
  }
  return parseConfigText(text, path);
}

export async function parseConfigText(text: string, path: string): Promise<ConfigFileData> {
  const { parseDocument, LineCounter, isMap } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new ConfigError(path, e.message.split('\n')[0]!, pos?.line, pos?.col);
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new ConfigError(path, 'the configuration must be a mapping of keys', 1, 1);
  const at = (key: string) => {
    const node = (doc.contents as import('yaml').YAMLMap).items.find(
      (p) => (p.key as { value?: unknown })?.value === key,
    );
    const range =
      (node?.value as { range?: [number, number] } | undefined)?.range ??
      (node?.key as { range?: [number, number] })?.range;
    return range ? lineCounter.linePos(range[0]) : undefined;
  };
  const fail = (key: string, message: string): never => {
    const pos = at(key);
    throw new ConfigError(path, `${key}: ${message}`, pos?.line, pos?.col);
  };
  const data = doc.toJS() as Record<string, unknown>;
  const out: ConfigFileData = {};
  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN_KEYS.has(key)) fail(key, 'unknown configuration key');
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'ignored':
      case 'enable':
      case 'trustedRegistries':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number'))
          fail(key, 'must be a list of names');
        out[key] = (value as unknown[]).map(String);
        break;
      case 'override': {
        if (typeof value !== 'object' || Array.isArray(value))
          fail(key, 'must map error/warning/info/style to rule lists');
        const override: Partial<Record<Severity, string[]>> = {};
        for (const [level, rules] of Object.entries(value as Record<string, unknown>)) {
          if (!isSeverity(level))
            fail(key, `unknown severity "${level}" (use error, warning, info or style)`);
          if (rules === null) continue;
          if (!Array.isArray(rules)) fail(key, `${level} must be a list of rules`);
          override[level as Severity] = (rules as unknown[]).map(String);
        }
        out.override = override;
        break;
      }
      case 'severity': {
        if (typeof value !== 'object' || Array.isArray(value)) fail(key, 'must map rules to severities');
        const severity: Record<string, Severity> = {};
        for (const [rule, level] of Object.entries(value as Record<string, unknown>)) {
          if (!isSeverity(level)) fail(key, `unknown severity "${String(level)}" for ${rule}`);
          severity[rule] = level as Severity;
        }
        out.severity = severity;
        break;
      }
      case 'failure-threshold':
        if (value !== 'none' && !isSeverity(value)) fail(key, 'must be error, warning, info, style or none');
        out['failure-threshold'] = value as Threshold;
        break;
      case 'label-schema': {
        if (typeof value !== 'object' || Array.isArray(value)) fail(key, 'must map label names to types');
        const schema: Record<string, LabelType> = {};
        for (const [label, type] of Object.entries(value as Record<string, unknown>)) {
          if (typeof type !== 'string' || !LABEL_TYPES.has(type))
            fail(
              key,
              `unknown type "${String(type)}" for label ${label} (use ${[...LABEL_TYPES].join(', ')})`,
            );
          schema[label] = type as LabelType;
        }
        out['label-schema'] = schema;
        break;
      }
      case 'strict-labels':
      case 'disable-ignore-pragma':
      case 'no-fail':
        if (typeof value !== 'boolean') fail(key, 'must be true or false');
        out[key] = value as boolean;
        break;
      case 'rules':
        if (typeof value !== 'object' || Array.isArray(value))
          fail(key, 'must map rule ids to their options');
        out.rules = value as Record<string, Record<string, unknown>>;
        break;
      default:
        break;
    }
  }
  return out;
}

/** Applies a configuration file's data on top of a configuration. */
export function applyConfigData(base: Config, data: ConfigFileData): Config {
  const config: Config = {
    ...base,
    ignored: [...base.ignored, ...(data.ignored ?? [])],
    enabled: [...base.enabled, ...(data.enable ?? [])],
    severity: { ...base.severity },
    trustedRegistries: data.trustedRegistries ? [...data.trustedRegistries] : [...base.trustedRegistries],
    labelSchema: data['label-schema'] ? { ...data['label-schema'] } : { ...base.labelSchema },
    ruleOptions: { ...base.ruleOptions, ...(data.rules ?? {}) },
  };
  for (const level of ['error', 'warning', 'info', 'style'] as const) {
    for (const rule of data.override?.[level] ?? []) config.severity[rule] = level;
  }
  Object.assign(config.severity, data.severity ?? {});
  if (data['failure-threshold']) config.failureThreshold = data['failure-threshold'];
  if (data['strict-labels'] !== undefined) config.strictLabels = data['strict-labels'];
  if (data['disable-ignore-pragma'] !== undefined) config.disableIgnorePragma = data['disable-ignore-pragma'];
  if (data['no-fail'] !== undefined) config.noFail = data['no-fail'];
  return config;
}

/** Configuration files found for a folder: the nearest folder upward holding `.hadolint.y(a)ml` or `.dockaudit.y(a)ml`. */
export async function findConfigFiles(startDir: string): Promise<string[]> {
  let dir = resolve(startDir);
  for (;;) {
    const found: string[] = [];
    for (const names of [HADOLINT_NAMES, DOCKAUDIT_NAMES]) {
      for (const name of names) {
        const p = join(dir, name);
        if (await isFile(p)) {
          found.push(p);
          break;
        }
      }
    }
    if (found.length > 0) return found;
    const parent = dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Options given on the command line; they win over configuration files. */
export interface CliConfig {
  configFile?: string;
  ignore?: string[];
  enable?: string[];
  error?: string[];
  warning?: string[];
  info?: string[];
  style?: string[];
  failureThreshold?: Threshold;
  trustedRegistry?: string[];
  requireLabel?: string[];
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  noFail?: boolean;
}

/**
 * Resolves the configuration of each linted file: `--config FILE`, or the nearest configuration files
 * upward from the file, then the command-line options. Results are cached per folder.
 */
export class ConfigResolver {
  private cache = new Map<string, Promise<Config>>();
  /** Files that were read, for reporting. */
  readonly loaded = new Set<string>();

  constructor(private readonly cli: CliConfig = {}) {}

  forFile(path: string): Promise<Config> {
    const dir = this.cli.configFile ? '' : dirname(resolve(path));
    let p = this.cache.get(dir);
    if (!p) {
      p = this.resolve(dir);
      this.cache.set(dir, p);
    }
    return p;
  }

  private async resolve(dir: string): Promise<Config> {
    let config = defaultConfig();
    const files = this.cli.configFile ? [this.cli.configFile] : await findConfigFiles(dir);
    for (const f of files) {
      config = applyConfigData(config, await readConfigFile(f));
      this.loaded.add(f);
    }
    return applyCli(config, this.cli);
  }
}

export function applyCli(base: Config, cli: CliConfig): Config {
  const config: Config = {
    ...base,
    ignored: [...base.ignored, ...(cli.ignore ?? [])],
    enabled: [...base.enabled, ...(cli.enable ?? [])],
    severity: { ...base.severity },
    trustedRegistries: [...base.trustedRegistries, ...(cli.trustedRegistry ?? [])],
    labelSchema: { ...base.labelSchema },
  };
  for (const level of ['error', 'warning', 'info', 'style'] as const) {
    for (const rule of cli[level] ?? []) config.severity[rule] = level;
  }
  for (const spec of cli.requireLabel ?? []) {
    const [name, type] = spec.split(':', 2) as [string, string | undefined];
    if (type !== undefined && !LABEL_TYPES.has(type))
      throw new ConfigError('--require-label', `unknown label type "${type}" in "${spec}"`);
    config.labelSchema[name] = (type as LabelType | undefined) ?? 'text';
  }
  if (cli.failureThreshold) config.failureThreshold = cli.failureThreshold;
  if (cli.strictLabels) config.strictLabels = true;
  if (cli.disableIgnorePragma) config.disableIgnorePragma = true;
  if (cli.noFail) config.noFail = true;
  return config;
}
