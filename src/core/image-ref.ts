/** A parsed container image reference (`[registry/]repository[:tag][@digest]`), normalized as Docker does. */
export interface ImageRef {
  /** The reference as given. */
  raw: string;
  /** Registry host (with port), `docker.io` when none is given. */
  registry: string;
  /** True when the reference names its registry explicitly. */
  explicitRegistry: boolean;
  /** Repository path without registry, e.g. `library/python`, `bitnami/redis`. */
  repository: string;
  /** Short name as people write it: `python`, `bitnami/redis`, `ghcr.io/x/y`. */
  name: string;
  tag: string | null;
  digest: string | null;
  /** An official Docker Hub image (`library/…`). */
  official: boolean;
}

/** Parses an image reference; returns null for something that cannot be one (empty, spaces). */
export function parseImageRef(raw: string): ImageRef | null {
  const ref = raw.trim();
  if (!ref || /\s/.test(ref)) return null;
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return null;
  const parts = rest.split('/');
  let registry = 'docker.io';
  let explicitRegistry = false;
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first === 'index.docker.io' || first === 'registry-1.docker.io' ? 'docker.io' : first;
    explicitRegistry = true;
    parts.shift();
  }
  let repository = parts.join('/');
  if (registry === 'docker.io' && parts.length === 1) repository = `library/${repository}`;
  const official = registry === 'docker.io' && repository.startsWith('library/');
  const name =
    explicitRegistry && registry !== 'docker.io'
      ? `${registry}/${repository}`
      : official
        ? repository.slice(8)
        : repository;
  return { raw, registry, explicitRegistry, repository, name, tag, digest, official };
}

/** The reference with its tag (and digest) as Docker would print it. */
export function formatImageRef(ref: ImageRef): string {
  return `${ref.name}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
