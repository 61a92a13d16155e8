import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isSeverity, type Severity, type Threshold } from '../core/finding.js';
import { type Config, defaultConfig, type Gate, type LabelType } from './settings.js';

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
  gate?: Gate;
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
  'gate',
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
    if (!KNOWN_KEYS.has(key)) {
      // hadolint ignores keys it does not know; so do we in its files, so they load unchanged.
      if (isHadolintFile(path)) continue;
      fail(key, 'unknown configuration key');
    }
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'ignored':
      case 'enable':
      case 'trustedRegistries':
        // hadolint documents `trustedRegistries: string | [string]`.
        if (key === 'trustedRegistries' && typeof value === 'string') {
          out.trustedRegistries = [value];
          break;
        }
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
        if (value !== 'none' && value !== 'ignore' && !isSeverity(value))
          fail(key, 'must be error, warning, info, style, ignore or none');
        out['failure-threshold'] = thresholdOf(value as string);
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
      case 'gate':
        if (value !== 'all' && value !== 'hadolint') fail(key, 'must be all or hadolint');
        out.gate = value as Gate;
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

/** hadolint's `ignore` level is below `style`: as a failure threshold, any finding fails. */
export function thresholdOf(value: string): Threshold {
  return value === 'ignore' ? 'style' : (value as Threshold);
}

function isHadolintFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return (
    name === 'hadolint.yaml' ||
    name === 'hadolint.yml' ||
    name === 'config.yaml' ||
    HADOLINT_NAMES.includes(name)
  );
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
  if (data.gate) config.gate = data.gate;
  return config;
}

/** Configuration files found for a folder: the nearest folder upward holding `.hadolint.y(a)ml` or `.dockaudit.y(a)ml`. */
export async function findConfigFiles(
  startDir: string,
  cache?: Map<string, Promise<string[]>>,
): Promise<string[]> {
  const dir = resolve(startDir);
  const cached = cache?.get(dir);
  if (cached) return cached;
  const found = (async (): Promise<string[]> => {
    const files: string[] = [];
    for (const names of [HADOLINT_NAMES, DOCKAUDIT_NAMES]) {
      for (const name of names) {
        const p = join(dir, name);
        if (await isFile(p)) {
          files.push(p);
          break;
        }
      }
    }
    if (files.length > 0) return files;
    const parent = dirname(dir);
    return parent === dir ? [] : findConfigFiles(parent, cache);
  })();
  cache?.set(dir, found);
  return found;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * hadolint's user-level configuration files, read when no project file is found (in hadolint's order):
 * `$XDG_CONFIG_HOME/hadolint.yaml`, `~/.config/hadolint.yaml`, `~/.hadolint/hadolint.yaml`,
 * `~/hadolint/config.yaml`, `~/.hadolint.yaml` (each also with `.yml`).
 */
export async function findUserConfigFile(env: NodeJS.ProcessEnv): Promise<string | null> {
  const home = env.HOME ?? env.USERPROFILE;
  const candidates: string[] = [];
  const both = (base: string) => candidates.push(`${base}.yaml`, `${base}.yml`);
  if (env.XDG_CONFIG_HOME) both(join(env.XDG_CONFIG_HOME, 'hadolint'));
  if (home) {
    both(join(home, '.config', 'hadolint'));
    both(join(home, '.hadolint', 'hadolint'));
    both(join(home, 'hadolint', 'config'));
    both(join(home, '.hadolint'));
  }
  for (const c of candidates) if (await isFile(c)) return c;
  return null;
}

/** hadolint's environment variables (`HADOLINT_IGNORE=DL3008,DL3009`, …), applied between files and flags. */
export function cliConfigFromEnv(env: NodeJS.ProcessEnv): CliConfig {
  const list = (name: string) =>
    env[name]
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const truthy = (name: string) => /^(?:1|true|yes|on)$/i.test(env[name] ?? '');
  const threshold = env.HADOLINT_FAILURE_THRESHOLD?.trim();
  const out: CliConfig = {
    ignore: list('HADOLINT_IGNORE'),
    error: list('HADOLINT_OVERRIDE_ERROR'),
    warning: list('HADOLINT_OVERRIDE_WARNING'),
    info: list('HADOLINT_OVERRIDE_INFO'),
    style: list('HADOLINT_OVERRIDE_STYLE'),
    trustedRegistry: list('HADOLINT_TRUSTED_REGISTRIES'),
    requireLabel: list('HADOLINT_REQUIRE_LABELS'),
    strictLabels: truthy('HADOLINT_STRICT_LABELS') || undefined,
    disableIgnorePragma: truthy('HADOLINT_DISABLE_IGNORE_PRAGMA') || undefined,
    noFail: truthy('HADOLINT_NOFAIL') || undefined,
  };
  if (threshold) {
    if (threshold !== 'none' && threshold !== 'ignore' && !isSeverity(threshold))
      throw new ConfigError('HADOLINT_FAILURE_THRESHOLD', `unknown failure threshold "${threshold}"`);
    out.failureThreshold = thresholdOf(threshold);
  }
  return out;
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
  gate?: Gate;
}

/**
 * Resolves the configuration of each linted file: `--config FILE`, or the nearest configuration files
 * upward from the file, then the command-line options. Results are cached per folder.
 */
export class ConfigResolver {
  private cache = new Map<string, Promise<Config>>();
  /** Configuration files found per folder: sibling folders share the search of their parents. */
  private found = new Map<string, Promise<string[]>>();
  /** Files that were read, for reporting. */
  readonly loaded = new Set<string>();

  /**
   * `env` (default: none) enables what hadolint reads from the environment: `HADOLINT_*` variables and
   * the user-level configuration files under HOME / XDG_CONFIG_HOME.
   */
  constructor(
    private readonly cli: CliConfig = {},
    private readonly env: NodeJS.ProcessEnv | null = null,
  ) {}

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
    let files = this.cli.configFile ? [this.cli.configFile] : await findConfigFiles(dir, this.found);
    if (files.length === 0 && this.env) {
      const user = await findUserConfigFile(this.env);
      if (user) files = [user];
    }
    // Configured by hadolint's files alone: keep hadolint's pass/fail (a `gate:` key or --gate overrides it).
    if (files.length > 0 && files.every((f) => /(?:^|[\\/])\.?hadolint\.ya?ml$/.test(f)))
      config.gate = 'hadolint';
    for (const f of files) {
      config = applyConfigData(config, await readConfigFile(f));
      this.loaded.add(f);
    }
    if (this.env) config = applyCli(config, cliConfigFromEnv(this.env));
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
  if (cli.gate) config.gate = cli.gate;
  if (cli.strictLabels) config.strictLabels = true;
  if (cli.disableIgnorePragma) config.disableIgnorePragma = true;
  if (cli.noFail) config.noFail = true;
  return config;
}
