import type { ReportDescriptor } from '../../../core/rule.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { RunInstruction } from '../../../dockerfile/model.js';
import { appendAfter, clearsDir, removes, uncleaned } from './cleanup.js';
import { rpmPinned } from './package-versions.js';
import { commandSpan, hasOpt, type PackageCommand, packageCommandsOf } from './packages.js';
import { unpinnedReport } from './pins.js';

/** Shared by the yum and dnf rules: prompts, cache cleanup and version pins of rpm package managers. */

export const YUM_TOOLS = new Set(['yum']);
export const DNF_TOOLS = new Set(['dnf', 'dnf5', 'microdnf', 'tdnf']);
export const RPM_CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];

/** Subcommands that ask "Is this ok [y/N]" unless -y is given. */
export function prompts(pc: PackageCommand): boolean {
  return (
    pc.action === 'install' ||
    pc.action === 'upgrade' ||
    pc.action === 'dist-upgrade' ||
    pc.action === 'remove'
  );
}

/** Subcommands that download packages into the cache. */
export function fillsCache(pc: PackageCommand): boolean {
  return pc.action === 'install' || pc.action === 'upgrade' || pc.action === 'dist-upgrade';
}

/** microdnf keeps its own cache; yum and dnf (yum is dnf on current releases) clean each other's. */
function cleansCacheOf(cleaner: string, installer: string): boolean {
  return (cleaner === 'microdnf') === (installer === 'microdnf');
}

/** `<tool> clean all` (of a tool sharing the installer's cache) or an `rm` of an rpm cache folder after `offset`. */
export function rpmCleanedAfter(
  model: DockerfileAnalysis,
  inst: RunInstruction,
  offset: number,
  installer: string,
): boolean {
  for (const pc of packageCommandsOf(model, 'rpm'))
    if (
      pc.inst === inst &&
      pc.cmd.start > offset &&
      pc.subcommand === 'clean' &&
      pc.operands.some((o) => o.value === 'all') &&
      cleansCacheOf(pc.tool, installer)
    )
      return true;
  return removes(model, inst, (p) => RPM_CACHES.some((d) => clearsDir(p, d)), offset) !== null;
}

/** RUNs of the given tools that leave the rpm cache in the layer: the last cache-filling command of each. */
export function uncleanedRpm(model: DockerfileAnalysis, tools: ReadonlySet<string>): PackageCommand[] {
  const mine = packageCommandsOf(model, 'rpm').filter((pc) => tools.has(pc.tool));
  return uncleaned(
    model,
    mine,
    fillsCache,
    (pc) => rpmCleanedAfter(model, pc.inst, pc.cmd.start, pc.tool),
    RPM_CACHES,
  );
}

/** Appends `<tool> clean all` after the RUN's last rpm command. */
export function rpmCleanFix(model: DockerfileAnalysis, pc: PackageCommand) {
  let last: PackageCommand | null = null;
  for (const other of packageCommandsOf(model, 'rpm'))
    if (other.inst === pc.inst && (!last || other.cmd.start > last.cmd.start)) last = other;
  const edit = last ? appendAfter(pc.inst, last.cmd, `${pc.tool} clean all`) : null;
  return edit ? [edit] : undefined;
}

/**
 * Reports `install` (and `module install`) commands of `tools` with packages that carry no version
 * (`name-version`, a `.rpm` file) or modules without a stream (`name:stream`); groups (`@x`) are skipped.
 * The check of DL3033 (yum) and DL3041 (dnf), which differ only in the tools they look at.
 */
export function reportUnpinnedRpm(
  model: DockerfileAnalysis,
  tools: ReadonlySet<string>,
  report: (d: ReportDescriptor) => void,
): void {
  for (const pc of packageCommandsOf(model, 'rpm')) {
    if (!tools.has(pc.tool)) continue;
    const isModule = pc.subcommand === 'module install';
    if (pc.subcommand !== 'install' && !isModule) continue;
    const unpinned = pc.operands.filter(
      (w) =>
        w.value !== null &&
        !w.value.startsWith('@') &&
        !(isModule ? w.value.includes(':') : rpmPinned(w.value)),
    );
    if (unpinned.length === 0) continue;
    const r = unpinnedReport(model, pc, unpinned);
    report({
      span: commandSpan(pc),
      messageId: isModule && r.messageId === 'default' ? 'module' : r.messageId,
      data: r.data,
    });
  }
}

/**
 * Reports prompting subcommands of `tools` run without `-y`/`--assumeyes`, with a fix adding `-y` after
 * the subcommand (not when it came from a variable). The check of DL3030 (yum) and DL3038 (dnf).
 */
export function reportMissingYes(
  model: DockerfileAnalysis,
  tools: ReadonlySet<string>,
  report: (d: ReportDescriptor) => void,
): void {
  for (const pc of packageCommandsOf(model, 'rpm')) {
    if (!tools.has(pc.tool) || !prompts(pc) || pc.hasUnknownArgs) continue;
    if (hasOpt(pc, 'y', 'assumeyes')) continue;
    const last = pc.subcommandWords[pc.subcommandWords.length - 1]!;
    report({
      span: commandSpan(pc),
      data: { tool: pc.tool, subcommand: pc.subcommandWords.map((w) => w.value).join(' ') },
      fix: pc.expanded.has(last) ? undefined : [{ start: last.end, end: last.end, text: ' -y' }],
    });
  }
}
