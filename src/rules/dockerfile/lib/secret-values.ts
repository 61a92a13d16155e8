import type { Span } from '../../../core/positions.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';
import { checkKeyValue, type SecretMatch, scanText } from '../../../secrets/index.js';
import { commandLineSecrets, withArticle } from './secret-commands.js';
import { isSecretName } from './secret-names.js';
import { mayHoldToken, worthChecking } from './secret-prefilter.js';

/**
 * Hard-coded secret values in a Dockerfile: ARG defaults, ENV and LABEL values, heredoc bodies, and
 * secrets on command lines (see `secret-commands.ts`). Computed once per file; rules report them and
 * the engine masks their spans in every output that shows source text.
 */

export type SecretPlace = 'arg' | 'env' | 'label' | 'heredoc' | 'command';

export interface SecretValue {
  place: SecretPlace;
  instruction: Instruction;
  /** Variable, label or option the value belongs to, when there is one. */
  name: string | null;
  /** Source span holding the secret (what is masked in outputs). */
  span: Span;
  match: Pick<SecretMatch, 'kind' | 'description' | 'confidence' | 'redacted'>;
  /** For command-line secrets: what carries it (`--password`, `-p`, `curl -u`, a URL, …). */
  carrier?: string;
}

const cache = new WeakMap<DockerfileAnalysis, SecretValue[]>();

/** Every hard-coded secret of a Dockerfile, in source order. */
export function secretValues(model: DockerfileAnalysis): SecretValue[] {
  let found = cache.get(model);
  if (found) return found;
  found = [];
  for (const top of model.file.instructions) {
    const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
    collectAssignments(inst, found);
    collectHeredocs(inst, found);
  }
  // A RUN heredoc script is read both as text and as commands: keep one finding per secret.
  const commands = commandLineSecrets(model);
  found = found.filter((v) => !commands.some((c) => c.span.start < v.span.end && v.span.start < c.span.end));
  for (const s of commands) found.push(s);
  found.sort((a, b) => a.span.start - b.span.start);
  cache.set(model, found);
  return found;
}

/**
 * Spans of every secret value, for masking outputs: the values reported above, and also any literal
 * value of a secret-named ARG/ENV (`SECRET_KEY="e#0y…(x)"` reads as code to the detector, but its
 * name says what it is). Pure references (`$TOKEN`, `${TOKEN:-}`) are left visible.
 */
export function secretSpans(model: DockerfileAnalysis): Span[] {
  const spans = secretValues(model).map((s) => s.span);
  for (const top of model.file.instructions) {
    const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
    if (inst.keyword === 'ARG') {
      for (const a of inst.args)
        if (a.valueSpan && a.value && !isReference(a.value) && isSecretName(a.name)) spans.push(a.valueSpan);
    } else if (inst.keyword === 'ENV') {
      for (const p of inst.pairs)
        if (p.value && !isReference(p.value) && isSecretName(p.key)) spans.push(p.valueSpan);
    }
  }
  return spans;
}

/** `$TOKEN`, `${TOKEN}`, `${TOKEN:-}`: a value that only names another variable. */
function isReference(value: string): boolean {
  return /^\s*\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*(?:[:]?[-+=?][^}]*)?\})\s*$/.test(value);
}

function collectAssignments(inst: Instruction, out: SecretValue[]): void {
  if (inst.keyword === 'ARG') {
    for (const a of inst.args) {
      if (a.value === null || !a.valueSpan || !worthChecking(a.name, a.value)) continue;
      const m = strongest(checkKeyValue(a.name, a.value, { entropy: true }), a.value);
      if (m) out.push({ place: 'arg', instruction: inst, name: a.name, span: a.valueSpan, match: m });
    }
  } else if (inst.keyword === 'ENV' || inst.keyword === 'LABEL') {
    for (const p of inst.pairs) {
      if (!worthChecking(p.key, p.value)) continue;
      // Labels are metadata: only values in a known token format count there.
      const matches = checkKeyValue(p.key, p.value, { entropy: inst.keyword === 'ENV' });
      const m = strongest(
        inst.keyword === 'LABEL'
          ? matches.filter((x) => x.kind !== 'named-secret' && x.kind !== 'high-entropy')
          : matches,
        p.value,
      );
      if (m)
        out.push({
          place: inst.keyword === 'ENV' ? 'env' : 'label',
          instruction: inst,
          name: p.key,
          span: p.valueSpan,
          match: m,
        });
    }
  }
}

function collectHeredocs(inst: Instruction, out: SecretValue[]): void {
  if (inst.heredocs.length === 0) return;
  for (const h of inst.heredocs) {
    if (!mayHoldToken(h.body) && !HEREDOC_HINT.test(h.body)) continue;
    for (const m of scanText(h.body, { style: 'config' })) {
      if (m.confidence === 'low') continue;
      out.push({
        place: 'heredoc',
        instruction: inst,
        name: m.key ?? null,
        span: { start: h.bodySpan.start + m.start, end: h.bodySpan.start + m.end },
        match: {
          ...m,
          description: m.kind === 'named-secret' ? 'a hard-coded value' : withArticle(m.description),
        },
      });
    }
  }
}

const RANK = { high: 3, medium: 2, low: 1 } as const;
/** A heredoc without a key hint or a token keyword has nothing the text scan would report. */
const HEREDOC_HINT = /pass|pwd|secret|token|key|auth|cred|salt|sig|bearer|dsn/i;

/**
 * The most certain of several matches in one value, described for messages. A random-looking value
 * made of short words joined by separators (`PSDocker-arm64v7-AzureLinux-3`) is an identifier.
 */
export function strongest(matches: readonly SecretMatch[], value: string): SecretValue['match'] | null {
  let best: SecretMatch | null = null;
  for (const m of matches) {
    if (m.kind === 'high-entropy' && isIdentifier(value.slice(m.start, m.end))) continue;
    if (!best || RANK[m.confidence] > RANK[best.confidence]) best = m;
  }
  if (!best) return null;
  const description = best.kind === 'named-secret' ? 'a hard-coded value' : withArticle(best.description);
  return { kind: best.kind, confidence: best.confidence, redacted: best.redacted, description };
}

function isIdentifier(value: string): boolean {
  const parts = value.split(/[-_.]/);
  return parts.length >= 3 && parts.every((p) => p.length <= 12);
}
