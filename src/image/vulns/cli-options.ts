/**
 * Declares the vulnerability options on a command. Imported eagerly by command modules, so it imports
 * nothing but commander's types and the level names; parsing lives in `options.ts`, loaded on use.
 */
import type { Command } from 'commander';
import { LEVELS } from './osv/severity.js';

function collectList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

const NAMES = [...LEVELS].reverse().join(', ');

/** --db, --severity, --ignore-unfixed, --ignorefile, --vuln-threshold and --no-vulns. */
export function addVulnerabilityOptions(cmd: Command): Command {
  return cmd
    .option(
      '--db <dir>',
      'vulnerability database folder (default: $DOCKAUDIT_DB_DIR or ~/.cache/dockaudit/db)',
    )
    .option(
      '--severity <levels>',
      `report only these vulnerability levels: ${NAMES} (repeatable, comma-separated)`,
      collectList,
    )
    .option('--ignore-unfixed', 'leave out vulnerabilities that have no fixed version')
    .option(
      '--ignorefile <file>',
      'vulnerability ignore list: .trivyignore lines or YAML with expiry dates (repeatable; default .trivyignore if present)',
      collectList,
    )
    .option(
      '--vuln-threshold <level>',
      `exit with 1 when a vulnerability is at or above: ${NAMES}, none`,
      'none',
    )
    .option('--no-vulns', 'do not match packages against the vulnerability database');
}
