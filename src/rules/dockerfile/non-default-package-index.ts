import type { Span } from '../../core/positions.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import {
  DEFAULT_NAME,
  hostOf,
  isDefaultHost,
  type SourceKind,
  sedReplacementHosts,
  sedScripts,
} from './lib/mirrors.js';
import { packageCommands } from './lib/packages.js';
import { resolvedValue } from './lib/shell-values.js';

/** ENV/ARG settings that replace a package index. */
const INDEX_VARIABLES: Record<string, SourceKind> = {
  PIP_INDEX_URL: 'pip',
  PIP_EXTRA_INDEX_URL: 'pip',
  UV_INDEX_URL: 'pip',
  UV_DEFAULT_INDEX: 'pip',
  UV_EXTRA_INDEX_URL: 'pip',
  NPM_CONFIG_REGISTRY: 'npm',
  npm_config_registry: 'npm',
  YARN_REGISTRY: 'npm',
  YARN_NPM_REGISTRY_SERVER: 'npm',
};

const INDEX_OPTIONS: Record<SourceKind, readonly string[]> = {
  pip: ['i', 'index-url', 'extra-index-url'],
  npm: ['registry'],
  // `apk -X` adds a repository next to the default ones (usually a vendor's): not a replaced index.
  apk: [],
  apt: [],
};

/** Cheap tests before any variable is resolved: most echo/printf commands write nothing of this. */
const CONFIG_HINT = /index-url|registry/;
const LIST_FILE = /^\/etc\/(?:apt\/sources\.list|apk\/repositories)$/;
const PIP_CONF = /(?:^|\s|\\n)(?:extra-)?index-url\s*=\s*(\S+)/;
const NPMRC = /(?:^|\s|\\n|")registry\s*=\s*(\S+)/;

export default dockerfileRule({
  id: 'non-default-package-index',
  code: 'DA2206',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary:
      "Packages installed from a mirror or index other than the ecosystem's default (pip, npm, apk, apt).",
    rationale:
      'A mirror (`pip -i https://pypi.tuna.tsinghua.edu.cn/simple`, `npm --registry …`, a sed-rewritten sources.list or /etc/apk/repositories, PIP_INDEX_URL, a pip.conf or .npmrc written in the build) ties every build to that host: it may lag behind, drop old versions, serve different files, or be unreachable from CI and other networks. That can be right inside one company network, but it should be a deliberate, visible choice, for example a build argument with the default index as its default. The finding names the host. Official Debian, Ubuntu and Alpine mirrors, and vendor repositories added next to the default ones, are not reported.',
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -i https://pypi.tuna.tsinghua.edu.cn/simple flask==3.0.3',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3',
  },
  messages: {
    default:
      'packages come from {host} ({via}) instead of {standard}: the build depends on that mirror being reachable and in sync',
  },
  check({ model, report }) {
    const hits: Array<{ span: Span; data: Record<string, string> }> = [];
    const found = (span: Span, kind: SourceKind, host: string | null, via: string) => {
      if (host && !isDefaultHost(kind, host))
        hits.push({
          span: { start: span.start, end: span.end },
          data: { host, via, standard: DEFAULT_NAME[kind] },
        });
    };
    for (const pc of packageCommands(model)) {
      const kind: SourceKind | null =
        pc.family === 'pip'
          ? 'pip'
          : pc.family === 'npm' || pc.family === 'yarn' || pc.family === 'pnpm'
            ? 'npm'
            : pc.family === 'apk'
              ? 'apk'
              : null;
      if (!kind) continue;
      for (const o of pc.options) {
        if (o.value === null || !INDEX_OPTIONS[kind].includes(o.name)) continue;
        // The span covers the option and its value (`-i https://…`).
        const next = pc.words[pc.words.indexOf(o.word) + 1];
        const end = next && !(o.word.value ?? '').includes(o.value) ? next.end : o.word.end;
        found(
          { start: o.word.start, end },
          kind,
          hostOf(o.value),
          `${pc.tool} ${o.long ? '--' : '-'}${o.name}`,
        );
      }
      // pip config set global.index-url URL, npm|yarn|pnpm config set registry URL, npm set registry=URL
      const setting =
        pc.subcommand === 'config' && pc.operands[0]?.value === 'set'
          ? pc.operands.slice(1)
          : pc.subcommand === 'set' && kind === 'npm'
            ? pc.operands
            : null;
      const keyWord = setting?.[0];
      if (setting && keyWord?.value) {
        const eq = keyWord.value.indexOf('=');
        const name = eq === -1 ? keyWord.value : keyWord.value.slice(0, eq);
        const valueWord = eq === -1 ? setting[1] : keyWord;
        const value = eq === -1 ? (valueWord?.value ?? null) : keyWord.value.slice(eq + 1);
        if (
          valueWord &&
          value !== null &&
          (/(?:^|\.)(?:extra-)?index-url$/.test(name) || name === 'registry')
        )
          found(valueWord, kind, hostOf(value), `${pc.tool} config`);
      }
    }
    variables(model, found);
    for (const { inst, cmd } of model.commandsNamed('echo', 'printf')) configFiles(model, inst, cmd, found);
    for (const { inst, cmd } of model.commandsNamed('sed')) sedMirrors(model, inst, cmd, found);
    hits.sort((a, b) => a.span.start - b.span.start);
    for (const h of hits) report(h);
  },
});

type Found = (span: Span, kind: SourceKind, host: string | null, via: string) => void;

function variables(model: DockerfileAnalysis, found: Found): void {
  for (const inst of model.file.instructions) {
    const i = inst.keyword === 'ONBUILD' && inst.trigger ? inst.trigger : inst;
    if (i.keyword === 'ENV') {
      for (const p of i.pairs) {
        const kind = INDEX_VARIABLES[p.key];
        if (kind && Object.hasOwn(INDEX_VARIABLES, p.key))
          found(p.valueSpan, kind, hostOf(model.expand(p.rawValue, i).value), p.key);
      }
    } else if (i.keyword === 'ARG') {
      for (const a of i.args) {
        const kind = Object.hasOwn(INDEX_VARIABLES, a.name) ? INDEX_VARIABLES[a.name] : undefined;
        if (kind && a.value !== null && a.valueSpan) found(a.valueSpan, kind, hostOf(a.value), a.name);
      }
    }
  }
}

/** `echo "[global]\nindex-url = …" > /etc/pip.conf`, `echo registry=… > ~/.npmrc`, overwriting apt/apk source lists. */
function configFiles(model: DockerfileAnalysis, inst: Instruction, cmd: ShellCommand, found: Found): void {
  if (
    !cmd.args.some((a) => CONFIG_HINT.test(a.text)) &&
    !cmd.redirects.some((r) => r.target && LIST_FILE.test(r.target.text))
  )
    return;
  const targets = cmd.redirects
    .filter((r) => (r.op === '>' || r.op === '>>') && r.target)
    .map((r) => ({ op: r.op, path: r.target!.value ?? r.target!.text }));
  for (const a of cmd.args) {
    const text = resolvedValue(model, inst, a) ?? a.text;
    const pip = PIP_CONF.exec(text);
    if (pip) found(a, 'pip', hostOf(pip[1]!), 'pip configuration');
    const npm = NPMRC.exec(text);
    if (npm && targets.some((t) => t.path.endsWith('npmrc'))) found(a, 'npm', hostOf(npm[1]!), '.npmrc');
    // Overwriting the distribution's source list (appending a vendor repository is not reported).
    for (const t of targets) {
      if (t.op !== '>') continue;
      if (t.path === '/etc/apt/sources.list' && /^\s*deb(?:-src)?\s/.test(text)) {
        const url = /\s([a-z]+:\/\/\S+)/i.exec(text);
        if (url) found(a, 'apt', hostOf(url[1]!), 'sources.list');
      } else if (t.path === '/etc/apk/repositories') found(a, 'apk', hostOf(text), '/etc/apk/repositories');
    }
  }
}

function sedMirrors(model: DockerfileAnalysis, inst: Instruction, cmd: ShellCommand, found: Found): void {
  const { scripts, files } = sedScripts(model, inst, cmd);
  const apt = files.some((f) => f.startsWith('/etc/apt/sources.list') || f.endsWith('.sources'));
  const apk = files.some((f) => f === '/etc/apk/repositories');
  if (!apt && !apk) return;
  for (const s of scripts)
    for (const host of sedReplacementHosts(s.text))
      found(
        s.word,
        apt ? 'apt' : 'apk',
        host,
        apt ? 'sources.list rewritten by sed' : '/etc/apk/repositories rewritten by sed',
      );
}
