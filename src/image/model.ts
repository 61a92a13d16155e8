import type { Analyzer } from './analyzer.js';
import type { Compression } from './decompress.js';
import type { DiveEfficiency } from './efficiency.js';
import type { FileFacts } from './facts.js';
import type { Anomaly } from './filesystem.js';
import type { HistoryStep } from './history.js';
import type { ImageConfig, Platform } from './oci.js';
import type { SecretFileFinding } from './secret-files.js';
import type { SourceKind } from './sources/types.js';
import type { LayerWaste, WasteSummary } from './waste.js';

/** Where a layer or a history step came from in a Dockerfile (set when one is given). */
export interface InstructionRef {
  file: string;
  /** 1-based region of the instruction (its first line). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  keyword: string;
  /** The instruction's first line, for display. */
  text: string;
}

export interface ImageLayer {
  index: number;
  digest: string | null;
  diffId: string | null;
  mediaType: string;
  compression: Compression;
  /** Bytes as stored (compressed for gzip/zstd layers). */
  storedBytes: number;
  /** Bytes of the uncompressed tar. */
  tarBytes: number;
  /** Sum of the sizes of the layer's entries (dive's layer size). */
  size: number;
  entries: number;
  added: number;
  addedBytes: number;
  changed: number;
  changedBytes: number;
  deleted: number;
  deletedBytes: number;
  /** The history step that produced the layer, when the history says. */
  step: HistoryStep | null;
  /** True for layers of the base image, false for the image's own, null when unknown. */
  base: boolean | null;
  waste: LayerWaste;
  instruction: InstructionRef | null;
}

export type BaseSource = 'dockerfile' | 'option' | 'history' | 'none';

export interface AnalyzerProblem {
  analyzer: string;
  message: string;
  layer: number | null;
  path: string | null;
}

export interface SkippedEntry {
  analyzer: string;
  path: string;
  layer: number;
  size: number;
}

/** Everything dockaudit knows about an image after one pass over its layers. Rules read this. */
export interface ImageModel {
  /** The source as the user named it (path, `-`, reference). */
  source: string;
  kind: SourceKind;
  tags: string[];
  reference: string | null;
  manifestDigest: string | null;
  configDigest: string | null;
  platform: Platform;
  platforms: Platform[];
  config: ImageConfig;
  history: HistoryStep[];
  layers: ImageLayer[];
  /** Σ layer sizes (dive's image size). */
  size: number;
  storedBytes: number;
  /** Bytes of the files of the final filesystem, and how many entries it has. */
  finalBytes: number;
  finalEntries: number;
  dive: DiveEfficiency;
  waste: WasteSummary;
  files: FileFacts;
  secretFiles: SecretFileFinding[];
  anomalies: Anomaly[];
  anomalyTotal: number;
  /** How many layers (from the bottom) belong to the base image, and how that was decided. */
  baseLayers: number | null;
  baseSource: BaseSource;
  /** Results of the analyzers passed to readImage, keyed by analyzer. */
  results: Map<Analyzer<unknown>, unknown>;
  analyzerProblems: AnalyzerProblem[];
  skipped: SkippedEntry[];
  /** The Dockerfile the layers were mapped to, when one was given. */
  dockerfile: { path: string; mapped: number } | null;
}

/** The result of one analyzer, typed by the analyzer (undefined when it failed). */
export function analyzerResult<R>(model: ImageModel, analyzer: Analyzer<R>): R | undefined {
  return model.results.get(analyzer as Analyzer<unknown>) as R | undefined;
}
