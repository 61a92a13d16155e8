import type { ShellCommand, ShellWord } from '../../../dockerfile/shell-ast.js';

export interface Option {
  /** Name without dashes: `y`, `yes`, `no-install-recommends`. */
  name: string;
  /** Value given with `=`, glued (`-oFoo`), or as the next word for options that take one. */
  value: string | null;
  long: boolean;
  /** The word holding the option (a cluster like `-qy` yields several options on one word). */
  word: ShellWord;
}

export interface ParsedArgs {
  options: Option[];
  positionals: ShellWord[];
}

export interface ArgSpec {
  /** Short options that take a value, e.g. `o` for `apt-get -o Dpkg::Options=…`. */
  shortValue?: string;
  /** Long options that take the next word as value when written without `=`. */
  longValue?: readonly string[];
  /** Options end at the first positional (git, docker style subcommands). */
  stopAtPositional?: boolean;
}

/** Reads a command's arguments into options and positionals (clusters, `--x=y`, `--` handled). */
export function parseArgs(words: readonly ShellWord[], spec: ArgSpec = {}): ParsedArgs {
  const options: Option[] = [];
  const positionals: ShellWord[] = [];
  let optionsDone = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const t = word.value ?? word.text;
    if (optionsDone || t.length < 2 || t[0] !== '-' || (word.value === null && t.startsWith('$'))) {
      positionals.push(word);
      if (spec.stopAtPositional) optionsDone = true;
      continue;
    }
    if (t === '--') {
      optionsDone = true;
      continue;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const name = eq === -1 ? t.slice(2) : t.slice(2, eq);
      let value: string | null = eq === -1 ? null : t.slice(eq + 1);
      if (value === null && spec.longValue?.includes(name) && i + 1 < words.length) {
        const next = words[++i]!;
        value = next.value ?? next.text;
      }
      options.push({ name, value, long: true, word });
      continue;
    }
    // A cluster of short options: -qy, -oDpkg::…, -j4; `-q=2` gives q the value 2.
    for (let k = 1; k < t.length; k++) {
      const name = t[k]!;
      if (t[k + 1] === '=') {
        options.push({ name, value: t.slice(k + 2), long: false, word });
        break;
      }
      if (spec.shortValue?.includes(name)) {
        let value: string | null = t.slice(k + 1);
        if (value === '' && i + 1 < words.length) {
          const next = words[++i]!;
          value = next.value ?? next.text;
        } else if (value === '') value = null;
        options.push({ name, value, long: false, word });
        break;
      }
      options.push({ name, value: null, long: false, word });
    }
  }
  return { options, positionals };
}

/** Whether any of the named options is present (`y`, `yes`, `assume-yes` …). */
export function hasOption(parsed: ParsedArgs, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}

export function optionValue(parsed: ParsedArgs, ...names: string[]): string | null {
  for (let i = parsed.options.length - 1; i >= 0; i--) {
    const o = parsed.options[i]!;
    if (names.includes(o.name)) return o.value;
  }
  return null;
}

/** The command's subcommand (first positional), e.g. `install` for `apt-get -y install curl`. */
export function subcommandOf(
  cmd: ShellCommand,
  spec: ArgSpec = {},
): { word: ShellWord; value: string } | null {
  const parsed = parseArgs(cmd.args, { ...spec, stopAtPositional: true });
  const first = parsed.positionals[0];
  if (!first || first.value === null) return null;
  return { word: first, value: first.value };
}

/** A word's literal value, or its text with expansions when it is dynamic. */
export function textOf(word: ShellWord): string {
  return word.value ?? word.text;
}
