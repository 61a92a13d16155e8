import type { InstructionRef } from './model.js';
import type { HistoryEntry } from './oci.js';

/** A history entry of the image config, read: which instruction made it and with what arguments. */
export interface HistoryStep {
  /** 0-based index in config.history. */
  index: number;
  /** Layer index the entry produced, or null for entries without a layer (ENV, CMD, ...). */
  layer: number | null;
  /** The instruction keyword (RUN, COPY, ADD, ENV, ...), or null when the text does not say. */
  keyword: string | null;
  /** The instruction's arguments as recorded (for RUN: the shell command, build arguments removed). */
  args: string;
  /** Build arguments recorded before a RUN command (`|2 A=1 B=2 /bin/sh -c ...`). */
  buildArgs: Array<{ name: string; value: string }>;
  createdBy: string;
  created: string | null;
  comment: string | null;
  emptyLayer: boolean;
  /** The Dockerfile instruction that made the entry, once mapped (see dockerfile-map.ts). */
  instruction: InstructionRef | null;
}

const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** Reads `|N a=b c=d ` build arguments at the start of a RUN record; returns them and the rest. */
export function splitBuildArgs(text: string): {
  buildArgs: Array<{ name: string; value: string }>;
  rest: string;
} {
  const m = /^\|(\d+)\s+/.exec(text);
  if (!m) return { buildArgs: [], rest: text };
  const count = Number(m[1]);
  let rest = text.slice(m[0].length);
  const buildArgs: Array<{ name: string; value: string }> = [];
  for (let i = 0; i < count; i++) {
    const eq = /^([A-Za-z_][A-Za-z0-9_.-]*)=/.exec(rest);
    if (!eq) break;
    rest = rest.slice(eq[0].length);
    // Values are recorded unquoted and end at the next space that starts the next NAME= or the command.
    let end = rest.length;
    const remaining = count - i - 1;
    const next =
      remaining > 0 ? /\s(?=[A-Za-z_][A-Za-z0-9_.-]*=)/.exec(rest) : /\s(?=\/|[A-Za-z]+ -c |\[)/.exec(rest);
    if (next) end = next.index;
    buildArgs.push({ name: eq[1]!, value: rest.slice(0, end) });
    rest = rest.slice(end).trimStart();
  }
  return { buildArgs, rest };
}

/** Strips the shell prefix (`/bin/sh -c `) builders put before RUN commands. */
function stripShell(text: string): string {
  const m = /^(?:\/bin\/(?:ba)?sh|sh|bash|cmd \/S \/C|powershell(?:\.exe)?)\s+-c\s+/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Parses a `created_by` as written by BuildKit, the legacy builder, buildah or kaniko. */
export function parseCreatedBy(createdBy: string): Pick<HistoryStep, 'keyword' | 'args' | 'buildArgs'> {
  let text = createdBy.trim();
  const buildkit = text.endsWith(' # buildkit');
  if (buildkit) text = text.slice(0, -' # buildkit'.length).trimEnd();
  // BuildKit: "RUN |1 A=b /bin/sh -c cmd", "COPY src dst", "ENV K=v".
  const first = /^([A-Z]+)(?:\s+|$)/.exec(text);
  if (first && KEYWORDS.has(first[1]!)) {
    const keyword = first[1]!;
    const rest = text.slice(first[0].length);
    if (keyword === 'RUN') {
      const { buildArgs, rest: command } = splitBuildArgs(rest);
      return { keyword, args: stripShell(command), buildArgs };
    }
    return { keyword, args: rest, buildArgs: [] };
  }
  // Legacy builder and buildah: "/bin/sh -c #(nop) ENV K=v", "|1 A=b /bin/sh -c cmd", "/bin/sh -c cmd".
  const { buildArgs, rest } = splitBuildArgs(text);
  const command = stripShell(rest);
  const nop = /^#\(nop\)\s*([A-Z]+)\s*(.*)$/s.exec(command);
  if (nop && KEYWORDS.has(nop[1]!)) return { keyword: nop[1]!, args: nop[2]!.trim(), buildArgs };
  if (command !== rest || buildArgs.length > 0) return { keyword: 'RUN', args: command, buildArgs };
  return { keyword: null, args: text, buildArgs };
}

/**
 * Pairs history entries with layers: entries not marked `empty_layer` produce the layers, in order
 * (as docker and dive pair them). When the history lists fewer such entries than there are layers,
 * the remaining layers have no step.
 */
export function readHistory(history: readonly HistoryEntry[], layerCount: number): HistoryStep[] {
  let layer = 0;
  return history.map((h, index) => {
    const emptyLayer = h.empty_layer === true;
    const createdBy = h.created_by ?? '';
    const parsed = parseCreatedBy(createdBy);
    const step: HistoryStep = {
      index,
      layer: !emptyLayer && layer < layerCount ? layer : null,
      ...parsed,
      createdBy,
      created: h.created ?? null,
      comment: h.comment ?? null,
      emptyLayer,
      instruction: null,
    };
    if (!emptyLayer) layer++;
    return step;
  });
}

/** The step that produced each layer (null when the history does not cover it). */
export function stepsByLayer(steps: readonly HistoryStep[], layerCount: number): Array<HistoryStep | null> {
  const out: Array<HistoryStep | null> = Array.from({ length: layerCount }, () => null);
  for (const s of steps) if (s.layer !== null) out[s.layer] = s;
  return out;
}
