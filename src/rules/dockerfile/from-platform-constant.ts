import { dockerfileRule } from '../define.js';
import { parsePlatform } from './lib/platform.js';
import { variableRefs } from './lib/variable-refs.js';

export default dockerfileRule({
  id: 'from-platform-constant',
  code: 'DA4353',
  aliases: ['FromPlatformFlagConstDisallowed'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`FROM --platform=` with a constant platform, in a stage whose name does not mention it.',
    rationale:
      'A constant `--platform` pins the stage to one platform whatever the build asks for: a multi-platform build (`--platform linux/amd64,linux/arm64`) produces images whose binaries only run on one of them, or runs slowly under emulation. Use `$BUILDPLATFORM` for build tools and `$TARGETPLATFORM` (the default) for what ships. When a stage is meant for one platform, say so in its name (`AS build-arm64`): BuildKit and this rule then accept it.',
    bad: 'FROM --platform=linux/amd64 golang:1.23 AS build',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
  },
  messages: {
    default: '--platform is the constant "{platform}": the stage ignores the platform the build asks for',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.platform;
      if (!flag?.value || !flag.valueSpan) continue;
      // Any substitution (even of an unknown or undefined name) makes it not a constant.
      if (flag.value.includes('$') && variableRefs(flag.value, model.file.escape).length > 0) continue;
      const platform = parsePlatform(flag.value);
      if (!platform) continue;
      const name = stage.name ?? '';
      if (name.includes(platform.os) || name.includes(platform.arch)) continue;
      report({ span: flag.valueSpan, data: { platform: flag.value } });
    }
  },
});
