import { dockerfileRule } from '../define.js';
import { labelPairs } from './lib/labels.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

export default dockerfileRule({
  id: 'label-key-invalid',
  code: 'DA4048',
  aliases: ['DL3048'],
  severity: 'style',
  category: 'maintainability',
  docs: {
    summary: "A label key that breaks Docker's key format or uses a namespace reserved for Docker.",
    rationale:
      "Docker's guidelines: keys are lower-case letters, digits, `.` and `-`, start with a letter, end with a letter or digit, without `..` or `--`, in reverse-DNS form, and `com.docker.*`, `io.docker.*` and `org.dockerproject.*` belong to Docker. Tools that query labels rely on it.",
    bad: 'FROM debian:12\nLABEL Build_Date="2024-05-01"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T00:00:00Z"',
  },
  messages: {
    default:
      'label key "{key}" is not valid: use lower-case letters, digits, "." and "-", starting with a letter',
    reserved: 'label key "{key}" uses a namespace reserved for Docker',
    separators: 'label key "{key}" has consecutive separators',
  },
  check({ model, report }) {
    for (const { pair } of labelPairs(model)) {
      const key = pair.key;
      const span = pair.keySpan;
      if (RESERVED.some((ns) => key.startsWith(ns))) report({ span, messageId: 'reserved', data: { key } });
      else if (!/^[a-z](?:[a-z0-9.-]*[a-z0-9])?$/.test(key)) report({ span, data: { key } });
      else if (key.includes('..') || key.includes('--'))
        report({ span, messageId: 'separators', data: { key } });
    }
  },
});
