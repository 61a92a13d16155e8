import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { RunInstruction } from '../../../dockerfile/model.js';
import type { ShellCommand } from '../../../dockerfile/shell-ast.js';
import { hasOpt, optValue, type PackageCommand, packageCommands } from './packages.js';

/** Commands that install a project's dependencies from its manifest files (not the project itself). */

export type Ecosystem = 'node' | 'python' | 'go' | 'ruby' | 'java' | 'php' | 'rust' | 'dotnet';

export interface DependencyInstall {
  eco: Ecosystem;
  inst: RunInstruction;
  cmd: ShellCommand;
  /** The command as people name it: `npm ci`, `pip install -r requirements.txt`. */
  label: string;
  /** The files that decide what gets installed, for messages. */
  manifests: string;
}

const cache = new WeakMap<DockerfileAnalysis, DependencyInstall[]>();

export function dependencyInstalls(model: DockerfileAnalysis): readonly DependencyInstall[] {
  let list = cache.get(model);
  if (list) return list;
  list = [];
  for (const pc of packageCommands(model)) {
    const found = fromPackageCommand(pc);
    if (found) list.push({ ...found, inst: pc.inst, cmd: pc.cmd });
  }
  for (const { inst, cmd } of model.commandsNamed(...OTHER_TOOLS)) {
    const found = fromOtherTool(cmd);
    if (found) list.push({ ...found, inst, cmd });
  }
  list.sort((a, b) => a.cmd.start - b.cmd.start);
  cache.set(model, list);
  return list;
}

type Found = Omit<DependencyInstall, 'inst' | 'cmd'>;

function fromPackageCommand(pc: PackageCommand): Found | null {
  const sub = pc.subcommandWords.map((w) => w.value).join(' ');
  switch (pc.family) {
    case 'npm':
      if (pc.action !== 'install' || pc.operands.length > 0 || hasOpt(pc, 'g', 'global')) return null;
      return { eco: 'node', label: `npm ${sub}`, manifests: 'package.json and package-lock.json' };
    case 'yarn':
      if (pc.subcommand !== 'install' || pc.operands.length > 0) return null;
      return { eco: 'node', label: sub ? `yarn ${sub}` : 'yarn', manifests: 'package.json and yarn.lock' };
    case 'pnpm':
      if ((pc.subcommand !== 'install' && pc.subcommand !== 'install-clean') || pc.operands.length > 0)
        return null;
      return { eco: 'node', label: `pnpm ${sub}`, manifests: 'package.json and pnpm-lock.yaml' };
    case 'pip': {
      const file = optValue(pc, 'r', 'requirement');
      if (pc.subcommand !== 'install' || file === null) return null;
      const name = file.slice(file.lastIndexOf('/') + 1);
      return { eco: 'python', label: `pip install -r ${name}`, manifests: name };
    }
    case 'go':
      return pc.subcommand === 'mod download'
        ? { eco: 'go', label: 'go mod download', manifests: 'go.mod and go.sum' }
        : null;
    default:
      return null;
  }
}

const OTHER_TOOLS = ['bundle', 'mvn', 'mvnw', 'composer', 'cargo', 'dotnet', 'poetry', 'pipenv', 'uv', 'pdm'];
const MAVEN_RESOLVE =
  /^(?:dependency:(?:go-offline|resolve|resolve-plugins)|.*:go-offline-maven-plugin:resolve-dependencies)$/;

function fromOtherTool(cmd: ShellCommand): Found | null {
  const args = cmd.args.map((a) => a.value ?? '');
  const first = args.find((a) => !a.startsWith('-')) ?? null;
  switch (cmd.program) {
    case 'bundle':
      return first === null || first === 'install'
        ? { eco: 'ruby', label: 'bundle install', manifests: 'Gemfile and Gemfile.lock' }
        : null;
    case 'mvn':
    case 'mvnw':
      return args.some((a) => MAVEN_RESOLVE.test(a))
        ? {
            eco: 'java',
            label: `${cmd.program} ${args.find((a) => MAVEN_RESOLVE.test(a))}`,
            manifests: 'pom.xml',
          }
        : null;
    case 'composer':
      return first === 'install'
        ? { eco: 'php', label: 'composer install', manifests: 'composer.json and composer.lock' }
        : null;
    case 'cargo':
      return first === 'fetch'
        ? { eco: 'rust', label: 'cargo fetch', manifests: 'Cargo.toml and Cargo.lock' }
        : null;
    case 'dotnet':
      return first === 'restore'
        ? { eco: 'dotnet', label: 'dotnet restore', manifests: 'the project files' }
        : null;
    case 'poetry':
      return first === 'install'
        ? { eco: 'python', label: 'poetry install', manifests: 'pyproject.toml and poetry.lock' }
        : null;
    case 'pipenv':
      return first === 'sync' || (first === 'install' && args.filter((a) => !a.startsWith('-')).length === 1)
        ? { eco: 'python', label: `pipenv ${first}`, manifests: 'Pipfile and Pipfile.lock' }
        : null;
    case 'uv':
      return first === 'sync'
        ? { eco: 'python', label: 'uv sync', manifests: 'pyproject.toml and uv.lock' }
        : null;
    case 'pdm':
      return first === 'install' || first === 'sync'
        ? { eco: 'python', label: `pdm ${first}`, manifests: 'pyproject.toml and pdm.lock' }
        : null;
    default:
      return null;
  }
}
