/** What --verify measures for each image, and its report. */

export interface ImageFacts {
  /** Image reference built (deleted after the run). */
  tag: string;
  /** On-disk size of the image (Docker Engine `Size`, buildah's image size). */
  size: number;
  layers: number;
  /** Configured user ('' for root by default). */
  user: string;
  ports: string[];
  /** HEALTHCHECK test of the image (`["CMD", …]`), if any. */
  healthcheck: string[] | null;
  /** Smoke check result: true passed, false failed, null not run. */
  smoke: boolean | null;
  smokeDetail: string;
}

export interface BuildFailure {
  which: 'original' | 'optimized';
  message: string;
  logTail: string[];
}

export interface VerifyReport {
  engine: string;
  original: ImageFacts | null;
  optimized: ImageFacts | null;
  expectedBytes: number | null;
  /** Expected saving when the absolute size is not known (see SizeEstimate.savingBytes). */
  expectedSavingBytes: number | null;
  /** The optimized Dockerfile's `# syntax=` line was left out for the build. */
  syntaxStripped: boolean;
  failure: BuildFailure | null;
}

/** A file to put into a build context (path relative to the context root). */
export interface ContextFile {
  path: string;
  data: Buffer;
  mode: number;
}

/** A build engine: builds a context, describes the image, runs a smoke check, removes the image. */
export interface BuildEngine {
  readonly name: string;
  build(
    context: ContextFile[],
    dockerfile: string,
    tag: string,
  ): Promise<{ ok: true } | { ok: false; message: string; log: string[] }>;
  inspect(tag: string): Promise<Omit<ImageFacts, 'smoke' | 'smokeDetail' | 'tag'>>;
  /** Starts the image's command, then runs `check` in it until it passes or the time is up. */
  smoke(tag: string, check: string[], seconds: number): Promise<{ ok: boolean; detail: string }>;
  remove(tag: string): Promise<void>;
}
