import { dockerfileRule } from '../define.js';
import { knownPlatforms } from './lib/known-platforms.js';
import { formatPlatform, parsePlatform } from './lib/platform.js';

export default dockerfileRule({
  id: 'base-image-platform',
  code: 'DA4355',
  aliases: ['InvalidBaseImagePlatform'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: '`FROM --platform=` names a platform that the base image is not published for.',
    rationale:
      "BuildKit pulls the variant of the base image for the stage's platform; when none exists the build fails (\"no match for platform\") or, for a single-platform image, runs a foreign binary under emulation and warns. Judging this needs the image's platform list, which only a registry knows, so the rule uses a table of facts that do not change: Microsoft's Windows base images (`mcr.microsoft.com/windows/*`, `dotnet/framework/*`) and official images with `windowsservercore`/`nanoserver` tags exist only for windows/amd64; alpine, debian, ubuntu, busybox, centos, fedora, almalinux, rockylinux, oraclelinux, archlinux, nginx, httpd, node, php, ruby, postgres and redis exist only for Linux; amazonlinux only for linux/amd64 and linux/arm64. It judges `--platform` when its value is a constant or comes from ARG defaults; other images, `$BUILDPLATFORM`/`$TARGETPLATFORM`, and a stage without `--platform` (whose platform is the builder's, unknown here) are not judged.",
    bad: 'FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022',
    good: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/servercore:ltsc2022',
  },
  messages: {
    default: '{image} is published only for {platforms}: --platform={platform} matches none of its variants',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.platform;
      if (!flag?.value || !flag.valueSpan) continue;
      const base = model.baseOf(stage);
      if (base.kind !== 'image' || !base.ref) continue;
      const known = knownPlatforms(base.ref);
      if (!known) continue;
      const expanded = model.expand(flag.value, stage.from);
      if (!expanded.complete) continue;
      const platform = parsePlatform(expanded.value);
      if (!platform) continue;
      const osOk = known.os.includes(platform.os);
      const archOk = known.arch === null || known.arch.includes(platform.arch);
      if (osOk && archOk) continue;
      report({
        span: flag.valueSpan,
        data: { image: base.text, platforms: known.label, platform: formatPlatform(platform) },
      });
    }
  },
});
