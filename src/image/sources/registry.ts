import { Readable } from 'node:stream';
import { digestOf, isDigest, shortDigest } from '../digest.js';
import { describeError, ImageInputError } from '../errors.js';
import { type Descriptor, MEDIA, parseJson, readManifestOrIndex } from '../oci.js';
import { type BlobReader, chooseManifest, readManifestParts, verifyContent } from './oci-resolve.js';
import {
  basicHeader,
  type Credentials,
  findCredentials,
  hostname,
  isLoopbackHost,
  parseChallenge,
} from './registry-auth.js';
import type { OpenOptions, ResolvedImage } from './types.js';

export interface RegistryRef {
  /** host[:port] as written (docker.io is served by registry-1.docker.io). */
  host: string;
  repository: string;
  /** A tag or a digest. */
  reference: string;
}

const ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(', ');

/** Parses `registry://host[:port]/name[:tag|@digest]`. */
export function parseRegistryRef(source: string): RegistryRef {
  const rest = source.slice('registry://'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new ImageInputError(source, 'expected registry://host[:port]/name[:tag|@digest]');
  const host = rest.slice(0, slash);
  let name = rest.slice(slash + 1);
  let reference = 'latest';
  const at = name.indexOf('@');
  if (at !== -1) {
    reference = name.slice(at + 1);
    name = name.slice(0, at);
    if (!isDigest(reference))
      throw new ImageInputError(source, `invalid digest ${JSON.stringify(reference)}`);
  } else {
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      reference = name.slice(colon + 1);
      name = name.slice(0, colon);
    }
  }
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(name))
    throw new ImageInputError(source, `invalid repository name ${JSON.stringify(name)}`);
  if (!isDigest(reference) && !/^[\w][\w.-]{0,127}$/.test(reference))
    throw new ImageInputError(source, `invalid tag ${JSON.stringify(reference)}`);
  const repository =
    (host === 'docker.io' || host === 'index.docker.io') && !name.includes('/') ? `library/${name}` : name;
  return { host, repository, reference };
}

/** A registry v2 client for one repository: anonymous, basic or bearer-token auth; TLS unless --insecure on loopback. */
export class RegistryClient implements BlobReader {
  private readonly base: string;
  private authorization: string | null = null;
  private credentials: Credentials | null | undefined;

  constructor(
    readonly source: string,
    private readonly ref: RegistryRef,
    private readonly options: OpenOptions,
  ) {
    const host =
      ref.host === 'docker.io' || ref.host === 'index.docker.io' ? 'registry-1.docker.io' : ref.host;
    const loopback = isLoopbackHost(hostname(host));
    if (options.insecure && !loopback)
      throw new ImageInputError(
        source,
        '--insecure allows plain HTTP only to a registry on a loopback address',
      );
    this.base = `${options.insecure ? 'http' : 'https'}://${host}/v2/${ref.repository}`;
    if (options.credentials !== undefined) this.credentials = options.credentials;
  }

  private async creds(): Promise<Credentials | null> {
    if (this.credentials === undefined)
      this.credentials = await findCredentials(this.ref.host, this.options.env ?? process.env);
    return this.credentials;
  }

  private async fetch(url: string, headers: Record<string, string>): Promise<Response> {
    try {
      return await fetch(url, { headers, redirect: 'follow' });
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      throw new ImageInputError(
        this.source,
        `cannot reach ${new URL(url).host}: ${describeError(cause ?? error)}`,
      );
    }
  }

  /** GET with authentication: on 401, answers the challenge (basic or bearer token) and retries once. */
  private async get(path: string, accept?: string): Promise<Response> {
    const url = `${this.base}${path}`;
    const headers = (): Record<string, string> => ({
      ...(accept ? { Accept: accept } : {}),
      ...(this.authorization ? { Authorization: this.authorization } : {}),
    });
    let res = await this.fetch(url, headers());
    if (res.status === 401) {
      await res.body?.cancel();
      await this.authenticate(res.headers.get('www-authenticate'));
      res = await this.fetch(url, headers());
    }
    return res;
  }

  private async authenticate(header: string | null): Promise<void> {
    const challenge = parseChallenge(header);
    const creds = await this.creds();
    if (!challenge)
      throw new ImageInputError(this.source, 'the registry refused access (401) without a usable challenge');
    if (challenge.scheme === 'basic') {
      if (!creds)
        throw new ImageInputError(
          this.source,
          'the registry needs a user name and password (DOCKAUDIT_REGISTRY_USER and DOCKAUDIT_REGISTRY_PASSWORD, or docker login)',
        );
      this.authorization = basicHeader(creds);
      return;
    }
    const realm = challenge.params.realm;
    if (!realm) throw new ImageInputError(this.source, 'the registry asked for a token without a realm');
    let realmUrl: URL;
    try {
      realmUrl = new URL(realm);
    } catch {
      throw new ImageInputError(this.source, `invalid token realm ${JSON.stringify(realm)}`);
    }
    if (
      realmUrl.protocol !== 'https:' &&
      !(realmUrl.protocol === 'http:' && this.options.insecure && isLoopbackHost(realmUrl.hostname))
    )
      throw new ImageInputError(this.source, `refusing a token realm over plain HTTP: ${realmUrl.origin}`);
    if (challenge.params.service) realmUrl.searchParams.set('service', challenge.params.service);
    realmUrl.searchParams.set('scope', challenge.params.scope ?? `repository:${this.ref.repository}:pull`);
    const res = await this.fetch(realmUrl.href, creds ? { Authorization: basicHeader(creds) } : {});
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new ImageInputError(
        this.source,
        `the token service refused ${creds ? 'the credentials' : 'anonymous access'} (${res.status})`,
      );
    }
    const body = (await res.json().catch(() => null)) as { token?: unknown; access_token?: unknown } | null;
    const token =
      typeof body?.token === 'string'
        ? body.token
        : typeof body?.access_token === 'string'
          ? body.access_token
          : null;
    if (!token) throw new ImageInputError(this.source, 'the token service answered without a token');
    this.authorization = `Bearer ${token}`;
  }

  private async readBounded(res: Response, max: number, where: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let length = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        length += chunk.length;
        if (length > max) {
          await res.body.cancel().catch(() => {});
          throw new ImageInputError(this.source, `more than the limit of ${max} bytes`, where);
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    return Buffer.concat(chunks);
  }

  private async failed(res: Response, where: string): Promise<never> {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    let message = text;
    try {
      const doc = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> };
      if (doc.errors?.[0]) message = `${doc.errors[0].code ?? ''} ${doc.errors[0].message ?? ''}`.trim();
    } catch {
      // plain text
    }
    throw new ImageInputError(
      this.source,
      `the registry answered ${res.status}${message ? `: ${message}` : ''}`,
      where,
    );
  }

  async fetchManifest(
    reference: string,
    max: number,
  ): Promise<{ data: Buffer; mediaType: string; digest: string }> {
    const where = `manifest ${isDigest(reference) ? shortDigest(reference) : reference}`;
    const res = await this.get(`/manifests/${reference}`, ACCEPT);
    if (res.status !== 200) return this.failed(res, where);
    const data = await this.readBounded(res, max, where);
    const digest = digestOf(data);
    if (isDigest(reference) && reference.startsWith('sha256:') && digest !== reference)
      throw new ImageInputError(this.source, `digest mismatch: content is ${shortDigest(digest)}`, where);
    return { data, mediaType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim(), digest };
  }

  whereOf(desc: Descriptor): string {
    return `blob ${shortDigest(desc.digest)}`;
  }

  async readManifest(desc: Descriptor, max: number, where: string): Promise<Buffer> {
    const { data } = await this.fetchManifest(desc.digest, max);
    verifyContent(this.source, desc, data, where);
    return data;
  }

  async readBlob(desc: Descriptor, max: number, where: string): Promise<Buffer> {
    if (desc.size > max)
      throw new ImageInputError(this.source, `${desc.size} bytes is more than the limit of ${max}`, where);
    const res = await this.get(`/blobs/${desc.digest}`);
    if (res.status !== 200) return this.failed(res, where);
    const data = await this.readBounded(res, max, where);
    verifyContent(this.source, desc, data, where);
    return data;
  }

  async openBlob(desc: Descriptor, where: string): Promise<Readable> {
    const res = await this.get(`/blobs/${desc.digest}`);
    if (res.status !== 200 || !res.body) return this.failed(res, where);
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>, {
      highWaterMark: 1024 * 1024,
    });
  }
}

/** Reads an image's manifest and config from a registry; its layers stream from the registry on demand. */
export async function resolveRegistry(source: string, options: OpenOptions): Promise<ResolvedImage> {
  const ref = parseRegistryRef(source);
  const client = new RegistryClient(source, ref, options);
  const { limits } = options;
  const top = await client.fetchManifest(ref.reference, limits.maxJsonBytes);
  const where = `manifest ${ref.reference}`;
  const doc = readManifestOrIndex(parseJson(top.data, source, where), source, where, top.mediaType);
  const chosen = await chooseManifest(client, doc, top.digest, options.platform ?? null, limits.maxJsonBytes);
  const parts = await readManifestParts(client, chosen.manifest, limits.maxJsonBytes, limits.maxLayers);
  const name = `${ref.host}/${ref.repository}`;
  return {
    source,
    kind: 'registry',
    tags: isDigest(ref.reference) ? [] : [`${name}:${ref.reference}`],
    reference: isDigest(ref.reference) ? `${name}@${ref.reference}` : `${name}:${ref.reference}`,
    manifestDigest: chosen.manifestDigest,
    configDigest: parts.configDigest,
    platforms: chosen.platforms,
    config: parts.config,
    layers: parts.layers,
    close: async () => {},
  };
}
