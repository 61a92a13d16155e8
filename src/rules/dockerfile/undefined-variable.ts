import type { Instruction, Stage } from '../../dockerfile/model.js';
import { MapScope } from '../../dockerfile/variables.js';
import { dockerfileRule } from '../define.js';
import { spanInWord } from './lib/buildkit-text.js';
import { type ExpandedText, expandedTexts } from './lib/expanded-texts.js';
import { closestName } from './lib/suggest.js';
import { variableRefs } from './lib/variable-refs.js';

/**
 * Names that are never undefined: BuildKit sets PATH in every stage (a default when the image has none)
 * and reads the SBOM switches itself.
 */
const ALWAYS_SET = new Set(['PATH', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** A text to check, with the names its own instruction declares before and after it. */
interface Unit {
  text: ExpandedText;
  before: ReadonlySet<string>;
  /** Name → source offset of a declaration in the same instruction that comes too late for this text. */
  after: ReadonlyMap<string, number>;
}

const NONE: ReadonlySet<string> = new Set();
const NO_DECLARATIONS: ReadonlyMap<string, number> = new Map();

export default dockerfileRule({
  id: 'undefined-variable',
  code: 'DA4350',
  aliases: ['UndefinedVar'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary:
      'A variable used in COPY, ADD, ENV, LABEL, ARG, EXPOSE, USER, WORKDIR, VOLUME or STOPSIGNAL (or their flags) that nothing declares.',
    rationale:
      'BuildKit substitutes `$NAME` in these instructions itself; an undeclared name silently becomes an empty string, so `COPY app-$VERSION.jar` copies the wrong file and `ENV PATH=$PAHT:/app` wipes PATH. Names from the base image cannot be known without pulling it, so in a stage built on an image only a name declared later in the same stage is reported (it is used before its ARG or ENV); in a stage built on scratch every undeclared name is, with the closest declared name as a suggestion. A global ARG (declared before the first FROM) must be declared again inside a stage to be visible there; using it without that is reported in every stage (the base image could only set the same name by coincidence). RUN, CMD and ENTRYPOINT bodies are expanded by the shell and not checked.',
    bad: 'FROM scratch\nARG VERSION=1.0\nCOPY app-$VERSOIN.tar.gz /app/',
    good: 'FROM scratch\nARG VERSION=1.0\nCOPY app-$VERSION.tar.gz /app/',
  },
  messages: {
    default: '${name} is not defined: BuildKit substitutes an empty string',
    suggest: '${name} is not defined (did you mean ${suggestion}?)',
    later: '${name} is used before this stage declares it (line {line}): declare it first',
    sameEnv:
      '${name} is set by this same ENV, which BuildKit expands before setting anything: set it in an earlier ENV',
    global: '${name} is a global ARG, which a stage does not see: add `ARG {name}` to this stage',
  },
  check({ model, report }) {
    const { file } = model;
    const globals = new Set<string>();
    for (const inst of file.preamble)
      if (inst.keyword === 'ARG') for (const a of inst.args) globals.add(a.name);

    for (const stage of model.stages) {
      const declared = declarationsOf(stage, file.escape);
      // BuildKit passes a stage's build arguments on to stages built FROM it.
      const inherited = new Set<string>();
      for (const parent of model.lineageOf(stage).slice(1))
        for (const inst of parent.instructions)
          if (inst.keyword === 'ARG') for (const a of inst.args) inherited.add(a.name);

      for (const inst of stage.instructions) {
        if (inst.keyword === 'FROM' || !mayReference(inst, file.text)) continue;
        const scope = model.scopeOf(inst);
        const reported = new Set<string>();
        for (const { text, before, after } of unitsOf(inst, file.text)) {
          for (const ref of variableRefs(text.raw, file.escape)) {
            const { name } = ref;
            if (reported.has(name) || before.has(name)) continue;
            if (scope.has(name) || inherited.has(name) || ALWAYS_SET.has(name)) continue;
            const span = text.at(ref.start, ref.end);
            const sameEnv = inst.keyword === 'ENV' && after.has(name);
            const later = after.get(name) ?? laterDeclaration(declared, name, inst);
            // `ENV X=…:$X` later in the stage shows X is meant to come from before (the image).
            if (later !== null && (!scope.open || !declared.get(name)?.some((d) => d.extends))) {
              reported.add(name);
              if (sameEnv) report({ span, messageId: 'sameEnv', data: { name } });
              else
                report({ span, messageId: 'later', data: { name, line: file.lines.position(later).line } });
              continue;
            }
            // The base image may set it: only its config knows. A global ARG is the exception: the
            // classic mistake of using one in a stage without declaring it there again.
            if (scope.open && !globals.has(name)) continue;
            reported.add(name);
            if (globals.has(name)) {
              report({ span, messageId: 'global', data: { name } });
              continue;
            }
            const names = scope instanceof MapScope ? [...scope.vars.keys(), ...before] : [...before];
            const suggestion = closestName(name, names);
            if (suggestion) report({ span, messageId: 'suggest', data: { name, suggestion } });
            else report({ span, data: { name } });
          }
        }
      }
    }
  },
});

/**
 * Whether an instruction's source can hold a variable reference: every one starts with `$`, written as is
 * or, in a JSON array, as `\u0024`. Most instructions have neither, and skip the work below.
 */
function mayReference(inst: Instruction, source: string): boolean {
  for (let i = inst.span.start; i < inst.span.end; i++) {
    const c = source.charCodeAt(i);
    if (c === 36 || (c === 92 && source.charCodeAt(i + 1) === 117)) return true;
  }
  return false;
}

/** The texts of an instruction with what the instruction itself declares around each. */
function unitsOf(inst: Instruction, source: string): Unit[] {
  if (inst.keyword === 'ARG') {
    // Each default sees the ARGs before it; those after it are declared too late.
    const units: Unit[] = [];
    inst.args.forEach((a, i) => {
      if (a.rawValue === null || !a.valueSpan) return;
      const before = new Set(inst.args.slice(0, i).map((b) => b.name));
      const after = new Map<string, number>();
      for (const b of inst.args.slice(i + 1)) if (!before.has(b.name)) after.set(b.name, b.nameSpan.start);
      const word = { raw: a.rawValue, value: a.value ?? '', span: a.valueSpan };
      units.push({
        text: { raw: a.rawValue, at: (from, to) => spanInWord(inst, word, from, to) },
        before,
        after,
      });
    });
    return units;
  }
  if (inst.keyword === 'ENV') {
    // BuildKit expands an ENV before any of its pairs take effect: a key set by another pair of the same
    // ENV is declared too late, while `PATH=/x:$PATH` means the value from before, as intended.
    const all = new Map(inst.pairs.map((p) => [p.key, p.keySpan.start] as const));
    const units: Unit[] = [];
    const texts = expandedTexts(inst, source);
    inst.pairs.forEach((p, i) => {
      const after = new Map(all);
      if (all.get(p.key) === p.keySpan.start) after.delete(p.key);
      for (const text of texts.slice(2 * i, 2 * i + 2)) units.push({ text, before: NONE, after });
    });
    return units;
  }
  return expandedTexts(inst, source).map((text) => ({ text, before: NONE, after: NO_DECLARATIONS }));
}

interface Declaration {
  index: number;
  /** Source offset of the declared name. */
  at: number;
  /** The value refers to the name itself (`PATH=/x:$PATH`, `ARG X=${X}`). */
  extends: boolean;
}

/** Name → where the stage declares it (ARG names, ENV keys). */
function declarationsOf(stage: Stage, escape: string): Map<string, Declaration[]> {
  const out = new Map<string, Declaration[]>();
  const add = (name: string, index: number, at: number, value: string | null) => {
    let list = out.get(name);
    if (!list) out.set(name, (list = []));
    const extendsItself =
      value?.includes('$') === true && variableRefs(value, escape).some((r) => r.name === name);
    list.push({ index, at, extends: extendsItself });
  };
  for (const inst of stage.instructions) {
    if (inst.keyword === 'ARG')
      for (const a of inst.args) add(a.name, inst.index, a.nameSpan.start, a.rawValue);
    else if (inst.keyword === 'ENV')
      for (const p of inst.pairs) add(p.key, inst.index, p.keySpan.start, p.rawValue);
  }
  return out;
}

function laterDeclaration(
  declared: Map<string, Declaration[]>,
  name: string,
  inst: Instruction,
): number | null {
  for (const d of declared.get(name) ?? []) if (d.index > inst.index) return d.at;
  return null;
}
