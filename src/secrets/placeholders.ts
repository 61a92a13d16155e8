/**
 * Values that stand for a secret without being one: variable references, template markers, dummy
 * words and documented example keys. They are never reported.
 */

/** Example credentials published in vendors' documentation (never valid). */
const EXAMPLE_VALUES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'ASIAIOSFODNN7EXAMPLE',
]);

/** Whole values (lower-cased, separators removed) that are obviously not real secrets. */
const DUMMY_WORDS = new Set([
  'changeme',
  'changeit',
  'changethis',
  'pleasechangeme',
  'replaceme',
  'replace',
  'password',
  'passwd',
  'pass',
  'mypassword',
  'yourpassword',
  'secret',
  'mysecret',
  'yoursecret',
  'supersecret',
  'token',
  'mytoken',
  'yourtoken',
  'apikey',
  'yourapikey',
  'myapikey',
  'example',
  'sample',
  'dummy',
  'fake',
  'placeholder',
  'redacted',
  'hidden',
  'masked',
  'todo',
  'tbd',
  'fixme',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'default',
  'required',
  'optional',
  'test',
  'testing',
  'xxx',
  'foo',
  'bar',
  'foobar',
  'notset',
  'unset',
  'insecure',
  'secretkey',
  'secretvalue',
  'value',
  'string',
  'your',
  'unknown',
  'invalid',
  'disabled',
  'username',
  'user',
  'usernamepassword',
  'userpassword',
  'userpass',
  'login',
]);

/** Parts of a value that mark it as a stand-in (`your-api-key`, `<token>`, `EXAMPLE`). */
const PLACEHOLDER_PARTS =
  /^(?:your|my|insert|enter|put|add|replace|change|set|some|example|sample|dummy|fake|test|placeholder)[-_ ]|[-_ ](?:here|placeholder|example|goes[-_ ]here)$|example|dummy|placeholder|changeme|change[-_]me|replace[-_]?me|xxxxx|redacted|fixme|^(?:choose|not)(?=[A-Z_-])|^notsecret$|[a-z](?:Here|HERE)$|\bnot (?:a|an|the|another|real|my)\b/i;

/** References resolved elsewhere: `${VAR}`, `$VAR`, `{{ .Values.x }}`, `%(name)s`, `#{x}`, `<token>`. */
const REFERENCE =
  /^(?:\$\{[^}]*\}|\$\(\([^)]*\)\)|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%\{[^}]*\}|\{\{.*\}\}|\{\{?[A-Za-z_][\w.]*\}\}?|%\([^)]*\)[sd]|%[A-Z_]+%|#\{[^}]*\}|<[^<>]+>|\[[^[\]]+\]|@[A-Za-z_][A-Za-z0-9_]*@|__[A-Z0-9_]+__|\{\d*\}|%[A-Za-z_][\w.]*%.*)$/;

/** Values made of one repeated character (`xxxxxxxx`, `********`, `00000000`) or a short cycle. */
function isRepetitive(value: string): boolean {
  const distinct = new Set(value.replace(/[-_.:/ ]/g, '')).size;
  return distinct <= 2 || (value.length >= 12 && distinct <= 3);
}

/** Whether a value is a stand-in rather than a secret (see the file comment). */
export function isPlaceholder(raw: string): boolean {
  const value = raw.trim();
  if (value === '') return true;
  if (EXAMPLE_VALUES.has(value)) return true;
  if (REFERENCE.test(value)) return true;
  // Values built only from references and separators: `${USER}:${PASS}`, `$A$B`.
  if (/^(?:\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|[-_:@./])+$/.test(value) && value.includes('$')) return true;
  if (value.startsWith('${') || value.startsWith('{{') || value.startsWith('$(')) return true;
  const bare = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (DUMMY_WORDS.has(bare)) return true;
  if (PLACEHOLDER_PARTS.test(value)) return true;
  if (/EXAMPLE|X{6,}|x{6,}|\*{3,}|\.{3,}|…/.test(value)) return true;
  return isRepetitive(value);
}

/** A compiled allow-list: the user's values and patterns. */
export type AllowList = (value: string) => boolean;

export function compileAllowList(allow: readonly (string | RegExp)[] | undefined): AllowList {
  if (!allow || allow.length === 0) return () => false;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const a of allow) {
    if (typeof a === 'string') exact.add(a);
    else patterns.push(new RegExp(a.source, a.flags.replace(/[gy]/g, '')));
  }
  return (value) => exact.has(value) || patterns.some((p) => p.test(value));
}
