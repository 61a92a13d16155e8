import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/positions.js';
import { computeFingerprints, FINGERPRINT_SCHEME } from '../../src/report/fingerprint.js';
import { render } from '../../src/report/index.js';
import { artifactLocation, SARIF_SCHEMA_URI } from '../../src/report/sarif.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';
import {
  API_FILE,
  applyEdits,
  BROKEN_FILE,
  fixtureInput,
  HOSTILE_FILE,
  HOSTILE_MESSAGE,
  HOSTILE_RULE,
  MULTILINE_RULE,
  SOURCES,
} from './fixture.js';

// biome-ignore lint/suspicious/noExplicitAny: a parsed SARIF log is checked against the schema, then read freely
type Any = any;

function sarifValidator() {
  const schema = JSON.parse(
    readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  );
  // The official schema is draft-04 (ajv 8 has no draft-04 meta-schema); its keywords mean the same in 07.
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
  const mod = formatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
  const addFormats = mod.default ?? mod;
  addFormats(ajv);
  return ajv.compile(schema);
}

async function renderFixture(): Promise<Any> {
  return JSON.parse(await render('sarif', fixtureInput(), { color: false, sources: SOURCES }));
}

describe('sarif reporter', () => {
  const validate = sarifValidator();

  it('validates against the official SARIF 2.1.0 schema', async () => {
    const log = await renderFixture();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
  });

  it('the schema check is not vacuous: it rejects a wrong level and an unknown property', async () => {
    const log = await renderFixture();
    log.runs[0].results[0].level = 'info';
    expect(validate(log)).toBe(false);
    const other = await renderFixture();
    other.runs[0].results[0].lineNumber = 3;
    expect(validate(other)).toBe(false);
  });

  it('describes the tool and every rule with full metadata', async () => {
    const driver = (await renderFixture()).runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'dockaudit', version: '1.2.3', semanticVersion: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\/github\.com\/dockaudit\/dockaudit/);
    expect(driver.rules.map((r: Any) => r.id)).toEqual([
      ...dockerfileRules.map((r) => r.id),
      MULTILINE_RULE.id,
      HOSTILE_RULE.id,
    ]);
    const byId = new Map(driver.rules.map((r: Any) => [r.id, r]));
    for (const meta of dockerfileRules) {
      const r: Any = byId.get(meta.id);
      expect(r.shortDescription.text).toBe(meta.docs.summary);
      expect(r.fullDescription.text).toBe(meta.docs.rationale);
      expect(r.help.text).toContain(meta.docs.bad.split('\n')[0]);
      expect(r.help.markdown).toContain(meta.docs.good.split('\n')[0]);
      expect(r.helpUri).toBe(`https://github.com/dockaudit/dockaudit/blob/main/docs/rules/${meta.id}.md`);
      expect(r.defaultConfiguration.level).toBe(
        meta.severity === 'error' ? 'error' : meta.severity === 'warning' ? 'warning' : 'note',
      );
      expect(r.properties).toMatchObject({ category: meta.category, code: meta.code, aliases: meta.aliases });
      expect(r.properties.tags).toContain(meta.category);
    }
    const multiline: Any = byId.get(MULTILINE_RULE.id);
    expect(multiline.properties['security-severity']).toBe('2.0');
    // A fence longer than any backtick run inside the example keeps the markdown intact.
    expect((byId.get(HOSTILE_RULE.id) as Any).help.markdown).toContain(
      '````dockerfile\nRUN a\n```\nRUN b\n````',
    );
  });

  it('reports results with ruleIndex, level and exact regions', async () => {
    const input = fixtureInput();
    const run = (await renderFixture()).runs[0];
    expect(run.results).toHaveLength(input.findings.length);
    expect(run.columnKind).toBe('utf16CodeUnits');
    input.findings.forEach((f, i) => {
      const r = run.results[i];
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.rule);
      expect(r.ruleId).toBe(f.rule);
      expect(r.message.text).toBe(f.message);
      const loc = r.locations[0].physicalLocation;
      expect(loc.region).toEqual({
        startLine: f.line,
        startColumn: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
      });
      expect(run.artifacts[loc.artifactLocation.index].location.uri).toBe(loc.artifactLocation.uri);
    });
    const unknown = run.results.find((r: Any) => r.ruleId === 'unknown-instruction');
    // "FOO" on line 5 (the BOM is not a column): columns 1..4, end exclusive.
    expect(unknown.locations[0].physicalLocation.region).toEqual({
      startLine: 5,
      startColumn: 1,
      endLine: 5,
      endColumn: 4,
    });
    expect(unknown.level).toBe('error');
    const hostile = run.results.find((r: Any) => r.ruleId === HOSTILE_RULE.id);
    expect(hostile.level).toBe('note');
    expect(hostile.message.text).toBe(HOSTILE_MESSAGE);
    expect(hostile.locations[0].physicalLocation.artifactLocation).toMatchObject({
      uri: 'odd%20dir/Dockerfile.%3C%26%3E',
      uriBaseId: '%SRCROOT%',
    });
  });

  it('turns fix edits into replacements whose regions match the offsets', async () => {
    const input = fixtureInput();
    const run = (await renderFixture()).runs[0];
    const fixable = input.findings.filter((f) => f.fix);
    expect(fixable.map((f) => f.rule).sort()).toEqual(['empty-continuation-line', HOSTILE_RULE.id]);
    for (const f of fixable) {
      const result = run.results[input.findings.indexOf(f)];
      const change = result.fixes[0].artifactChanges[0];
      expect(change.artifactLocation.uri).toBe(result.locations[0].physicalLocation.artifactLocation.uri);
      const raw = SOURCES.get(f.file)!;
      const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      const lines = new LineIndex(text);
      // Rebuild the edits from the SARIF regions (line/column and char offsets must agree), then apply them.
      const edits = change.replacements.map((rep: Any) => {
        const d = rep.deletedRegion;
        const start = lines.offsetOfLine(d.startLine) + d.startColumn - 1;
        const end = lines.offsetOfLine(d.endLine) + d.endColumn - 1;
        expect(d.charOffset).toBe(start);
        expect(d.charLength).toBe(end - start);
        return { start, end, text: rep.insertedContent?.text ?? '' };
      });
      expect(applyEdits(text, edits)).toBe(applyEdits(text, f.fix!.edits));
    }
    const hostile = run.results.find((r: Any) => r.ruleId === HOSTILE_RULE.id);
    const fixed = applyEdits(
      SOURCES.get(HOSTILE_FILE)!,
      fixable.find((f) => f.rule === HOSTILE_RULE.id)!.fix!.edits,
    );
    expect(fixed).toContain('# non-root\nUSER 1000\n');
    expect(hostile.fixes[0].properties.safety).toBe('suggested');
    // Offsets count from after the byte-order mark, as the parser reads the file.
    const empty = run.results.find((r: Any) => r.ruleId === 'empty-continuation-line');
    expect(empty.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: {
        startLine: 3,
        startColumn: 1,
        endLine: 4,
        endColumn: 1,
        charOffset: 39,
        charLength: 1,
      },
    });
  });

  it('gives fixes as character offsets when the source text is not available', async () => {
    const run = JSON.parse(await render('sarif', fixtureInput(), { color: false })).runs[0];
    const hostile = run.results.find((r: Any) => r.ruleId === HOSTILE_RULE.id);
    expect(hostile.fixes[0].artifactChanges[0].replacements.map((r: Any) => r.deletedRegion)).toEqual([
      { charOffset: 47, charLength: 4 },
      { charOffset: 42, charLength: 0 },
    ]);
  });

  it('carries partial fingerprints from the shared fingerprint module', async () => {
    const input = fixtureInput();
    const expected = computeFingerprints(input.findings, SOURCES);
    const run = (await renderFixture()).runs[0];
    input.findings.forEach((f, i) => {
      expect(run.results[i].partialFingerprints).toEqual({ [FINGERPRINT_SCHEME]: expected.get(f) });
    });
    expect(new Set(run.results.map((r: Any) => r.partialFingerprints[FINGERPRINT_SCHEME])).size).toBe(
      input.findings.length,
    );
  });

  it('reports unreadable inputs as tool notifications', async () => {
    const invocation = (await renderFixture()).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toHaveLength(1);
    const n = invocation.toolExecutionNotifications[0];
    expect(n.level).toBe('error');
    expect(n.message.text).toBe('binary file, not a Dockerfile');
    expect(n.locations[0].physicalLocation.artifactLocation.uri).toBe(BROKEN_FILE);
  });

  it('is valid with no findings at all and keeps the rule table', async () => {
    const log = JSON.parse(
      await render('sarif', fixtureInput({ findings: [], errors: [], files: [API_FILE] }), { color: false }),
    );
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.length).toBeGreaterThan(0);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('locates relative paths under %SRCROOT% and absolute ones as file: URIs', () => {
    expect(artifactLocation('./a b/Dockerfile')).toEqual({ uri: 'a%20b/Dockerfile', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('dir\\Dockerfile.prod')).toEqual({
      uri: 'dir/Dockerfile.prod',
      uriBaseId: '%SRCROOT%',
    });
    expect(artifactLocation('/srv/app/Dockerfile')).toEqual({ uri: 'file:///srv/app/Dockerfile' });
  });
});
