/**
 * BuildKit's `# check=` parser directive: `skip=<names>|all`, `error=<bool>` and
 * `experimental=<names>|all`, separated by `;`. Read as BuildKit reads it: keys are case-sensitive,
 * at most three parts, and anything it would reject (an unknown key, a part without `=`, a value
 * `error` cannot read as a boolean) is an error that makes the build fail.
 */
export interface CheckOptions {
  /** `skip=all`: no check runs (experimental ones still run when named). */
  skipAll: boolean;
  skip: string[];
  /** `error=true`: any check that fires fails the build. */
  error: boolean;
  /** `experimental=all`: every experimental check runs. */
  experimentalAll: boolean;
  experimental: string[];
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = Object.freeze({
  skipAll: false,
  skip: [],
  error: false,
  experimentalAll: false,
  experimental: [],
}) as CheckOptions;

export type CheckDirective = { ok: true; options: CheckOptions } | { ok: false; message: string };

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export function parseCheckDirective(value: string): CheckDirective {
  const text = value.trim();
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, skip: [], experimental: [] };
  if (text === '') return { ok: true, options };
  for (const part of splitN(text, ';', 3)) {
    const eq = part.indexOf('=');
    if (eq === -1) return { ok: false, message: `invalid check option "${part}"` };
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    switch (key) {
      case 'skip':
        if (v === 'all') options.skipAll = true;
        else options.skip = v.split(',').map((s) => s.trim());
        break;
      case 'experimental':
        if (v === 'all') options.experimentalAll = true;
        else options.experimental = v.split(',').map((s) => s.trim());
        break;
      case 'error':
        if (TRUE.has(v)) options.error = true;
        else if (FALSE.has(v)) options.error = false;
        else return { ok: false, message: `check option error=${v} is not a boolean` };
        break;
      default:
        return { ok: false, message: `invalid check option "${key}" (expected skip, error or experimental)` };
    }
  }
  return { ok: true, options };
}

/** Go's strings.SplitN: at most `n` parts, the last one keeps the remaining separators. */
function splitN(text: string, sep: string, n: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i === -1) break;
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  parts.push(rest);
  return parts;
}
