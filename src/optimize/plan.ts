/**
 * The optimizer's entry point: reads a Dockerfile, detects its stack, synthesizes the optimized
 * Dockerfile, applies the rules' safe fixes to the result, lints it, proposes a .dockerignore and
 * estimates the size gain.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Config, defaultConfig } from '../config/settings.js';
import { proposeDockerignore, readTextOrNull } from '../context/propose.js';
import type { Finding } from '../core/finding.js';
import { type ContextFacts, DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { lintDockerfile } from '../engine/lint-dockerfile.js';
import { blockingProblems, fixDockerfileText } from '../fix/dockerfile.js';
import type { Lang, MessageCatalog } from '../i18n/catalog.js';
import type { DockerfileRule } from '../rules/define.js';
import { dockerfileRules } from '../rules/dockerfile/index.js';
import { detectStack } from './detect.js';
import { estimateSizes } from './gains.js';
import { synthesizeGeneric } from './generic.js';
import { synthesizeGo } from './go.js';
import { synthesizeJava } from './java.js';
import { synthesizeNode } from './node.js';
import { type SynthInput, synthesizePython } from './python.js';
import { renderDockerfile } from './render.js';
import { readSteps } from './steps.js';
import type { Change, OptimizeResult, Synthesis } from './types.js';

export class OptimizeInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

export interface OptimizeOptions {
  /** Build context folder; default: the Dockerfile's folder when it exists on disk, else none. */
  context?: string | null;
  lang?: Lang;
  config?: Config;
  rules?: readonly DockerfileRule[];
  /**
   * Build-context facts to check the optimized Dockerfile with (rules that need the context), given the
   * proposed .dockerignore it comes with (null when none is proposed or one exists). Default: none.
   */
  contextFacts?: (proposedIgnore: string | null) => ContextFacts | null;
  /** Translations of the messages of the findings left. */
  catalog?: MessageCatalog;
}

function synthesize(
  input: SynthInput,
  text: string,
  options: { config: Config; rules: readonly DockerfileRule[] },
): Synthesis {
  switch (input.detection.stack) {
    case 'python':
      return synthesizePython(input);
    case 'node-static':
    case 'node-server':
      return synthesizeNode(input);
    case 'go':
      return synthesizeGo(input);
    case 'java':
      return synthesizeJava(input);
    default:
      return synthesizeGeneric(input, text, options);
  }
}

/** Optimizes one Dockerfile's text. Pure apart from reading the build context folder. */
export function optimizeDockerfile(
  text: string,
  path: string,
  options: OptimizeOptions = {},
): OptimizeResult {
  const lang = options.lang ?? 'en';
  const config = options.config ?? defaultConfig();
  const rules = options.rules ?? dockerfileRules;
  const file = parseDockerfile(text, path);
  const blocking = blockingProblems(file);
  if (blocking.length > 0) {
    const p = blocking[0]!;
    const at = file.lines.position(p.span.start);
    throw new OptimizeInputError(
      path,
      at.line,
      at.column,
      `${p.message} (fix the Dockerfile before optimizing it)`,
    );
  }
  if (file.stages.length === 0)
    throw new OptimizeInputError(path, 1, 1, 'no FROM instruction: this is not a Dockerfile');
  const contextDir =
    options.context === undefined
      ? existsSync(path)
        ? dirname(resolve(path))
        : null
      : options.context
        ? resolve(options.context)
        : null;
  const model = new DockerfileAnalysis(file);
  const steps = readSteps(model);
  const detection = detectStack({ model, steps, context: contextDir });
  // Windows images, PowerShell/cmd shells and the backtick escape are not rewritten into Linux stages.
  const final = model.finalStage;
  if (file.escape !== '\\' || final?.instructions.some((i) => model.shellOf(i).kind !== 'posix')) {
    detection.stack = 'generic';
    detection.evidence.push('non-POSIX shell');
  }
  const input: SynthInput = {
    model,
    steps,
    detection,
    path,
    exists: (p) => contextDir !== null && existsSync(join(contextDir, p)),
    read: (p) => (contextDir === null ? null : readTextOrNull(join(contextDir, p))),
  };
  const synthesis = synthesize(input, text, { config, rules });
  const changes: Change[] = [...synthesis.changes];
  let output: string;
  if (synthesis.fixedText !== undefined) output = synthesis.fixedText;
  else {
    output = renderStages(synthesis, steps, lang);
    changes.push({
      key: 'change.syntaxDirective',
      rule: null,
      practice: 'Docker docs: Dockerfile frontend syntax',
      gain: { rebuild: true },
    });
  }
  // Findings of `output` as the fixes left them (linted with the configuration and rules alone).
  let fixedFindings: Finding[] | null = null;
  if (synthesis.fixedText === undefined) {
    // The rules' safe fixes polish what the synthesizer wrote (and the user's steps it kept).
    const fixed = fixDockerfileText(output, path, { config, rules, unsafe: false });
    fixedFindings = fixed.remaining;
    if (fixed.changed && !fixed.blocked) {
      output = fixed.output;
      const fixedRules = [...fixed.fixedByRule.keys()];
      if (fixedRules.length > 0)
        changes.push({
          key: 'change.ruleFixes',
          data: { rules: fixedRules.join(', ') },
          rule: fixedRules.join(', '),
          practice: 'dockaudit fix',
          gain: {},
        });
    }
  }
  const outFile = parseDockerfile(output, path);
  const { dockerignore, exists } = proposeIgnore(contextDir, path, outFile);
  const lintContext = options.contextFacts?.(dockerignore !== null && !exists ? dockerignore : null) ?? null;
  const remaining =
    fixedFindings !== null && lintContext === null && !options.catalog
      ? fixedFindings
      : lintDockerfile(outFile, {
          config,
          rules,
          context: lintContext,
          ...(options.catalog ? { catalog: options.catalog } : {}),
        });
  const estimate = estimateSizes(model, detection, synthesis);
  if (estimate.savingBytes !== null) {
    const multi = changes.find((c) => c.key === 'change.multiStage');
    if (multi) multi.gain.sizeBytes = estimate.savingBytes;
  }
  if (dockerignore && !exists)
    changes.push({
      key: 'change.dockerignore',
      rule: 'copy-context-without-dockerignore',
      practice: 'seed 000 §4; seed 001; seed 003 §2.4',
      gain: { security: true, rebuild: true },
    });
  return {
    file: path,
    detection,
    stages: synthesis.stages,
    dockerfile: output,
    changes,
    dispositions: synthesis.dispositions.sort((a, b) => a.line - b.line),
    extraFiles: synthesis.extraFiles,
    dockerignore,
    dockerignoreExists: exists,
    estimate,
    remaining,
    lang,
  };
}

function renderStages(synthesis: Synthesis, steps: ReturnType<typeof readSteps>, lang: Lang): string {
  const preamble = steps.filter((s) => s.global).map((s) => s.text);
  return renderDockerfile(synthesis.stages, { lang, preamble });
}

function proposeIgnore(
  contextDir: string | null,
  path: string,
  file: Dockerfile,
): { dockerignore: string | null; exists: boolean } {
  if (!contextDir) return { dockerignore: null, exists: false };
  const output = file.text;
  const sources = file.instructions.flatMap((i) =>
    (i.keyword === 'COPY' || i.keyword === 'ADD') && !i.flags.some((f) => f.name === 'from')
      ? i.sources.map((w) => w.value)
      : [],
  );
  const proposal = proposeDockerignore({ dir: contextDir, dockerfiles: [{ path, text: output, sources }] });
  return { dockerignore: proposal.text, exists: existsSync(join(contextDir, '.dockerignore')) };
}
