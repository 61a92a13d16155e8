import { checkKeyValue, scanText } from './secrets.js';

/**
 * A history command safe to print: values of secret build arguments and secrets found in the text are
 * replaced by their redacted form.
 */
export function redactCommand(
  text: string,
  buildArgs: ReadonlyArray<{ name: string; value: string }> = [],
): string {
  let out = text;
  for (const arg of buildArgs) {
    const match = checkKeyValue(arg.name, arg.value)[0];
    if (match && arg.value.length > 0)
      out = out.split(`${arg.name}=${arg.value}`).join(`${arg.name}=${match.redacted}`);
  }
  const matches = scanText(out);
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i]!;
    out = out.slice(0, m.start) + m.redacted + out.slice(m.end);
  }
  return out;
}
