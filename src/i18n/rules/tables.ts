import type { ValueTable } from './types.js';

/**
 * A table of descriptions as the Dockerfile secret rules word them, with an English article in front
 * ("a GitHub token", "an AWS access key id": `withArticle` in `src/rules/dockerfile/lib/secret-commands.ts`).
 * Chinese and Russian have no articles: each entry translates as the bare description does.
 */
export function withArticles(table: ValueTable): ValueTable {
  const out: Record<string, string> = {};
  for (const [english, text] of Object.entries(table))
    out[`${/^[aeiou]/i.test(english) ? 'an' : 'a'} ${english}`] = text;
  return out;
}

/**
 * Every selection (in order) of a few names a rule joins with ", " inside a frame, English to translated:
 * `[['.git', '.git'], ['.env files', '.env 文件']]` gives "(it would take .git, .env files)" and the rest.
 */
export function selections(
  names: ReadonlyArray<readonly [english: string, translated: string]>,
  english: (list: string) => string,
  translated: (list: string) => string,
  separator: string,
): ValueTable {
  const out: Record<string, string> = {};
  for (let mask = 1; mask < 1 << names.length; mask++) {
    const picked = names.filter((_, i) => (mask & (1 << i)) !== 0);
    out[english(picked.map(([e]) => e).join(', '))] = translated(picked.map(([, t]) => t).join(separator));
  }
  return out;
}
