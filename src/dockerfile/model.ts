import type { LineIndex, Span } from '../core/positions.js';
import type { OffsetMap } from './offset-map.js';

/**
 * The Dockerfile model: what BuildKit's parser sees, with exact source spans.
 *
 * All spans are offsets into `Dockerfile.text` (the file's text without its byte-order mark).
 * Instruction arguments are also available as BuildKit's "logical line" (continuations joined,
 * comment lines inside continuations removed); `Instruction.map` converts logical offsets back to
 * source offsets.
 */
export interface Dockerfile {
  path: string;
  /** Source text without the BOM. */
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  lines: LineIndex;
  escape: '\\' | '`';
  directives: Directive[];
  /** All top-level instructions, in order (ONBUILD triggers hang off their ONBUILD instruction). */
  instructions: Instruction[];
  /** Comment lines (including those inside continuations), in order. */
  comments: Comment[];
  /** Instructions before the first FROM (global ARGs and anything misplaced). */
  preamble: Instruction[];
  stages: Stage[];
  /** Problems found while reading; each is also a finding of the `syntax-error` family of rules. */
  problems: ParseProblem[];
}

export interface Directive {
  name: string;
  value: string;
  span: Span;
  valueSpan: Span;
}

export interface Comment {
  /** Text after `#`, trimmed. */
  text: string;
  span: Span;
  /** True when the comment sits inside a continued instruction. */
  inContinuation: boolean;
}

export type ProblemKind =
  | 'unknown-instruction'
  | 'invalid-arguments'
  | 'invalid-directive'
  | 'unterminated-heredoc'
  | 'empty-continuation'
  | 'eof-in-continuation'
  | 'invalid-json';

export interface ParseProblem {
  kind: ProblemKind;
  message: string;
  span: Span;
}

/** A word of an instruction's arguments, as BuildKit's word splitter sees it. */
export interface Word {
  /** Text as written (quotes and escapes kept). */
  raw: string;
  /** Quotes and escapes removed, variables not substituted. */
  value: string;
  span: Span;
}

export interface Flag {
  name: string;
  /** `null` for a bare `--flag`. Quotes removed. */
  value: string | null;
  span: Span;
  nameSpan: Span;
  valueSpan: Span | null;
}

export interface JsonArgs {
  values: string[];
  /** Span of each string literal (including its quotes). */
  spans: Span[];
}

export interface Heredoc {
  /** Delimiter name without quotes. */
  name: string;
  /** `<<-`: leading tabs are removed from the body and the terminator. */
  stripTabs: boolean;
  /** False when the delimiter was quoted: the body is not expanded. */
  expand: boolean;
  fd: number | null;
  /** The `<<EOF` word in the instruction line. */
  markerSpan: Span;
  /** Body text exactly as in the file (each line with its line ending). */
  body: string;
  bodySpan: Span;
  /** The terminator line; empty at end of file when unterminated. */
  terminatorSpan: Span;
}

export type CommandForm = 'exec' | 'shell';

export interface KeyValue {
  key: string;
  /** Value with quotes and escapes removed (not substituted). */
  value: string;
  rawValue: string;
  /** Whole `key=value` (or `key value`) span. */
  span: Span;
  keySpan: Span;
  valueSpan: Span;
  /** `ENV key value` (legacy, no `=`). */
  legacy: boolean;
}

interface InstructionBase {
  keyword: string;
  /** The keyword as written (`run`, `Run`, `RUN`). */
  keywordRaw: string;
  keywordSpan: Span;
  /** From the keyword to the end of the instruction, heredoc bodies included. */
  span: Span;
  /** The instruction's logical line (keyword and flags excluded). */
  argsText: string;
  /** Source span of the arguments (after flags), heredoc bodies excluded. */
  argsSpan: Span;
  /** Logical → source offset map for `argsText`. */
  map: OffsetMap;
  flags: Flag[];
  /** BuildKit's whitespace/quote-aware word split of `argsText`. */
  words: Word[];
  heredocs: Heredoc[];
  /** Index in `Dockerfile.instructions` (ONBUILD triggers: that of their ONBUILD). */
  index: number;
  /** Stage index, -1 before the first FROM. */
  stage: number;
  /** The ONBUILD instruction this trigger belongs to. */
  onbuild: Instruction | null;
  /** First physical line is followed by continuation lines. */
  multiline: boolean;
}

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  image: Word | null;
  /** `AS` keyword word and the alias word. */
  asWord: Word | null;
  alias: Word | null;
  platform: Flag | null;
}

export interface ExecOrShell {
  form: CommandForm;
  /** JSON array when `form === 'exec'`. */
  json: JsonArgs | null;
}

export interface RunInstruction extends InstructionBase, ExecOrShell {
  keyword: 'RUN';
}
export interface CmdInstruction extends InstructionBase, ExecOrShell {
  keyword: 'CMD';
}
export interface EntrypointInstruction extends InstructionBase, ExecOrShell {
  keyword: 'ENTRYPOINT';
}
export interface ShellInstruction extends InstructionBase, ExecOrShell {
  keyword: 'SHELL';
}

export interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  /** `HEALTHCHECK NONE`. */
  none: boolean;
  /** The `CMD` word. */
  cmdWord: Word | null;
  form: CommandForm;
  json: JsonArgs | null;
  /** Logical offset in argsText where the command starts. */
  commandStart: number;
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  form: CommandForm;
  json: JsonArgs | null;
  /** Sources and destination as words (for JSON form, the JSON strings). */
  sources: Word[];
  destination: Word | null;
}

export interface KeyValueInstruction extends InstructionBase {
  keyword: 'ENV' | 'LABEL';
  pairs: KeyValue[];
}

export interface ArgDeclaration {
  name: string;
  /** `null` when declared without a default. */
  value: string | null;
  rawValue: string | null;
  span: Span;
  nameSpan: Span;
  valueSpan: Span | null;
}

export interface ArgInstruction extends InstructionBase {
  keyword: 'ARG';
  args: ArgDeclaration[];
}

export interface OnbuildInstruction extends InstructionBase {
  keyword: 'ONBUILD';
  trigger: Instruction | null;
}

export interface ListInstruction extends InstructionBase {
  keyword: 'EXPOSE' | 'VOLUME';
  form: CommandForm;
  json: JsonArgs | null;
  items: Word[];
}

/** Instructions whose argument is one string: USER, WORKDIR, MAINTAINER, STOPSIGNAL; also unknown ones. */
export interface PlainInstruction extends InstructionBase {
  keyword: 'USER' | 'WORKDIR' | 'MAINTAINER' | 'STOPSIGNAL' | 'UNKNOWN';
}

export type Instruction =
  | FromInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | HealthcheckInstruction
  | CopyInstruction
  | KeyValueInstruction
  | ArgInstruction
  | OnbuildInstruction
  | ListInstruction
  | PlainInstruction;

export type Keyword = Instruction['keyword'];

export const KEYWORDS = [
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
] as const;

export interface Stage {
  index: number;
  from: FromInstruction;
  /** Alias (`AS name`) lower-cased, as BuildKit compares them. */
  name: string | null;
  /** Instructions of the stage, FROM first. */
  instructions: Instruction[];
  span: Span;
}
