import { dockerfileRule } from '../define.js';
import { isContiguous } from './lib/buildkit-text.js';
import { portSpecs } from './lib/expose-ports.js';

export default dockerfileRule({
  id: 'expose-invalid-format',
  code: 'DA1205',
  aliases: ['ExposeInvalidFormat'],
  severity: 'warning',
  category: 'correctness',
  fixable: 'safe',
  docs: {
    summary: 'EXPOSE with an IP address or a host port (`EXPOSE 8080:80`, `EXPOSE 127.0.0.1:80:80`).',
    rationale:
      'EXPOSE records which ports the container listens on; which host address and port they are published on is decided at `docker run -p` time. BuildKit accepts the `ip:host:container` form but keeps only the container port, and warns that it will become an error. The fix keeps just the container port (and protocol), which is exactly what the image already records.',
    bad: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80',
    good: 'FROM nginx:1.27\nEXPOSE 80',
  },
  messages: {
    host: 'EXPOSE {spec} maps a host port: EXPOSE declares only the container port ({port}); publish with `docker run -p`',
    ip: 'EXPOSE {spec} names an IP address and a host port: EXPOSE declares only the container port ({port}); publish with `docker run -p`',
  },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      const expose = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (expose?.keyword !== 'EXPOSE') continue;
      for (const spec of portSpecs(expose, (raw) => model.expand(raw, inst))) {
        if (!spec.ip && !spec.hostPort) continue;
        const { word } = spec;
        const fixable = spec.literal && isContiguous(word) && spec.container !== '';
        report({
          span: word.span,
          messageId: spec.ip ? 'ip' : 'host',
          data: { spec: spec.text, port: spec.container },
          fix: fixable ? [{ start: word.span.start, end: word.span.end, text: spec.container }] : undefined,
        });
      }
    }
  },
});
