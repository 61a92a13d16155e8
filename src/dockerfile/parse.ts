import { LineIndex } from '../core/positions.js';
import { parseCheckDirective } from './check-directive.js';
import { buildInstruction, type LogicalLine } from './instruction.js';
import type { Comment, Directive, Dockerfile, Heredoc, Instruction, ParseProblem, Stage } from './model.js';
import { OffsetMap } from './offset-map.js';
import { isSpace } from './words.js';

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['escape', 'syntax', 'check']);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/**
 * Reads a Dockerfile the way BuildKit's parser does (directives, continuations, comment and blank
 * lines inside continuations, heredocs), keeping exact offsets. Never throws: problems are recorded
 * in `problems` and reading goes on.
 */
export function parseDockerfile(source: string, path = 'Dockerfile'): Dockerfile {
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const crlf = text.indexOf('\r\n');
  const eol: '\n' | '\r\n' = crlf !== -1 && crlf === text.indexOf('\n') - 1 ? '\r\n' : '\n';

  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const instructions: Instruction[] = [];
  let escape: '\\' | '`' = '\\';
  let directivesDone = false;

  const lineCount = lines.lineCount;
  const lineStart = (i: number) => lines.lineStarts[i]!;
  const lineEnd = (i: number) => {
    // BuildKit trims every trailing \r and \n.
    let end = lines.lineContentEnd(i);
    while (end > lineStart(i) && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  const skipSpace = (from: number, to: number) => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    return from;
  };
  const escCode = () => escape.charCodeAt(0);

  /** End of the line's content once a trailing continuation is removed, and whether there was one. */
  const continuation = (start: number, end: number): [number, boolean] => {
    let q = end;
    while (q > start && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9)) q--;
    if (q > start && text.charCodeAt(q - 1) === escCode()) {
      // A doubled escape is an escaped escape, not a continuation (BuildKit's regex).
      if (q - 1 === start || text.charCodeAt(q - 2) !== escCode()) return [q - 1, true];
    }
    return [end, false];
  };

  const checkDirective = (start: number, end: number) => {
    if (directivesDone) return;
    const content = text.slice(start, end);
    const m = DIRECTIVE.exec(content);
    if (!m) {
      directivesDone = true;
      return;
    }
    const name = m[1]!.toLowerCase();
    if (!KNOWN_DIRECTIVES.has(name)) {
      directivesDone = true;
      return;
    }
    const valueStart = start + content.indexOf(m[2]!, content.indexOf('=') + 1);
    const span = { start, end };
    const valueSpan = { start: valueStart, end: valueStart + m[2]!.length };
    if (directives.some((d) => d.name === name)) {
      problems.push({
        kind: 'invalid-directive',
        message: `only one ${name} parser directive can be used`,
        span,
      });
      return;
    }
    directives.push({ name, value: m[2]!, span, valueSpan });
    if (name === 'escape') {
      if (m[2] === '\\' || m[2] === '`') escape = m[2];
      else
        problems.push({
          kind: 'invalid-directive',
          message: `invalid escape token '${m[2]}': it must be \` or \\`,
          span: valueSpan,
        });
    } else if (name === 'check') {
      const check = parseCheckDirective(m[2]!);
      if (!check.ok) problems.push({ kind: 'invalid-directive', message: check.message, span: valueSpan });
    }
  };

  let i = 0;
  while (i < lineCount) {
    const ls = lineStart(i);
    const le = lineEnd(i);
    const p = skipSpace(ls, le);
    checkDirective(p, le);
    if (p === le) {
      i++;
      continue;
    }
    if (text.charCodeAt(p) === 35 /* # */) {
      comments.push({
        text: text.slice(p + 1, le).trim(),
        span: { start: p, end: le },
        inContinuation: false,
      });
      i++;
      continue;
    }

    // An instruction starts here; gather its continuation lines into one logical line.
    const map = new OffsetMap();
    let logical = '';
    let [segEnd, more] = continuation(p, le);
    map.push(p, segEnd - p);
    logical += text.slice(p, segEnd);
    let lastContentEnd = le;
    const multiline = more;
    i++;
    const emptyContinuations: number[] = [];
    while (more && i < lineCount) {
      const cs = lineStart(i);
      const ce = lineEnd(i);
      const cp = skipSpace(cs, ce);
      if (cp < ce && text.charCodeAt(cp) === 35) {
        comments.push({
          text: text.slice(cp + 1, ce).trim(),
          span: { start: cp, end: ce },
          inContinuation: true,
        });
        i++;
        continue;
      }
      if (cp === ce) {
        emptyContinuations.push(cs);
        i++;
        continue;
      }
      [segEnd, more] = continuation(cs, ce);
      map.push(cs, segEnd - cs);
      logical += text.slice(cs, segEnd);
      lastContentEnd = ce;
      i++;
    }
    for (const at of emptyContinuations) {
      problems.push({
        kind: 'empty-continuation',
        message:
          'empty continuation line inside an instruction (deprecated; a future BuildKit will reject it)',
        span: { start: at, end: at },
      });
    }
    if (more) {
      problems.push({
        kind: 'eof-in-continuation',
        message: 'the file ends inside a continued instruction',
        span: { start: lastContentEnd, end: lastContentEnd },
      });
    }

    const line: LogicalLine = { text: logical, map, multiline, end: lastContentEnd };
    const built = buildInstruction(line, escape, problems);
    if (!built) continue;
    const inst = built;
    inst.index = instructions.length;
    instructions.push(inst);

    // Heredoc bodies follow the instruction line (RUN, COPY, ADD in shell form).
    const markers = heredocMarkers(inst);
    for (const marker of markers) {
      const bodyLine = i;
      const bodyStart = i < lineCount ? lineStart(i) : text.length;
      let terminated = false;
      let terminatorSpan = { start: text.length, end: text.length };
      while (i < lineCount) {
        const hs = lineStart(i);
        const he = lineEnd(i);
        let ts = hs;
        if (marker.stripTabs) while (ts < he && text.charCodeAt(ts) === 9) ts++;
        if (he - ts === marker.name.length && text.startsWith(marker.name, ts)) {
          terminated = true;
          terminatorSpan = { start: hs, end: he };
          break;
        }
        i++;
      }
      if (!terminated) {
        problems.push({
          kind: 'unterminated-heredoc',
          message: `heredoc <<${marker.name} is never terminated`,
          span: marker.markerSpan,
        });
        // Recover: treat the heredoc as empty and read the following lines as instructions.
        i = bodyLine;
        break;
      }
      const bodyEnd = terminatorSpan.start;
      const heredoc: Heredoc = {
        ...marker,
        body: text.slice(bodyStart, bodyEnd),
        bodySpan: { start: bodyStart, end: bodyEnd },
        terminatorSpan,
      };
      inst.heredocs.push(heredoc);
      inst.span = { start: inst.span.start, end: terminatorSpan.end };
      i++;
    }
  }

  const { preamble, stages } = assignStages(instructions);
  return {
    path,
    text,
    bom,
    eol,
    lines,
    escape,
    directives,
    instructions,
    comments,
    preamble,
    stages,
    problems,
  };
}

type HeredocMarker = Omit<Heredoc, 'body' | 'bodySpan' | 'terminatorSpan'>;

/** Heredoc markers of an instruction line, as BuildKit finds them (shell-like words of the whole line). */
function heredocMarkers(inst: Instruction): HeredocMarker[] {
  if (inst.keyword !== 'RUN' && inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return [];
  if (inst.form === 'exec') return [];
  const text = inst.argsText;
  if (text.indexOf('<<') === -1) return [];
  const out: HeredocMarker[] = [];
  for (const w of shellWordsRaw(text)) {
    if (w.raw.indexOf('<<') === -1) continue;
    const m = HEREDOC_WORD.exec(w.raw);
    if (!m || m[3] === '') continue;
    const rest = m[3]!;
    const name = unquoteShell(rest);
    if (name === '') continue;
    const quoted = /['"]/.test(rest);
    out.push({
      name,
      stripTabs: m[2] === '-',
      expand: !quoted,
      fd: m[1] ? Number(m[1]) : null,
      markerSpan: inst.map.span(w.start, w.end),
    });
  }
  return out;
}

/** BuildKit's shell lexer word split with raw quotes and escapes (escape is always `\` here). */
function shellWordsRaw(text: string): Array<{ raw: string; start: number; end: number }> {
  const out: Array<{ raw: string; start: number; end: number }> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let quote = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (quote === 0) {
        if (isSpace(c)) break;
        if (c === 39 || c === 34) quote = c;
        else if (c === 92) i++;
      } else if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      i++;
    }
    out.push({ raw: text.slice(start, Math.min(i, n)), start, end: Math.min(i, n) });
  }
  return out;
}

function unquoteShell(raw: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < raw.length) out += raw[++i];
      else out += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
}

function assignStages(instructions: Instruction[]): { preamble: Instruction[]; stages: Stage[] } {
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  let current: Stage | null = null;
  for (const inst of instructions) {
    if (inst.keyword === 'FROM') {
      current = {
        index: stages.length,
        from: inst,
        name: inst.alias ? inst.alias.value.toLowerCase() : null,
        instructions: [],
        span: { ...inst.span },
      };
      stages.push(current);
    }
    if (current) {
      inst.stage = current.index;
      current.instructions.push(inst);
      current.span.end = inst.span.end;
      if (inst.keyword === 'ONBUILD' && inst.trigger) inst.trigger.stage = current.index;
    } else {
      inst.stage = -1;
      preamble.push(inst);
    }
  }
  return { preamble, stages };
}
