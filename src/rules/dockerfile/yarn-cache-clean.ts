import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import { mountsOf } from '../../dockerfile/mounts.js';
import { dockerfileRule } from '../define.js';
import { appendAfter, removes, uncleaned } from './lib/cleanup.js';
import { commandSpan, type PackageCommand, packageCommandsOf } from './lib/packages.js';

/** Folders yarn keeps its cache in (v1: ~/.cache/yarn, /usr/local/share/.cache/yarn; berry: .yarn/cache). */
const YARN_CACHE = /(?:\.cache\/yarn|\.yarn[-/]cache|yarn-cache|\.yarn\/berry)/;

export default dockerfileRule({
  id: 'yarn-cache-clean',
  code: 'DA2060',
  aliases: ['DL3060'],
  severity: 'info',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`yarn install` (or `yarn add`) without `yarn cache clean` in the same RUN.',
    rationale:
      'yarn keeps a copy of every package it downloads in its cache folder, often as large as node_modules itself. Unless the same RUN ends with `yarn cache clean`, deletes the cache folder, or mounts a BuildKit cache on it, the copy ships in the layer. Stages only copied from (`COPY --from`) are not checked. The fix appends `yarn cache clean` after the last yarn command.',
    bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile',
    good: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean',
  },
  messages: {
    default:
      'add `yarn cache clean` after `yarn {subcommand}` in this RUN: the package cache stays in the layer',
  },
  check({ model, report }) {
    const all = packageCommandsOf(model, 'yarn');
    const fills = (pc: PackageCommand) => pc.action === 'install';
    const cleaned = (pc: PackageCommand) =>
      all.some((c) => c.inst === pc.inst && c.cmd.start > pc.cmd.start && c.subcommand === 'cache clean') ||
      removes(model, pc.inst, (p) => YARN_CACHE.test(p), pc.cmd.start) !== null ||
      yarnCacheMounted(model, pc);
    for (const pc of uncleaned(model, all, fills, cleaned, [])) {
      let last = pc;
      for (const c of all) if (c.inst === pc.inst && c.cmd.start > last.cmd.start) last = c;
      const edit = appendAfter(pc.inst, last.cmd, 'yarn cache clean');
      report({
        span: commandSpan(pc),
        data: { subcommand: pc.subcommand ?? 'install' },
        fix: edit ? [edit] : undefined,
      });
    }
  },
});

function yarnCacheMounted(model: DockerfileAnalysis, pc: PackageCommand): boolean {
  return mountsOf(pc.inst.flags).some(
    (m) =>
      (m.type === 'cache' || m.type === 'tmpfs') &&
      m.target !== null &&
      /yarn/i.test(model.expand(m.target, pc.inst).value),
  );
}
