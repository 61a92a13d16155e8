import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

describe('ONBUILD triggers the builder rejects', () => {
  it('are read as triggers and left to the onbuild-invalid-trigger rule (no duplicate parse problem)', () => {
    const file = parseDockerfile('FROM x\nONBUILD ONBUILD RUN a\nONBUILD FROM y\nONBUILD MAINTAINER me\n');
    expect(file.problems).toEqual([]);
    const triggers = file.instructions.filter((i) => i.keyword === 'ONBUILD').map((i) => i.trigger?.keyword);
    expect(triggers).toEqual(['ONBUILD', 'FROM', 'MAINTAINER']);
  });
});
