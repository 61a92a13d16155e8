import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'unknown-instruction',
  code: 'DA1001',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A line starts with something that is not a Dockerfile instruction.',
    rationale:
      'BuildKit stops the build at an unknown instruction. It is usually a missing line continuation in the line above, a typo, or a template placeholder that was never expanded.',
    bad: 'RUN apt-get update &&\n    apt-get install -y curl\n    rm -rf /var/lib/apt/lists/*',
    good: 'RUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*',
  },
  messages: { default: 'unknown instruction "{word}": is a line continuation (\\) missing above?' },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      if (inst.keyword === 'UNKNOWN') report({ span: inst.keywordSpan, data: { word: inst.keywordRaw } });
    }
  },
});
