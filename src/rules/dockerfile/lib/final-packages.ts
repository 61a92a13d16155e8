import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';
import type { ShellWord } from '../../../dockerfile/shell-ast.js';
import { osPackageName } from './package-versions.js';
import { optValue, type PackageCommand, packageCommands } from './packages.js';

/** System packages the final image ships: installed in the final stage's lineage and not removed later. */

export interface InstalledPackage {
  pc: PackageCommand;
  word: ShellWord;
  name: string;
}

const SYSTEM = new Set(['apt', 'apk', 'rpm', 'zypper']);
const cache = new WeakMap<DockerfileAnalysis, InstalledPackage[]>();

export function finalImagePackages(model: DockerfileAnalysis): readonly InstalledPackage[] {
  let list = cache.get(model);
  if (list) return list;
  list = [];
  const final = model.finalStage;
  if (final) {
    const order = new Map<Instruction, number>();
    for (const s of model.lineageOf(final).reverse())
      for (const i of s.instructions) order.set(i, order.size);
    const commands = packageCommands(model)
      .filter((pc) => SYSTEM.has(pc.family) && !pc.inst.onbuild && order.has(pc.inst))
      .sort((a, b) => order.get(a.inst)! - order.get(b.inst)! || a.cmd.start - b.cmd.start);
    const groups = new Map<string, InstalledPackage[]>();
    for (const pc of commands) {
      if (pc.action === 'install') {
        const group = pc.family === 'apk' ? optValue(pc, 't', 'virtual') : null;
        for (const word of pc.operands) {
          const name = word.value === null ? null : osPackageName(pc.family, word.value);
          if (!name) continue;
          const entry = { pc, word, name };
          list.push(entry);
          if (group) groups.set(group, [...(groups.get(group) ?? []), entry]);
        }
      } else if (pc.action === 'remove') {
        const removed = new Set<InstalledPackage>();
        for (const word of pc.operands) {
          if (word.value === null) continue;
          for (const e of groups.get(word.value) ?? []) removed.add(e);
          const name = osPackageName(pc.family, word.value);
          for (const e of list) if (e.name === name) removed.add(e);
        }
        list = list.filter((e) => !removed.has(e));
      }
    }
  }
  cache.set(model, list);
  return list;
}
