import type { Command } from 'commander';
import type { CliConfig } from '../config/load.js';
import type { Gate } from '../config/settings.js';
import { collect, resolveThreshold, UsageError } from './common.js';

/** Options of commands that select and configure rules (lint, fix, compose, context…). */
export interface ConfigOptions {
  ignore?: string[];
  enable?: string[];
  error?: string[];
  warning?: string[];
  info?: string[];
  style?: string[];
  trustedRegistry?: string[];
  requireLabel?: string[];
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  config?: string;
  failureThreshold?: string;
  fail?: boolean;
  gate?: string;
}

export function addConfigOptions(cmd: Command): Command {
  return cmd
    .option(
      '--ignore <rule>',
      'switch a rule off (id, code or hadolint code; repeatable, comma-separated)',
      collect,
    )
    .option('--enable <rule>', 'switch on a rule that is off by default (repeatable)', collect)
    .option('--error <rule>', 'report a rule as an error (repeatable)', collect)
    .option('--warning <rule>', 'report a rule as a warning (repeatable)', collect)
    .option('--info <rule>', 'report a rule as info (repeatable)', collect)
    .option('--style <rule>', 'report a rule as style (repeatable)', collect)
    .option(
      '--trusted-registry <registry>',
      'allow base images only from these registries (repeatable)',
      collect,
    )
    .option(
      '--require-label <label[:type]>',
      'require a label, optionally of a type (url, rfc3339, spdx, hash, semver, email, text)',
      collect,
    )
    .option('--strict-labels', 'report labels that are not in the label schema')
    .option('--disable-ignore-pragma', 'ignore `# hadolint ignore=` and `# dockaudit ignore=` comments')
    .option(
      '-c, --config <file>',
      'use this configuration file instead of discovering .dockaudit.yaml / .hadolint.yaml',
    );
}

export function cliConfigOf(options: ConfigOptions): CliConfig {
  return {
    configFile: options.config,
    ignore: options.ignore,
    enable: options.enable,
    error: options.error,
    warning: options.warning,
    info: options.info,
    style: options.style,
    trustedRegistry: options.trustedRegistry,
    requireLabel: options.requireLabel,
    strictLabels: options.strictLabels,
    disableIgnorePragma: options.disableIgnorePragma,
    failureThreshold:
      options.failureThreshold === undefined ? undefined : resolveThreshold(options.failureThreshold, 'info'),
    noFail: options.fail === false,
    gate: gateOf(options.gate),
  };
}

function gateOf(value: string | undefined): Gate | undefined {
  if (value === undefined) return undefined;
  if (value === 'all' || value === 'hadolint') return value;
  throw new UsageError(`unknown gate "${value}"; use all or hadolint`);
}
