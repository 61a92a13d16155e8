import type { Dockerfile } from '../../dockerfile/model.js';
import { expand, MapScope, type VarValue } from '../../dockerfile/variables.js';
import { dockerfileRule } from '../define.js';
import { isValidImageReference } from './lib/reference-grammar.js';

/** Values BuildKit gives its platform ARGs; any real platform serves to judge a reference's shape. */
const PLATFORM_DEFAULTS: ReadonlyArray<[string, string]> = [
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
];

export default dockerfileRule({
  id: 'invalid-default-arg-in-from',
  code: 'DA4352',
  aliases: ['InvalidDefaultArgInFrom'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A FROM that becomes an empty or invalid image name when the build passes no `--build-arg`.',
    rationale:
      'BuildKit checks that every base image stays valid with the ARG defaults alone. `ARG TAG` without a default makes `FROM busybox:${TAG}` read `busybox:` and `ARG IMAGE` makes `FROM ${IMAGE}` empty: the build fails unless every caller remembers the build argument. Give the ARG a default, or a fallback with `${TAG:-1.36}`.',
    bad: 'ARG TAG\nFROM busybox:${TAG}',
    good: 'ARG TAG=1.36\nFROM busybox:${TAG}',
  },
  messages: {
    default: 'with the ARG defaults this FROM reads "{value}", which is not a valid image name',
    empty: 'with the ARG defaults this FROM names no image at all',
  },
  check({ model, report }) {
    const { file } = model;
    let scope: MapScope | null = null;
    for (const stage of model.stages) {
      const image = stage.from.image;
      if (!image?.raw.includes('$')) continue;
      scope ??= defaultsScope(file);
      const value = expand(image.raw, scope, file.escape).value;
      if (isValidImageReference(value)) continue;
      report({ span: image.span, messageId: value === '' ? 'empty' : 'default', data: { value } });
    }
  },
});

/** The global ARGs as a build without `--build-arg` sees them: an ARG without a default is unset. */
function defaultsScope(file: Dockerfile): MapScope {
  const vars = new Map<string, VarValue>(PLATFORM_DEFAULTS);
  const scope = new MapScope(vars, false);
  for (const inst of file.preamble) {
    if (inst.keyword !== 'ARG') continue;
    for (const a of inst.args)
      if (a.rawValue !== null) vars.set(a.name, expand(a.rawValue, scope, file.escape).value);
  }
  return scope;
}
