# dockaudit in a container:
#   docker build -t dockaudit .
#   docker run --rm -v "$PWD:/src:ro" dockaudit lint .
#
# Both stages start from the same Node 20 image, pinned by tag (what a person reads) and by digest (what is
# actually pulled; the multi-platform index of node:20.19.5-bookworm-slim). Update both together.

FROM node:20.19.5-bookworm-slim@sha256:9e70124bd00f47dd023e349cd587132ae61892acc0e47ed641416c3e18f401c3 AS build
WORKDIR /build
# Dependencies first, so that editing the sources does not invalidate this layer.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json README.md CHANGELOG.md ./
COPY scripts/ scripts/
COPY src/ src/
# `npm pack` builds the bundle (prepack) and produces exactly what is published to the registry.
RUN mkdir /out && npm pack --pack-destination /out && mv /out/dockaudit-*.tgz /out/dockaudit.tgz

FROM node:20.19.5-bookworm-slim@sha256:9e70124bd00f47dd023e349cd587132ae61892acc0e47ed641416c3e18f401c3 AS runtime
LABEL org.opencontainers.image.title="dockaudit" \
      org.opencontainers.image.description="Audit, fix and optimize container builds" \
      org.opencontainers.image.source="https://github.com/dockaudit/dockaudit" \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production
# The package is installed from the tarball of the build stage through a bind mount, so that neither the
# tarball nor npm's cache ends up in a layer; production dependencies only, no install scripts.
RUN --mount=type=bind,from=build,source=/out,target=/tmp/pkg \
    --mount=type=cache,target=/root/.npm \
    npm install --global --omit=dev --ignore-scripts --no-audit --no-fund /tmp/pkg/dockaudit.tgz
# A dedicated unprivileged user with a fixed UID/GID (above the usual ranges of host accounts), so that
# runAsNonRoot policies can verify it and mounted files are never read as root.
RUN groupadd --gid 10001 dockaudit \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin dockaudit
USER 10001:10001
WORKDIR /src
# dockaudit is a command-line tool that runs once and exits: there is no long-running service whose health
# could be probed, so health checks are switched off explicitly rather than left undefined.
HEALTHCHECK NONE
ENTRYPOINT ["dockaudit"]
CMD ["lint", "."]
