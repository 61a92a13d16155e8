import type { Span } from '../core/positions.js';
import type {
  ArgDeclaration,
  CommandForm,
  Flag,
  Heredoc,
  Instruction,
  JsonArgs,
  KeyValue,
  ParseProblem,
  Word,
} from './model.js';
import type { OffsetMap } from './offset-map.js';
import {
  isBlank,
  isSpace,
  type RawWord,
  readJsonArray,
  splitWhitespace,
  splitWords,
  unquote,
} from './words.js';

export interface LogicalLine {
  /** Logical text, starting at the keyword. */
  text: string;
  map: OffsetMap;
  multiline: boolean;
  /** Source offset where the instruction's last physical line ends. */
  end: number;
}

/** Flags BuildKit accepts per instruction. */
const ALLOWED_FLAGS: Record<string, readonly string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

const KNOWN = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
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

/** Builds a typed instruction from one logical line. Returns null for an empty line. */
export function buildInstruction(
  line: LogicalLine,
  escape: '\\' | '`',
  problems: ParseProblem[],
  onbuild: Instruction | null = null,
): Instruction | null {
  const L = line.text;
  const map = line.map;
  let lend = L.length;
  while (lend > 0 && isSpace(L.charCodeAt(lend - 1))) lend--;
  let kwStart = 0;
  while (kwStart < lend && isSpace(L.charCodeAt(kwStart))) kwStart++;
  if (kwStart >= lend) return null;
  let kwEnd = kwStart;
  while (kwEnd < lend && !isBlank(L.charCodeAt(kwEnd))) kwEnd++;
  let argsStart = kwEnd;
  while (argsStart < lend && isBlank(L.charCodeAt(argsStart))) argsStart++;

  const keywordRaw = L.slice(kwStart, kwEnd);
  const upper = keywordRaw.toUpperCase();
  const keyword = KNOWN.has(upper) ? upper : 'UNKNOWN';
  const { flags: rawFlags, rest } = extractFlags(L, argsStart, lend);
  const argsText = L.slice(rest, lend);
  const argsMap = map.slice(rest);
  const flags: Flag[] = rawFlags.map((f) => ({
    name: f.name,
    value: f.value,
    span: map.span(f.start, f.end),
    nameSpan: map.span(f.start + 2, f.start + 2 + f.nameLength),
    valueSpan: f.valueStart === null ? null : map.span(f.valueStart, f.end),
  }));

  const span: Span = { start: map.start(kwStart), end: Math.max(map.start(kwStart), line.end) };
  const argsSpan: Span = rest < lend ? map.span(rest, lend) : { start: map.end(lend), end: map.end(lend) };
  // Every instruction gets the same fields in the same order (one hidden class for the VM); the
  // keyword-specific ones stay null where they do not apply.
  const inst = {
    keyword,
    keywordRaw,
    keywordSpan: map.span(kwStart, kwEnd),
    span,
    argsText,
    argsSpan,
    map: argsMap,
    flags,
    words: EMPTY_WORDS as Word[],
    heredocs: [] as Heredoc[],
    index: -1,
    stage: -1,
    onbuild,
    multiline: line.multiline,
    form: 'shell' as CommandForm,
    json: null as JsonArgs | null,
    image: null as Word | null,
    asWord: null as Word | null,
    alias: null as Word | null,
    platform: null as Flag | null,
    none: false,
    cmdWord: null as Word | null,
    commandStart: 0,
    sources: EMPTY_WORDS as Word[],
    destination: null as Word | null,
    pairs: EMPTY_PAIRS as KeyValue[],
    args: EMPTY_ARGS as ArgDeclaration[],
    items: EMPTY_WORDS as Word[],
    trigger: null as Instruction | null,
  };
  const ctx: Ctx = { argsText, argsMap, escape, problems, argsSpan, jsonRanges: [] };

  if (keyword !== 'UNKNOWN') {
    const allowed = ALLOWED_FLAGS[keyword] ?? NO_FLAGS;
    for (const f of flags) {
      if (!allowed.includes(f.name))
        problem(ctx, 'invalid-arguments', `unknown flag --${f.name} for ${keyword}`, f.span);
    }
  }

  switch (keyword) {
    case 'FROM': {
      const words = wordsOf(ctx, splitWhitespace(argsText));
      const isAs = words.length >= 2 && words[1]!.raw.toLowerCase() === 'as';
      if (words.length === 0)
        problem(ctx, 'invalid-arguments', 'FROM requires the name of a base image', inst.keywordSpan);
      else if (words.length !== 1 && !(words.length === 3 && isAs))
        problem(ctx, 'invalid-arguments', 'FROM takes one image and optionally `AS name`');
      inst.words = words;
      inst.image = words[0] ?? null;
      inst.asWord = isAs ? words[1]! : null;
      inst.alias = isAs ? (words[2] ?? null) : null;
      inst.platform = flags.find((f) => f.name === 'platform') ?? null;
      break;
    }
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      inst.json = maybeJson(ctx);
      inst.form = inst.json ? 'exec' : 'shell';
      if (keyword === 'SHELL' && !inst.json)
        problem(ctx, 'invalid-arguments', 'SHELL requires a JSON array, e.g. SHELL ["/bin/bash", "-c"]');
      if (keyword === 'RUN' && argsText.length === 0)
        problem(ctx, 'invalid-arguments', 'RUN requires a command', inst.keywordSpan);
      inst.words = inst.json ? jsonWords(ctx, inst.json) : wordsOf(ctx, splitWords(argsText, escape));
      break;
    }
    case 'HEALTHCHECK': {
      let sep = 0;
      while (sep < argsText.length && !isSpace(argsText.charCodeAt(sep))) sep++;
      let next = sep;
      while (next < argsText.length && isSpace(argsText.charCodeAt(next))) next++;
      const type = argsText.slice(0, sep).toUpperCase();
      inst.words = wordsOf(ctx, splitWords(argsText, escape));
      if (type === 'CMD') {
        inst.cmdWord = inst.words[0] ?? null;
        inst.commandStart = next;
        if (argsText.charCodeAt(next) === 91) {
          const r = readJsonArray(argsText, next);
          if (r.kind === 'strings') {
            inst.form = 'exec';
            inst.json = {
              values: r.result.values,
              spans: r.result.ranges.map(([s, e]) => argsMap.span(s, e)),
            };
          } else if (r.kind === 'not-strings')
            problem(ctx, 'invalid-json', 'a JSON array of arguments must hold only strings');
        }
        if (next >= argsText.length) problem(ctx, 'invalid-arguments', 'HEALTHCHECK CMD requires a command');
      } else if (type === 'NONE') {
        inst.none = true;
        inst.commandStart = argsText.length;
        if (flags.length > 0)
          problem(ctx, 'invalid-arguments', 'HEALTHCHECK NONE takes no flags', flags[0]!.span);
        if (next < argsText.length) problem(ctx, 'invalid-arguments', 'HEALTHCHECK NONE takes no arguments');
      } else {
        inst.commandStart = argsText.length;
        if (sep === 0)
          problem(ctx, 'invalid-arguments', 'HEALTHCHECK requires CMD or NONE', inst.keywordSpan);
        else
          problem(
            ctx,
            'invalid-arguments',
            `unknown HEALTHCHECK type ${argsText.slice(0, sep)} (expected CMD or NONE)`,
          );
      }
      break;
    }
    case 'COPY':
    case 'ADD': {
      inst.json = maybeJson(ctx);
      inst.form = inst.json ? 'exec' : 'shell';
      const words = inst.json ? jsonWords(ctx, inst.json) : wordsOf(ctx, splitWhitespace(argsText));
      if (words.length < 2)
        problem(ctx, 'invalid-arguments', `${keyword} requires at least one source and a destination`);
      inst.words = words;
      inst.sources = words.slice(0, -1);
      inst.destination = words.length >= 2 ? words[words.length - 1]! : null;
      break;
    }
    case 'ENV':
    case 'LABEL': {
      const raw = splitWords(argsText, escape);
      inst.pairs = parseKeyValues(ctx, raw, keyword);
      if (raw.length === 0)
        problem(
          ctx,
          'invalid-arguments',
          `${keyword} requires at least one key=value pair`,
          inst.keywordSpan,
        );
      inst.words = wordsOf(ctx, raw);
      break;
    }
    case 'ARG': {
      const raw = splitWords(argsText, escape);
      if (raw.length === 0) problem(ctx, 'invalid-arguments', 'ARG requires a name', inst.keywordSpan);
      inst.args = raw.map((w) => argDeclaration(ctx, w));
      inst.words = wordsOf(ctx, raw);
      break;
    }
    case 'EXPOSE':
    case 'VOLUME': {
      if (keyword === 'VOLUME') inst.json = maybeJson(ctx);
      inst.form = inst.json ? 'exec' : 'shell';
      inst.items = inst.json ? jsonWords(ctx, inst.json) : wordsOf(ctx, splitWhitespace(argsText));
      inst.words = inst.items;
      if (inst.items.length === 0)
        problem(ctx, 'invalid-arguments', `${keyword} requires at least one argument`, inst.keywordSpan);
      break;
    }
    case 'ONBUILD': {
      inst.words = wordsOf(ctx, splitWords(argsText, escape));
      if (argsText.length === 0) {
        problem(ctx, 'invalid-arguments', 'ONBUILD requires an instruction', inst.keywordSpan);
        break;
      }
      const trigger = buildInstruction(
        { text: argsText, map: argsMap, multiline: line.multiline, end: line.end },
        escape,
        problems,
        inst as unknown as Instruction,
      );
      // ONBUILD ONBUILD/FROM/MAINTAINER is reported by the rule `onbuild-invalid-trigger` (hadolint DL3043).
      if (trigger) inst.trigger = trigger;
      break;
    }
    case 'USER':
    case 'WORKDIR':
    case 'MAINTAINER':
    case 'STOPSIGNAL': {
      if (argsText.length === 0)
        problem(ctx, 'invalid-arguments', `${keyword} requires an argument`, inst.keywordSpan);
      inst.words = wordsOf(ctx, splitWords(argsText, escape));
      break;
    }
    default: {
      problem(ctx, 'unknown-instruction', `unknown instruction: ${keywordRaw}`, inst.keywordSpan);
      inst.words = wordsOf(ctx, splitWords(argsText, escape));
    }
  }
  return inst as unknown as Instruction;
}

const EMPTY_WORDS: Word[] = [];
const EMPTY_PAIRS: KeyValue[] = [];
const EMPTY_ARGS: ArgDeclaration[] = [];
const NO_FLAGS: readonly string[] = [];

interface Ctx {
  argsText: string;
  argsMap: OffsetMap;
  escape: '\\' | '`';
  problems: ParseProblem[];
  argsSpan: Span;
  jsonRanges: Array<[number, number]>;
}

function problem(ctx: Ctx, kind: ParseProblem['kind'], message: string, at: Span = ctx.argsSpan): void {
  ctx.problems.push({ kind, message, span: at });
}

function wordsOf(ctx: Ctx, raw: RawWord[]): Word[] {
  const out: Word[] = new Array(raw.length);
  for (let k = 0; k < raw.length; k++) {
    const w = raw[k]!;
    out[k] = { raw: w.raw, value: unquote(w.raw, ctx.escape), span: ctx.argsMap.span(w.start, w.end) };
  }
  return out;
}

function maybeJson(ctx: Ctx): JsonArgs | null {
  const { argsText, argsMap } = ctx;
  if (argsText.length === 0 || argsText.charCodeAt(0) !== 91) return null;
  const r = readJsonArray(argsText);
  if (r.kind === 'strings') {
    ctx.jsonRanges = r.result.ranges;
    return { values: r.result.values, spans: r.result.ranges.map(([s, e]) => argsMap.span(s, e)) };
  }
  if (r.kind === 'not-strings')
    problem(ctx, 'invalid-json', 'a JSON array of arguments must hold only strings');
  return null;
}

function jsonWords(ctx: Ctx, json: JsonArgs): Word[] {
  return json.values.map((value, k) => {
    const [s, e] = ctx.jsonRanges[k]!;
    return { raw: ctx.argsText.slice(s, e), value, span: json.spans[k]! };
  });
}

function argDeclaration(ctx: Ctx, w: RawWord): ArgDeclaration {
  const { argsMap, escape } = ctx;
  const eq = w.raw.indexOf('=');
  if (eq === -1) {
    const s = argsMap.span(w.start, w.end);
    return {
      name: unquote(w.raw, escape),
      value: null,
      rawValue: null,
      span: s,
      nameSpan: s,
      valueSpan: null,
    };
  }
  const rawValue = w.raw.slice(eq + 1);
  return {
    name: unquote(w.raw.slice(0, eq), escape),
    value: unquote(rawValue, escape),
    rawValue,
    span: argsMap.span(w.start, w.end),
    nameSpan: argsMap.span(w.start, w.start + eq),
    valueSpan: argsMap.span(w.start + eq + 1, w.end),
  };
}

function parseKeyValues(ctx: Ctx, words: RawWord[], keyword: string): KeyValue[] {
  const { argsText, argsMap: map, escape } = ctx;
  if (words.length === 0) return [];
  const first = words[0]!;
  if (first.raw.indexOf('=') === -1) {
    // Legacy `ENV key value`: the key is the first blank-separated word, the value everything after.
    let k = 0;
    while (k < argsText.length && !isBlank(argsText.charCodeAt(k))) k++;
    let v = k;
    while (v < argsText.length && isBlank(argsText.charCodeAt(v))) v++;
    if (v >= argsText.length) {
      problem(
        ctx,
        'invalid-arguments',
        `${keyword} ${argsText.slice(0, k)} needs a value (${keyword} key=value)`,
      );
      return [];
    }
    const rawValue = argsText.slice(v);
    return [
      {
        key: unquote(argsText.slice(0, k), escape),
        value: unquote(rawValue, escape),
        rawValue,
        span: map.span(0, argsText.length),
        keySpan: map.span(0, k),
        valueSpan: map.span(v, argsText.length),
        legacy: true,
      },
    ];
  }
  const pairs: KeyValue[] = [];
  for (const w of words) {
    const eq = w.raw.indexOf('=');
    if (eq === -1) {
      problem(
        ctx,
        'invalid-arguments',
        `${keyword}: "${w.raw}" is not of the form key=value`,
        map.span(w.start, w.end),
      );
      continue;
    }
    const rawValue = w.raw.slice(eq + 1);
    pairs.push({
      key: unquote(w.raw.slice(0, eq), escape),
      value: unquote(rawValue, escape),
      rawValue,
      span: map.span(w.start, w.end),
      keySpan: map.span(w.start, w.start + eq),
      valueSpan: map.span(w.start + eq + 1, w.end),
      legacy: false,
    });
  }
  return pairs;
}

interface RawFlag {
  name: string;
  value: string | null;
  start: number;
  end: number;
  nameLength: number;
  valueStart: number | null;
}

/** BuildKit's extractBuilderFlags: leading `--name[=value]` words; `--` alone ends them. */
function extractFlags(text: string, from: number, to: number): { flags: RawFlag[]; rest: number } {
  const flags: RawFlag[] = [];
  let i = from;
  for (;;) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) return { flags, rest: to };
    if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45 || i + 1 >= to) return { flags, rest: i };
    const start = i;
    let word = '';
    let quote = 0;
    let valueStart: number | null = null;
    let nameLength = -1;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (quote === 0 && isSpace(c)) break;
      if (quote === 0 && (c === 39 || c === 34)) {
        quote = c;
        i++;
        continue;
      }
      if (quote !== 0 && c === quote) {
        quote = 0;
        i++;
        continue;
      }
      if (c === 92 && i + 1 < to) {
        i++;
        word += text[i];
        i++;
        continue;
      }
      if (c === 61 /* = */ && nameLength === -1) {
        nameLength = i - start - 2;
        valueStart = i + 1;
      }
      word += text[i];
      i++;
    }
    if (word === '--') return { flags, rest: skipSpaces(text, i, to) };
    const body = word.slice(2);
    const eq = body.indexOf('=');
    flags.push({
      name: eq === -1 ? body : body.slice(0, eq),
      value: eq === -1 ? null : body.slice(eq + 1),
      start,
      end: i,
      nameLength: nameLength === -1 ? i - start - 2 : nameLength,
      valueStart,
    });
  }
}

function skipSpaces(text: string, i: number, to: number): number {
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}
