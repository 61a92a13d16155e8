import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { ShellWord } from '../../../dockerfile/shell-ast.js';
import type { PackageCommand } from './packages.js';
import { outOfScopeNames } from './shell-values.js';
import { listNames, listVariables } from './text.js';

/**
 * What a version-pin finding says: the unpinned packages, or, when a version variable is declared only
 * in another stage (or before FROM without being redeclared), that the variable is empty here.
 */
export function unpinnedReport(
  model: DockerfileAnalysis,
  pc: PackageCommand,
  unpinned: readonly ShellWord[],
): { messageId: 'default' | 'scope'; data: Record<string, string> } {
  const packages = listNames(unpinned.map((w) => w.value ?? w.text));
  const names = unpinned.flatMap((w) => outOfScopeNames(model, pc.inst, w));
  if (names.length > 0)
    return { messageId: 'scope', data: { packages, names: listVariables(names), tool: pc.tool } };
  return { messageId: 'default', data: { packages, tool: pc.tool } };
}

/** The `scope` message shared by the pin rules. */
export const SCOPE_MESSAGE =
  '{names} is not set in this stage (ARG/ENV of another stage or before FROM do not carry over), so {packages} is not pinned';
