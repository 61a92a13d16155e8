import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { instructionsBefore } from './lib/cleanup.js';
import { commandSpan, hasOpt, packageCommandsOf } from './lib/packages.js';

const DISABLED = /Install-Recommends["'\s]*[=\s]["'\s]*(?:false|0|no|off)\b/i;

export default dockerfileRule({
  id: 'apt-no-install-recommends',
  code: 'DA2015',
  aliases: ['DL3015'],
  severity: 'info',
  category: 'size',
  fixable: 'suggested',
  docs: {
    summary: '`apt-get install` without `--no-install-recommends`.',
    rationale:
      'By default apt also installs every package the requested ones merely recommend: documentation tools, X11 libraries, daemons. They make the image larger and widen its attack surface without being needed. `--no-install-recommends` (or `-o APT::Install-Recommends=false`, or an earlier `APT::Install-Recommends "false";` written to /etc/apt/apt.conf.d) keeps only real dependencies. The fix adds the flag; it is a suggestion because a program may rely on a recommended package.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  },
  messages: {
    default: 'add --no-install-recommends to `{tool} install`: recommended packages are not needed',
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'apt')) {
      if (pc.subcommand !== 'install' || pc.tool === 'aptitude' || pc.hasUnknownArgs) continue;
      if (hasOpt(pc, 'no-install-recommends')) continue;
      if (pc.options.some((o) => (o.name === 'o' || o.name === 'option') && DISABLED.test(o.value ?? '')))
        continue;
      if (pc.options.some((o) => o.name === 'install-recommends' && /^(?:false|0|no)$/i.test(o.value ?? '')))
        continue;
      if (disabledByConfig(model, pc.inst)) continue;
      const sub = pc.subcommandWords[0]!;
      report({
        span: commandSpan(pc),
        data: { tool: pc.tool },
        fix: pc.expanded.has(sub)
          ? undefined
          : [{ start: sub.end, end: sub.end, text: ' --no-install-recommends' }],
      });
    }
  },
});

/** An earlier instruction (or this RUN) sets APT::Install-Recommends off, or copies apt configuration. */
function disabledByConfig(model: DockerfileAnalysis, inst: Instruction): boolean {
  const text = model.file.text;
  for (const i of [...instructionsBefore(model, inst), inst]) {
    if (i.keyword === 'RUN' && DISABLED.test(text.slice(i.span.start, i.span.end))) return true;
    if (
      i.keyword === 'ONBUILD' &&
      i.trigger?.keyword === 'RUN' &&
      DISABLED.test(text.slice(i.span.start, i.span.end))
    )
      return true;
    if (
      (i.keyword === 'COPY' || i.keyword === 'ADD') &&
      i.destination &&
      /^\/etc\/apt\/apt\.conf(?:\.d|$)/.test(i.destination.value)
    )
      return true;
  }
  return false;
}
