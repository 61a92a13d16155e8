import { dockerfileRule } from '../define.js';
import { finalImagePackages, type InstalledPackage } from './lib/final-packages.js';
import { runsService } from './lib/runtime.js';
import { listNames } from './lib/text.js';

const COMMON = /^(?:gcc|make|cmake|clang|autoconf|automake|libtool|pkg-?config|pkgconf)$/;
const TOOLCHAIN: Record<string, RegExp> = {
  apt: /^(?:g\+\+|cpp|build-essential|gcc-\d+|g\+\+-\d+|.+-dev)$/,
  apk: /^(?:g\+\+|build-base|musl-dev|linux-headers|.+-dev)$/,
  rpm: /^(?:gcc-c\+\+|redhat-rpm-config|kernel-headers|kernel-devel|.+-devel)$/,
  zypper: /^(?:gcc-c\+\+|kernel-devel|.+-devel)$/,
};

export default dockerfileRule({
  id: 'build-tools-in-final-stage',
  code: 'DA2208',
  aliases: [],
  severity: 'info',
  category: 'size',
  docs: {
    summary:
      'Compilers, build tools or -dev/-devel packages installed in the final stage of a multi-stage build.',
    rationale:
      'A multi-stage build exists so that compilers and headers stay in a builder stage: in the runtime image they add hundreds of MB and many packages to patch, and give an intruder a toolchain. When the final stage installs gcc, build-essential, build-base, make or `*-dev`/`*-devel` packages, move that step to a builder stage and copy only its results (a virtualenv, site-packages, a binary); keep the runtime libraries (`libpq5`, not `libpq-dev`). Packages removed again in the final stage (`apk del .build-deps`, `apt-get purge`) are not reported, nor are toolchain images that run no program of their own (no CMD/ENTRYPOINT, or an interactive shell).',
    bad: 'FROM python:3.12-slim AS build\nRUN pip wheel --wheel-dir /wheels psycopg2==2.9.9\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nCMD ["python", "-m", "app"]',
    good: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip wheel --wheel-dir /wheels psycopg2==2.9.9\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCMD ["python", "-m", "app"]',
  },
  messages: {
    default:
      'build tools {names} ship in the final image: install them in a build stage and copy only the results',
  },
  check({ model, report }) {
    if (model.stages.length < 2 || !runsService(model)) return;
    const byCommand = new Map<object, InstalledPackage[]>();
    for (const e of finalImagePackages(model)) {
      if (!COMMON.test(e.name) && !TOOLCHAIN[e.pc.family]?.test(e.name)) continue;
      byCommand.set(e.pc, [...(byCommand.get(e.pc) ?? []), e]);
    }
    for (const tools of byCommand.values()) {
      const first = tools[0]!;
      report({
        span: { start: first.word.start, end: first.word.end },
        data: { names: listNames(tools.map((t) => t.name)) },
      });
    }
  },
});
