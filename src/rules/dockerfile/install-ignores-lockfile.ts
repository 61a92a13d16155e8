import type { TextEdit } from '../../core/finding.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { instructionsBefore } from './lib/cleanup.js';
import { contextSources, isWholeContext, sourceMatchesName } from './lib/copies.js';
import { commandSpan, hasOpt, type PackageCommand, packageCommands } from './lib/packages.js';

const LOCKFILES: Record<string, string[]> = {
  npm: ['package-lock.json', 'npm-shrinkwrap.json'],
  yarn: ['yarn.lock'],
  pnpm: ['pnpm-lock.yaml'],
};

export default dockerfileRule({
  id: 'install-ignores-lockfile',
  code: 'DA2205',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  fixable: 'suggested',
  docs: {
    summary:
      '`npm install`, `yarn install` or `pnpm install` that may rewrite the lockfile the Dockerfile copied in.',
    rationale:
      'A lockfile records the exact dependency tree that was tested. `npm install` resolves package.json again and may install other versions (and rewrite package-lock.json); `npm ci` installs exactly the lockfile and fails when it is out of date. Likewise `yarn install --frozen-lockfile` (`--immutable` on Yarn 2+) and `pnpm install --frozen-lockfile`. Reported when a COPY brought the lockfile in (by name or by a pattern such as `package*.json`; with `lint --context`, also a `COPY . .` of a context that holds one). The fix switches to `npm ci` or adds `--frozen-lockfile`; it is a suggestion because the build then fails until an outdated lockfile is regenerated.',
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci',
  },
  messages: {
    npm: 'use `npm ci` instead of `npm {subcommand}`: the copied {lockfile} (line {line}) is otherwise re-resolved',
    frozen:
      'add --frozen-lockfile to `{command}`: the copied {lockfile} (line {line}) is otherwise re-resolved',
  },
  check({ model, report }) {
    for (const pc of packageCommands(model)) {
      const names = LOCKFILES[pc.family];
      if (!names || !isProjectInstall(pc)) continue;
      const copied = lockfileCopy(model, pc.inst, names);
      if (!copied) continue;
      const line = model.file.lines.position(copied.inst.span.start).line;
      if (pc.family === 'npm') {
        const sub = pc.subcommandWords[0]!;
        report({
          span: commandSpan(pc),
          messageId: 'npm',
          data: { subcommand: sub.value!, lockfile: copied.name, line },
          fix: pc.expanded.has(sub) ? undefined : [{ start: sub.start, end: sub.end, text: 'ci' }],
        });
        continue;
      }
      const after = pc.subcommandWords[0] ?? pc.toolWord;
      const fix: TextEdit[] | undefined = pc.expanded.has(after)
        ? undefined
        : [{ start: after.end, end: after.end, text: ' --frozen-lockfile' }];
      const command = [pc.tool, ...pc.subcommandWords.map((w) => w.value)].join(' ');
      report({
        span: commandSpan(pc),
        messageId: 'frozen',
        data: { command, lockfile: copied.name, line },
        fix,
      });
    }
  },
});

/** `npm install`, `yarn [install]`, `pnpm install` of the project itself, with the lockfile in use. */
function isProjectInstall(pc: PackageCommand): boolean {
  if (pc.hasUnknownArgs || pc.operands.length > 0) return false;
  switch (pc.family) {
    case 'npm':
      return (
        pc.subcommand === 'install' &&
        pc.subcommandWords[0]?.value !== 'add' &&
        !hasOpt(pc, 'g', 'global', 'no-package-lock', 'package-lock')
      );
    case 'yarn':
      return pc.subcommand === 'install' && !hasOpt(pc, 'frozen-lockfile', 'immutable', 'no-lockfile');
    case 'pnpm':
      return (
        pc.subcommand === 'install' && !hasOpt(pc, 'frozen-lockfile', 'no-frozen-lockfile', 'lockfile-only')
      );
    default:
      return false;
  }
}

/** The COPY/ADD (here or in a stage built on) that brought a lockfile in, and the lockfile's name. */
function lockfileCopy(
  model: DockerfileAnalysis,
  inst: Instruction,
  names: readonly string[],
): { inst: Instruction; name: string } | null {
  const context = model.context;
  for (const i of instructionsBefore(model, inst).reverse()) {
    for (const source of contextSources(model, i)) {
      for (const name of names) {
        if (sourceMatchesName(source.path, name)) return { inst: i, name };
        if (context && isWholeContext(source.path) && context.matches(name).length > 0)
          return { inst: i, name };
      }
    }
  }
  return null;
}
