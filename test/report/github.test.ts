import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { BROKEN_FILE, fixtureInput, HOSTILE_FILE, HOSTILE_MESSAGE } from './fixture.js';

interface Annotation {
  command: string;
  props: Record<string, string>;
  message: string;
}

const unescape = (s: string) =>
  s.replace(/%(0D|0A|3A|2C|25)/g, (_, code: string) =>
    code === '0D' ? '\r' : code === '0A' ? '\n' : code === '3A' ? ':' : code === '2C' ? ',' : '%',
  );

/** Reads a workflow command line the way the runner does: `::name k=v,k=v::message`. */
function parseCommand(line: string): Annotation {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`bad property ${pair}`);
    props[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  // A message holds no raw delimiters of its own line: CR and LF are always escaped.
  return { command: m[1]!, props, message: unescape(m[3]!) };
}

describe('github reporter', () => {
  it('prints one annotation per finding and input error, each on its own line', async () => {
    const input = fixtureInput();
    const text = await render('github', input, { color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(input.findings.length + input.errors.length);
    const annotations = lines.map(parseCommand);
    const [error, ...findings] = annotations;
    expect(error).toEqual({
      command: 'error',
      props: { file: BROKEN_FILE, line: '1', col: '1', title: 'dockaudit: input error' },
      message: 'binary file, not a Dockerfile',
    });
    const commands = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };
    input.findings.forEach((f, i) => {
      const a = findings[i]!;
      expect(a.command).toBe(commands[f.severity]);
      expect(a.props.file).toBe(f.file);
      expect(a.props.line).toBe(String(f.line));
      expect(a.props.endLine).toBe(String(f.endLine));
      expect(a.props.title).toBe(`${f.rule} (${f.code})`);
      expect(a.message).toBe(f.message);
      if (f.line === f.endLine) {
        expect(a.props.col).toBe(String(f.column));
        expect(a.props.endColumn).toBe(String(f.endColumn));
      } else {
        // GitHub ignores columns on multi-line annotations: they are left out.
        expect(a.props.col).toBeUndefined();
        expect(a.props.endColumn).toBeUndefined();
      }
    });
  });

  it('escapes %, CR, LF in messages and also : and , in properties', async () => {
    const text = await render('github', fixtureInput(), { color: false });
    const line = text.split('\n').find((l) => l.includes('test-hostile'))!;
    expect(line).toContain('100%25 a,b:c | pipe%0Asecond line');
    const a = parseCommand(line);
    expect(a.message).toBe(HOSTILE_MESSAGE);
    expect(a.props.file).toBe(HOSTILE_FILE);
    const withComma = await render(
      'github',
      fixtureInput({ errors: [], findings: [{ ...fixtureInput().findings[0]!, file: 'a,b:c/Dockerfile' }] }),
      { color: false },
    );
    expect(withComma).toContain('file=a%2Cb%3Ac/Dockerfile,');
    expect(parseCommand(withComma.trimEnd()).props.file).toBe('a,b:c/Dockerfile');
  });

  it('prints nothing when there is nothing to report', async () => {
    expect(await render('github', fixtureInput({ findings: [], errors: [] }), { color: false })).toBe('');
  });
});
