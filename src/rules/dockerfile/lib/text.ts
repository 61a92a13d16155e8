/** Names for a message: `a`, `a and b`, `a, b and c`, `a, b, c and 4 more`, each in backticks. */
export function listNames(names: readonly string[], max = 3): string {
  const unique = [...new Set(names)].map((n) => `\`${n}\``);
  if (unique.length <= 1) return unique[0] ?? '';
  if (unique.length <= max) return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

/** Placeholder for variable names in messages: `${a}`, `${a}` and `${b}`. */
export function listVariables(names: readonly string[]): string {
  return listNames(names.map((n) => `\${${n}}`));
}
