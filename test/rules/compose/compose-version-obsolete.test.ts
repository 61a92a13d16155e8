import { describe, expect, it } from 'vitest';
import { hits, run } from './helpers.js';

const rule = 'compose-version-obsolete';

describe(rule, () => {
  it('reports the version key with a fix that removes its line', async () => {
    const text = '# app\nversion: "3.8"  # old\nservices:\n  web:\n    image: x/web:1\n';
    expect(await hits(rule, text)).toEqual([
      '2:1-15 style `version` is obsolete and ignored by Compose; remove it',
    ]);
    const [finding] = await run(rule, text);
    expect(finding?.fixable).toBe('safe');
    const edit = finding!.fix!.edits[0]!;
    expect(text.slice(0, edit.start) + edit.text + text.slice(edit.end)).toBe(
      '# app\nservices:\n  web:\n    image: x/web:1\n',
    );
  });

  it('offers no fix when the key shares its line', async () => {
    const text = '{version: "3", services: {web: {image: "x/web:1"}}}\n';
    const [finding] = await run(rule, text);
    expect(finding?.line).toBe(1);
    expect(finding?.column).toBe(2);
    expect(finding?.fix).toBeUndefined();
  });

  it('stays quiet without version', async () => {
    expect(await hits(rule, 'services:\n  web:\n    image: x/web:1\n')).toEqual([]);
  });
});
