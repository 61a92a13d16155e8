/** Types of the POSIX shell reader (`shell.ts`). Offsets are into the script text given to the reader. */

export interface ShellWord {
  /** Text as written. */
  raw: string;
  /** Quotes and escapes removed; null when the word depends on an expansion ($VAR, $(…), `…`). */
  value: string | null;
  /** Quotes and escapes removed, expansions kept as written (`--prefix=$HOME/x`). */
  text: string;
  start: number;
  end: number;
  /** Some part was quoted. */
  quoted: boolean;
  /** Command substitutions inside the word, each read as a script of its own. */
  substitutions: ShellScript[];
}

export interface ShellAssignment {
  name: string;
  /** null for `NAME=` (empty). */
  value: ShellWord | null;
  raw: string;
  start: number;
  end: number;
}

export interface ShellHeredoc {
  delimiter: string;
  stripTabs: boolean;
  /** Quoted delimiter: the body is not expanded. */
  quoted: boolean;
  /** Body when it follows in the same script; null when it comes from elsewhere (a Dockerfile heredoc). */
  body: string | null;
  bodyStart: number;
  bodyEnd: number;
}

export interface ShellRedirect {
  op: string;
  fd: number | null;
  target: ShellWord | null;
  heredoc: ShellHeredoc | null;
  start: number;
  end: number;
}

export interface SimpleCommandNode {
  type: 'simple';
  assignments: ShellAssignment[];
  words: ShellWord[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
}

export interface PipelineNode {
  type: 'pipeline';
  negated: boolean;
  items: ShellNode[];
  start: number;
  end: number;
}

export interface AndOrNode {
  type: 'and-or';
  items: ShellNode[];
  ops: Array<'&&' | '||'>;
  start: number;
  end: number;
}

export type Separator = ';' | '&' | '\n';

export interface ListNode {
  type: 'list';
  items: ShellNode[];
  /** Separator after each item (null after the last when none was written). */
  separators: Array<Separator | null>;
  start: number;
  end: number;
}

export interface GroupNode {
  type: 'subshell' | 'group';
  body: ListNode;
  redirects: ShellRedirect[];
  start: number;
  end: number;
}

export interface IfNode {
  type: 'if';
  clauses: Array<{ condition: ListNode; body: ListNode }>;
  elseBody: ListNode | null;
  redirects: ShellRedirect[];
  start: number;
  end: number;
}

export interface LoopNode {
  type: 'loop';
  keyword: 'for' | 'while' | 'until' | 'select';
  /** `for NAME in …` */
  variable: string | null;
  items: ShellWord[];
  condition: ListNode | null;
  body: ListNode;
  redirects: ShellRedirect[];
  start: number;
  end: number;
}

export interface CaseNode {
  type: 'case';
  subject: ShellWord | null;
  arms: Array<{ patterns: ShellWord[]; body: ListNode }>;
  redirects: ShellRedirect[];
  start: number;
  end: number;
}

export interface FunctionNode {
  type: 'function';
  name: string;
  body: ShellNode;
  start: number;
  end: number;
}

export type ShellNode =
  | SimpleCommandNode
  | PipelineNode
  | AndOrNode
  | ListNode
  | GroupNode
  | IfNode
  | LoopNode
  | CaseNode
  | FunctionNode;

export interface ShellSyntaxError {
  message: string;
  offset: number;
}

export interface ShellScript {
  text: string;
  root: ListNode;
  errors: ShellSyntaxError[];
}

export type Operator = '&&' | '||' | '|' | ';' | '&' | '\n';

/** A simple command with its place in the script: what rules mostly look at. */
export interface ShellCommand {
  /** The command name as written (quotes removed); null when it is an expansion or missing. */
  name: string | null;
  /** Last path segment of the name (`/usr/bin/apt-get` → `apt-get`). */
  program: string | null;
  /** All words, the name first. */
  words: ShellWord[];
  /** Words after the name. */
  args: ShellWord[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  start: number;
  end: number;
  /** Id of the innermost `&&`/`||` chain holding the command (unique within a RUN). */
  chain: number;
  /** Position of the command's pipeline in that chain. */
  chainIndex: number;
  /** Operator joining this command to the one before it, or null at the start of a list. */
  opBefore: Operator | null;
  /** Operator joining it to the next command, or null at the end. */
  opAfter: Operator | null;
  /** Pipeline id, position and length (length 1 when not piped). */
  pipeline: { id: number; index: number; length: number };
  /** Inside an `if`/`while`/`until` condition, or the left side of `||`. */
  inCondition: boolean;
  inSubshell: boolean;
  inLoop: boolean;
  inFunction: boolean;
  /** Inside a command substitution `$(…)` or backticks. */
  inSubstitution: boolean;
  /** Run in the background (`&`). */
  background: boolean;
  /** For a command run through a wrapper (sudo, env, xargs, sh -c, …): the wrapper command. */
  via: ShellCommand | null;
  /** Nesting depth in compound commands (0 at top level). */
  depth: number;
}
