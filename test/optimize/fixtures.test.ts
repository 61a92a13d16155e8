import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { FIXTURES, optimizeFixture, seriousFindings, unaccountedSteps } from './helpers.js';

const names = readdirSync(FIXTURES).sort();

describe('optimize fixtures', () => {
  it('has a fixture for every stack', () => {
    const stacks = new Set(names.map((n) => optimizeFixture(n).result.detection.stack));
    expect([...stacks].sort()).toEqual(['generic', 'go', 'java', 'node-server', 'node-static', 'python']);
  });

  for (const name of names) {
    describe(name, () => {
      const { text, result } = optimizeFixture(name);

      it('writes a Dockerfile that reads without problems', () => {
        expect(parseDockerfile(result.dockerfile, 'Dockerfile').problems).toEqual([]);
      });

      it('passes every current rule with no finding at warning or above', () => {
        expect(seriousFindings(result.dockerfile).map((f) => `${f.line} ${f.rule}: ${f.message}`)).toEqual(
          [],
        );
      });

      it('keeps every application step or says why not', () => {
        expect(unaccountedSteps(text, result)).toEqual([]);
      });

      it('accounts for every instruction of the original', () => {
        const lines = parseDockerfile(text, 'Dockerfile').instructions.map(
          (i) => parseDockerfile(text, 'Dockerfile').lines.position(i.span.start).line,
        );
        expect(result.dispositions.map((d) => d.line).sort((a, b) => a - b)).toEqual(lines);
      });

      it('puts the builder first and switches USER after the last RUN', () => {
        expect(result.changes.length).toBeGreaterThan(0);
        if (result.detection.stack !== 'generic') {
          const stages = parseDockerfile(result.dockerfile, 'Dockerfile').stages;
          expect(stages.length).toBe(2);
          expect(stages[0]!.name).toBe('builder');
          const last = stages[1]!.instructions.map((i) => i.keyword);
          expect(last).toContain('USER');
          expect(last.indexOf('USER')).toBeGreaterThan(last.lastIndexOf('RUN'));
        }
      });
    });
  }
});
