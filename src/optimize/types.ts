/** Types of the optimizer: what was detected, what is written, and why. */
import type { Finding } from '../core/finding.js';
import type { Lang } from '../i18n/catalog.js';
import type { ChangeKey, CommentKey, ReasonKey } from './catalog.js';

export type StackKind = 'python' | 'node-static' | 'node-server' | 'go' | 'java' | 'generic';

export interface BaseFacts {
  /** Final stage's root image as written (after ARG substitution), or null (scratch / unknown). */
  image: string | null;
  /** Official image family name (`python`, `node`, `nginx`…) or null for other images. */
  family: string | null;
  version: string | null;
  libc: 'glibc' | 'musl' | 'unknown';
  /** The apt/apk world the image lives in (for package commands). */
  packager: 'apt' | 'apk' | 'none' | 'unknown';
}

export interface PythonFacts {
  manager: 'pip' | 'poetry' | 'uv' | 'pipenv';
  /** Files to copy before the source, in order (only those present in the context, or named by the Dockerfile). */
  manifests: string[];
  /** WSGI/ASGI application (`app.main:app`), when known. */
  app: string | null;
  server: 'uvicorn' | 'gunicorn' | 'flask' | 'django' | 'other' | null;
  /** Dependencies mention gunicorn / uvicorn. */
  hasGunicorn: boolean;
  hasUvicorn: boolean;
  /** Health route found in the sources (`/health`, `/healthz`…). */
  healthPath: string | null;
}

export interface NodeFacts {
  manager: 'npm' | 'pnpm' | 'yarn';
  lockfile: string | null;
  manifests: string[];
  /** package.json has a build script. */
  buildScript: boolean;
  /** Build output folder served by nginx (dist, build…). */
  outputDir: string | null;
  /** Own nginx configuration files copied by the Dockerfile (context paths → image paths). */
  nginxConfigs: { source: string; destination: string }[];
  /** The command that starts a Node server (package start script or the Dockerfile's CMD). */
  start: string[] | null;
}

export interface GoFacts {
  /** Package path given to `go build` (`.`, `./cmd/api`). */
  mainPackage: string;
  cgo: boolean;
}

export interface JavaFacts {
  tool: 'maven' | 'gradle';
  wrapper: boolean;
  javaVersion: string | null;
}

export interface Detection {
  stack: StackKind;
  /** Short facts that decided the stack, for the explanation. */
  evidence: string[];
  base: BaseFacts;
  /** Port the application listens on (EXPOSE of the final stage, or a --port/--bind in its command). */
  port: number | null;
  python: PythonFacts | null;
  node: NodeFacts | null;
  go: GoFacts | null;
  java: JavaFacts | null;
}

/** One instruction of the optimized Dockerfile. */
export interface OutInstruction {
  text: string;
  /** A comment written above it (localized). */
  comment: CommentKey | null;
  commentData?: Record<string, string | number>;
}

export interface OutStage {
  from: string;
  alias: string | null;
  body: OutInstruction[];
}

export interface Gain {
  /** Estimated bytes saved in the final image (on disk). */
  sizeBytes?: number;
  rebuild?: boolean;
  security?: boolean;
  reliability?: boolean;
}

/** A change the optimizer made, with its reason. */
export interface Change {
  key: ChangeKey;
  data?: Record<string, string | number>;
  /** Rule id (or code) the change answers, when one exists. */
  rule: string | null;
  /** Where the practice is described (seed documents, Docker docs). */
  practice: string;
  gain: Gain;
}

/** What happened to one instruction of the original Dockerfile. */
export interface Disposition {
  line: number;
  keyword: string;
  text: string;
  action: 'kept' | 'changed' | 'moved' | 'removed';
  reason: ReasonKey;
  data?: Record<string, string | number>;
  /** The output stage it went to (alias or `runtime`). */
  stage: string | null;
}

export interface ExtraFile {
  /** Context-relative path. */
  path: string;
  text: string;
  reason: ReasonKey;
}

export interface SizeEstimate {
  originalBytes: number | null;
  optimizedBytes: number | null;
  /**
   * Expected saving: the difference of both sizes, or (same base image, size unknown) the packages the
   * final image no longer installs — an upper bound, as the packages' dependencies overlap.
   */
  savingBytes: number | null;
  /** Each term of the estimate, for the explanation. */
  basis: string[];
}

export interface OptimizeResult {
  file: string;
  detection: Detection;
  stages: OutStage[];
  /** Rendered optimized Dockerfile. */
  dockerfile: string;
  changes: Change[];
  dispositions: Disposition[];
  extraFiles: ExtraFile[];
  /** Proposed .dockerignore text (null when the context is unknown). */
  dockerignore: string | null;
  dockerignoreExists: boolean;
  estimate: SizeEstimate;
  /** Findings of the optimized Dockerfile (what is left). */
  remaining: Finding[];
  lang: Lang;
}

/** What a synthesizer produces before post-processing. */
export interface Synthesis {
  stages: OutStage[];
  changes: Change[];
  dispositions: Disposition[];
  extraFiles: ExtraFile[];
  /** Packages (apt/apk names) the final image no longer installs, for the size estimate. */
  droppedPackages: string[];
  /** Packages the optimized final image installs. */
  runtimePackages: string[];
  /** Base image of the final stage (for the size estimate). */
  runtimeBase: string | null;
  /** Generic fallback: the original text with the rules' safe fixes (no stages are written). */
  fixedText?: string;
}
