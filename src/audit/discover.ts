/**
 * What an audit covers in a repository: every Dockerfile (all naming styles, through lint's discovery),
 * every compose project (through compose's discovery), and for each Dockerfile its build context — the
 * `build.context` of the compose services that build it, else its own folder. Paths are shown relative to
 * the audited folder.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { discoverComposeProjects } from '../compose/discover.js';
import { type ComposeProject, get, text } from '../compose/model.js';
import type { InputError } from '../core/finding.js';
import { discoverDockerfiles } from '../engine/lint-files.js';

/** A compose service, as the audit needs it. */
export interface AuditService {
  name: string;
  /** Display path of the project's first compose file. */
  project: string;
  /** `image:` as written (after interpolation), or null. */
  image: string | null;
  /** The Dockerfile it builds (absolute), or null (no build, inline or remote build). */
  dockerfile: string | null;
  /** Absolute build context, or null. */
  context: string | null;
}

/** One Dockerfile to audit, with the context it is built from. */
export interface AuditTarget {
  /** Unique image name: the first compose service that builds it, else derived from its path. */
  name: string;
  /** Path relative to the audited folder. */
  dockerfile: string;
  absDockerfile: string;
  /** Absolute build context folder. */
  context: string;
  /** Compose services that build this Dockerfile. */
  services: string[];
}

export interface Discovery {
  root: string;
  targets: AuditTarget[];
  /** Compose projects, each a list of files relative to the root (a compose file and its override). */
  composeProjects: string[][];
  errors: InputError[];
}

/** Finds Dockerfiles and compose projects under a folder (the folder must exist). */
export async function discoverRepository(dir: string): Promise<Discovery> {
  const root = resolve(dir);
  const errors: InputError[] = [];
  const dockerfiles = await discoverDockerfiles([root], root);
  errors.push(...dockerfiles.errors);
  const compose = await discoverComposeProjects(['.'], root);
  // A repository without compose files is normal for an audit: that is not an input error.
  if (compose.projects.length > 0) errors.push(...compose.errors);
  return {
    root,
    targets: dockerfiles.files.map((f) => {
      const abs = resolve(root, f);
      return { name: '', dockerfile: f, absDockerfile: abs, context: dirname(abs), services: [] };
    }),
    composeProjects: compose.projects,
    errors,
  };
}

/** The services of loaded compose projects. */
export function servicesOf(projects: readonly ComposeProject[]): AuditService[] {
  const out: AuditService[] = [];
  for (const p of projects)
    for (const s of p.services) {
      out.push({
        name: s.name,
        project: p.path,
        image: text(get(s.node, 'image')),
        dockerfile: s.build?.dockerfilePath ?? null,
        context: s.build?.contextDir ?? null,
      });
    }
  return out;
}

/**
 * Ties Dockerfiles to the services that build them: a service's build context replaces the folder of the
 * Dockerfile, and a Dockerfile that only compose names (outside the searched folders) is added. Names
 * are made unique.
 */
export function attachServices(discovery: Discovery, services: readonly AuditService[]): AuditTarget[] {
  const byPath = new Map(discovery.targets.map((t) => [t.absDockerfile, t]));
  const targets = [...discovery.targets];
  for (const s of services) {
    if (!s.dockerfile) continue;
    let target = byPath.get(s.dockerfile);
    if (!target) {
      target = {
        name: '',
        dockerfile: shownPath(discovery.root, s.dockerfile),
        absDockerfile: s.dockerfile,
        context: s.context ?? dirname(s.dockerfile),
        services: [],
      };
      byPath.set(s.dockerfile, target);
      targets.push(target);
    }
    if (target.services.length === 0 && s.context) target.context = s.context;
    if (!target.services.includes(s.name)) target.services.push(s.name);
  }
  const taken = new Set<string>();
  for (const t of targets) {
    const wanted = t.services[0] ?? imageNameOf(discovery.root, t.dockerfile);
    let name = wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}-${i}`;
    taken.add(name);
    t.name = name;
  }
  return targets;
}

/** A path relative to the root when inside it, else as absolute. */
export function shownPath(root: string, abs: string): string {
  const rel = relative(root, abs);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

/**
 * The name an image built from a Dockerfile gets when no compose service names it: its folder
 * (`backend/Dockerfile` → `backend`), with the Dockerfile's suffix (`Dockerfile.dev` → `backend-dev`,
 * `worker.Dockerfile` → `backend-worker`); the root folder's own name at the root.
 */
export function imageNameOf(root: string, dockerfile: string): string {
  const folder = dirname(dockerfile);
  const base = folder === '.' ? basename(root) : folder.split('/').join('-');
  const file = basename(dockerfile);
  const suffix =
    /^(?:dockerfile|containerfile)[._-](.+)$/i.exec(file)?.[1] ??
    /^(.+)\.(?:dockerfile|containerfile)$/i.exec(file)?.[1] ??
    '';
  const name = suffix ? `${base}-${suffix}` : base;
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'image';
}
