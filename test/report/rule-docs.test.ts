import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  repositoryWebUrl,
  ruleDocsUrl,
  ruleDocsUrlFor,
  toolInformationUri,
} from '../../src/report/rule-docs.js';

describe('rule documentation URLs', () => {
  it('derive from package.json repository forms', () => {
    const web = 'https://github.com/acme/tool';
    expect(repositoryWebUrl({ repository: { url: 'git+https://github.com/acme/tool.git' } })).toBe(web);
    expect(repositoryWebUrl({ repository: 'github:acme/tool' })).toBe(web);
    expect(repositoryWebUrl({ repository: 'acme/tool' })).toBe(web);
    expect(repositoryWebUrl({ repository: { url: 'git@github.com:acme/tool.git' } })).toBe(web);
    expect(repositoryWebUrl({ repository: { url: 'ssh://git@gitlab.com/acme/tool.git' } })).toBe(
      'https://gitlab.com/acme/tool',
    );
    expect(repositoryWebUrl({ homepage: 'https://github.com/acme/tool#readme' })).toBe(web);
    expect(repositoryWebUrl({})).toBeUndefined();
    expect(ruleDocsUrlFor(web, 'apt-no-install-recommends')).toBe(
      'https://github.com/acme/tool/blob/main/docs/rules/apt-no-install-recommends.md',
    );
  });

  it("use dockaudit's own package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const repo = repositoryWebUrl(pkg)!;
    expect(ruleDocsUrl('unknown-instruction')).toBe(`${repo}/blob/main/docs/rules/unknown-instruction.md`);
    expect(toolInformationUri()).toBe(pkg.homepage);
  });
});
