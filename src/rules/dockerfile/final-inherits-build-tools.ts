import { formatImageRef, type ImageRef } from '../../core/image-ref.js';
import { dockerfileRule } from '../define.js';
import { rootRefOf, shortName } from './lib/images.js';
import { lastInLineage, lineageStages } from './lib/lineage.js';

const PURPOSE_NEEDS_TOOLS =
  /(?:^|[-_.])(?:dev|develop|development|debug|test|tests|testing|validate|validation|lint|check|ci|build|builder)(?:$|[-_.])/i;
/** Images that are compilers and SDKs, not runtimes. */
function isToolchainImage(ref: ImageRef): boolean {
  const name = shortName(ref);
  if (['golang', 'rust', 'maven', 'gradle', 'gcc'].includes(name)) return true;
  return /(?:^|\/)dotnet\/(?:core\/)?sdk$/.test(ref.repository);
}

export default dockerfileRule({
  id: 'final-inherits-build-tools',
  code: 'DA4204',
  aliases: [],
  severity: 'warning',
  category: 'size',
  docs: {
    summary:
      'In a multi-stage build, the final image runs on a toolchain image (golang, rust, maven, gradle, gcc, the .NET SDK), directly or through `FROM <stage>`.',
    rationale:
      'Multi-stage builds exist so that compilers and SDKs stay in the builder: a final image on `golang`, `maven` or the .NET SDK ships hundreds of megabytes of toolchain, more packages to patch and tools an attacker can use, although another stage already built the artifacts. Start the final stage from a runtime base (`-slim`, a JRE, distroless, `alpine`, `aspnet`) and `COPY --from=` only the artifacts. Compilers installed with a package manager are reported by `build-tools-in-final-stage` (DA2208); final stages named for development, tests or checks (`dev`, `test`, `validate`, `ci`, `build`) and final stages without a CMD or ENTRYPOINT (a build environment) are left alone.',
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM golang:1.22\nCOPY --from=build /app /app\nCMD ["/app"]',
    good: 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]',
  },
  messages: {
    default:
      'the final stage runs on {image}, a build toolchain image, although the build happens in other stages: start from a runtime base (slim, JRE, distroless) and COPY --from the artifacts',
  },
  check({ model, report }) {
    const final = model.finalStage;
    const image = final?.from.image;
    if (!final || !image || model.stages.length < 2) return;
    // A final stage for development, tests or checks needs its tools.
    if (final.name && PURPOSE_NEEDS_TOOLS.test(final.name)) return;
    // A toolchain image as the final base (directly or through FROM <stage>), while other stages feed
    // it artifacts. Compilers installed by package managers are `build-tools-in-final-stage` (DA2208).
    const root = rootRefOf(model, final);
    const lineage = lineageStages(model, final);
    const fed =
      lineage.length > 1 ||
      lineage.some((s) =>
        model.stageGraph.dependencies[s.index]?.some((d) => d.kind === 'copy' && d.stage !== null),
      );
    // Without a command of its own the stage is a build environment (a default target), not an app image.
    const runsApp =
      lastInLineage(model, final, 'CMD') !== null || lastInLineage(model, final, 'ENTRYPOINT') !== null;
    if (root && root !== 'scratch' && fed && runsApp && isToolchainImage(root))
      report({ span: image.span, data: { image: formatImageRef(root) } });
  },
});
