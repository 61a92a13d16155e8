import { isDigest } from './digest.js';
import { ImageInputError } from './errors.js';
import { jsonErrorOffset } from './json-position.js';

/** Media types of manifests, indexes, configs and layers (OCI and Docker schema 2). */
export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const;

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  Retries?: number;
}

/** The runtime part of an image config (Docker's field names, which OCI keeps). */
export interface ContainerConfig {
  User?: string;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  ExposedPorts?: Record<string, unknown> | null;
  Volumes?: Record<string, unknown> | null;
  StopSignal?: string;
  Healthcheck?: HealthConfig | null;
  Shell?: string[] | null;
  OnBuild?: string[] | null;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  author?: string;
  config: ContainerConfig;
  rootfs: { type: string; diff_ids: string[] };
  history: HistoryEntry[];
}

/** Parses JSON, turning a syntax error into an input error with line and column. */
export function parseJson(data: Buffer | string, source: string, where: string): unknown {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    let place = '';
    if (offset >= 0) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      place = ` at line ${line}, column ${offset - before.lastIndexOf('\n')}`;
    }
    throw new ImageInputError(source, `malformed JSON${place}: ${message}`, where);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(source: string, where: string, what: string): never {
  throw new ImageInputError(source, what, where);
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

export function readDescriptor(v: unknown, source: string, where: string): Descriptor {
  if (!isObject(v)) bad(source, where, 'a descriptor must be an object');
  if (!isDigest(v.digest)) bad(source, where, `invalid digest ${JSON.stringify(v.digest)}`);
  const size = v.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    bad(source, where, `invalid size ${JSON.stringify(size)}`);
  const d: Descriptor = {
    mediaType: typeof v.mediaType === 'string' ? v.mediaType : '',
    digest: v.digest,
    size,
  };
  if (
    isObject(v.platform) &&
    typeof v.platform.os === 'string' &&
    typeof v.platform.architecture === 'string'
  )
    d.platform = {
      os: v.platform.os,
      architecture: v.platform.architecture,
      ...(typeof v.platform.variant === 'string' ? { variant: v.platform.variant } : {}),
    };
  const annotations = stringMap(v.annotations);
  if (annotations) d.annotations = annotations;
  return d;
}

/** Reads a manifest or an index document (OCI or Docker schema 2). */
export function readManifestOrIndex(
  doc: unknown,
  source: string,
  where: string,
  mediaTypeHint = '',
): ImageIndex | ImageManifest {
  if (!isObject(doc)) bad(source, where, 'a manifest must be a JSON object');
  const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : mediaTypeHint;
  if (doc.schemaVersion === 1 || mediaType === MEDIA.dockerSchema1)
    bad(source, where, 'Docker schema 1 manifests are not supported (deprecated since 2017)');
  if (Array.isArray(doc.manifests)) {
    return {
      kind: 'index',
      mediaType: mediaType || MEDIA.ociIndex,
      manifests: doc.manifests.map((m, i) => readDescriptor(m, source, `${where} manifests[${i}]`)),
      ...(stringMap(doc.annotations) ? { annotations: stringMap(doc.annotations)! } : {}),
    };
  }
  if (!Array.isArray(doc.layers)) bad(source, where, 'a manifest needs a "layers" array');
  return {
    kind: 'manifest',
    mediaType: mediaType || MEDIA.ociManifest,
    config: readDescriptor(doc.config, source, `${where} config`),
    layers: doc.layers.map((l, i) => readDescriptor(l, source, `${where} layers[${i}]`)),
    ...(stringMap(doc.annotations) ? { annotations: stringMap(doc.annotations)! } : {}),
  };
}

function stringArray(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** Reads an image config; unknown or mistyped optional fields are dropped, required ones checked. */
export function readImageConfig(doc: unknown, source: string, where: string): ImageConfig {
  if (!isObject(doc)) bad(source, where, 'an image config must be a JSON object');
  const rootfs = doc.rootfs;
  if (!isObject(rootfs) || !Array.isArray(rootfs.diff_ids))
    bad(source, where, 'the image config has no rootfs.diff_ids');
  const diffIds = rootfs.diff_ids.map((d, i) => {
    if (!isDigest(d)) bad(source, where, `rootfs.diff_ids[${i}] is not a digest: ${JSON.stringify(d)}`);
    return d;
  });
  const c = isObject(doc.config) ? doc.config : {};
  const config: ContainerConfig = {};
  if (typeof c.User === 'string') config.User = c.User;
  if (stringArray(c.Env)) config.Env = stringArray(c.Env);
  if (stringArray(c.Entrypoint)) config.Entrypoint = stringArray(c.Entrypoint);
  if (stringArray(c.Cmd)) config.Cmd = stringArray(c.Cmd);
  if (typeof c.WorkingDir === 'string') config.WorkingDir = c.WorkingDir;
  if (stringMap(c.Labels)) config.Labels = stringMap(c.Labels);
  if (isObject(c.ExposedPorts)) config.ExposedPorts = c.ExposedPorts;
  if (isObject(c.Volumes)) config.Volumes = c.Volumes;
  if (typeof c.StopSignal === 'string') config.StopSignal = c.StopSignal;
  if (stringArray(c.Shell)) config.Shell = stringArray(c.Shell);
  if (stringArray(c.OnBuild)) config.OnBuild = stringArray(c.OnBuild);
  if (isObject(c.Healthcheck)) {
    const h = c.Healthcheck;
    config.Healthcheck = {
      ...(stringArray(h.Test) ? { Test: stringArray(h.Test) } : {}),
      ...(typeof h.Interval === 'number' ? { Interval: h.Interval } : {}),
      ...(typeof h.Timeout === 'number' ? { Timeout: h.Timeout } : {}),
      ...(typeof h.StartPeriod === 'number' ? { StartPeriod: h.StartPeriod } : {}),
      ...(typeof h.Retries === 'number' ? { Retries: h.Retries } : {}),
    };
  }
  const history: HistoryEntry[] = [];
  if (Array.isArray(doc.history)) {
    for (const h of doc.history) {
      if (!isObject(h)) continue;
      history.push({
        ...(typeof h.created === 'string' ? { created: h.created } : {}),
        ...(typeof h.created_by === 'string' ? { created_by: h.created_by } : {}),
        ...(typeof h.author === 'string' ? { author: h.author } : {}),
        ...(typeof h.comment === 'string' ? { comment: h.comment } : {}),
        ...(h.empty_layer === true ? { empty_layer: true } : {}),
      });
    }
  }
  return {
    architecture: typeof doc.architecture === 'string' ? doc.architecture : '',
    os: typeof doc.os === 'string' ? doc.os : '',
    ...(typeof doc.variant === 'string' ? { variant: doc.variant } : {}),
    ...(typeof doc.created === 'string' ? { created: doc.created } : {}),
    ...(typeof doc.author === 'string' ? { author: doc.author } : {}),
    config,
    rootfs: { type: typeof rootfs.type === 'string' ? rootfs.type : 'layers', diff_ids: diffIds },
    history,
  };
}

/** One image of a `docker save` manifest.json. */
export interface DockerSaveEntry {
  Config: string;
  RepoTags: string[];
  Layers: string[];
}

export function readDockerSaveManifest(doc: unknown, source: string): DockerSaveEntry[] {
  const where = 'manifest.json';
  if (!Array.isArray(doc)) bad(source, where, 'manifest.json must be a JSON array');
  return doc.map((e, i) => {
    if (!isObject(e)) bad(source, where, `entry ${i} is not an object`);
    if (typeof e.Config !== 'string') bad(source, where, `entry ${i} has no "Config" path`);
    if (!Array.isArray(e.Layers) || e.Layers.some((l) => typeof l !== 'string'))
      bad(source, where, `entry ${i} has no "Layers" list of paths`);
    return { Config: e.Config, RepoTags: stringArray(e.RepoTags) ?? [], Layers: e.Layers as string[] };
  });
}
