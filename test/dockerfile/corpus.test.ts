import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

const root = join(import.meta.dirname, '../../../shared/corpus/dockerfiles');
const present = existsSync(root);
if (!present) console.warn(`corpus tests skipped: ${root} not found`);

function corpusFiles(): string[] {
  const files: string[] = [];
  for (const repo of readdirSync(root).sort())
    for (const f of readdirSync(join(root, repo)).sort()) files.push(join(repo, f));
  return files;
}

/**
 * Files where dockerfile-ast and BuildKit disagree and we follow BuildKit: a lone `\` on a continuation
 * line continues (templates), a doubled escape at the end of a line does not continue, a trailing
 * backslash in a Windows WORKDIR continues into the next instruction, and `<<UID>>` opens a heredoc.
 */
const BUILDKIT_DIFFERS = new Set([
  'STAR-RG__shipwright/data__broken-dockerfiles__9337a2bac75468da0018c133389f131a69e9b717.Dockerfile',
  'STAR-RG__shipwright/data__broken-dockerfiles__99541471522c90ccb1994775404a834ca4f2b123.Dockerfile',
  'docker-library__docker/Dockerfile-windows-servercore.template',
  'docker-library__php/Dockerfile-linux.template',
  'docker-library__postgres/Dockerfile-debian.template',
  'docker-library__python/Dockerfile-linux.template',
  'docker-library__python/Dockerfile-windows.template',
  'docker-library__redis/Dockerfile.template',
  'docker-library__wordpress/Dockerfile.template',
  'microsoft__dotnet-framework-docker/eng__dockerfile-templates__sdk__Dockerfile.ltsc2016',
  'moby__buildkit/frontend__dockerfile__parser__testfiles__trailing-backslash__Dockerfile',
]);

describe.skipIf(!present)('corpus', () => {
  it('reads every corpus file, its stages, variables and shell commands without an exception', () => {
    let commands = 0;
    for (const f of corpusFiles()) {
      const file = parseDockerfile(readFileSync(join(root, f), 'utf8'), f);
      const a = new DockerfileAnalysis(file);
      for (const inst of file.instructions) {
        commands += a.commandsOf(inst)?.commands.length ?? 0;
        if (inst.keyword !== 'UNKNOWN') a.scopeOf(inst);
      }
      expect(a.stageGraph.bases.length).toBe(file.stages.length);
    }
    expect(commands).toBeGreaterThan(100_000);
  });

  it('agrees with dockerfile-ast on instruction keywords and lines, except where BuildKit says otherwise', () => {
    const disagree: string[] = [];
    for (const f of corpusFiles()) {
      const text = readFileSync(join(root, f), 'utf8');
      const ours = parseDockerfile(text, f);
      const a = ours.instructions.map(
        (i) => `${ours.lines.position(i.keywordSpan.start).line}:${i.keywordRaw.toUpperCase()}`,
      );
      const b = DockerfileParser.parse(text)
        .getInstructions()
        .map((i) => `${i.getRange().start.line + 1}:${i.getKeyword().toUpperCase()}`);
      if (a.join('|') !== b.join('|')) disagree.push(f);
    }
    expect(disagree.filter((f) => !BUILDKIT_DIFFERS.has(f))).toEqual([]);
  }, 60_000);

  it('reads the odd files the corpus README lists', () => {
    const odd = (name: string) => parseDockerfile(readFileSync(join(root, name), 'utf8'), name);
    // A missing `\` makes line 43 an unknown instruction (Oracle GDD).
    const gdd = odd('oracle__docker-images/OracleDatabase__GDD__containerfiles__19.3.0__Dockerfile_19c');
    expect(
      gdd.problems.some(
        (p) => p.kind === 'unknown-instruction' && gdd.lines.position(p.span.start).line === 43,
      ),
    ).toBe(true);
    // BuildKit rejects the escape directive "` (backtick)".
    const files = corpusFiles().map((f) => ({ f, text: readFileSync(join(root, f), 'utf8') }));
    const badEscape = files.filter(({ text }) => /^# escape=` \(backtick\)/m.test(text));
    expect(badEscape.length).toBe(1);
    expect(parseDockerfile(badEscape[0]!.text).problems.some((p) => p.kind === 'invalid-directive')).toBe(
      true,
    );
    // Heredocs, CRLF and BOM files read cleanly.
    const heredocs = files.filter(({ text }) => /^\s*(RUN|COPY)\s.*<<-?["']?[A-Z]/m.test(text));
    expect(heredocs.length).toBeGreaterThan(50);
    for (const { f, text } of heredocs.slice(0, 200)) {
      const file = parseDockerfile(text, f);
      if (!f.includes('template') && !f.includes('shipwright'))
        expect(
          file.problems.filter((p) => p.kind === 'unterminated-heredoc'),
          f,
        ).toEqual([]);
    }
    const crlf = files.filter(({ text }) => text.includes('\r\n'));
    expect(crlf.length).toBeGreaterThan(30);
    for (const { text } of crlf) expect(parseDockerfile(text).eol).toBe('\r\n');
    expect(files.filter(({ text }) => text.charCodeAt(0) === 0xfeff).length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
