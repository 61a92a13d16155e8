/**
 * The audit model: plain data, the same for every output format, and the JSON output as is (field names
 * are stable; `docs/audit.md` documents them). Texts meant for people are already in the report's
 * language; next to each of them a stable key (`kind`, `topic`, `rule`, `change`) says what it is.
 */
import type { Category, FixSafety, InputError, Severity } from '../core/finding.js';
import type { Lang } from '../i18n/catalog.js';

export const AUDIT_SCHEMA = 'dockaudit/audit/v1';

/** How a size was obtained: read from a built image, estimated from tables, or not known. */
export type SizeBasis = 'measured' | 'estimated' | 'unknown';

export interface SizeFigure {
  /** Bytes on disk (uncompressed), null when unknown. */
  bytes: number | null;
  basis: SizeBasis;
  /** Each term of the estimate, or where the measurement came from (localized). */
  detail: string[];
}

export type Level = 'low' | 'medium' | 'high';

export interface InventoryRow {
  name: string;
  /** `build`: built from a Dockerfile here; `service-image`: a compose service running a published image; `image`: given with --image only. */
  kind: 'build' | 'service-image' | 'image';
  dockerfile: string | null;
  context: string | null;
  services: string[];
  /** The final stage's base image (or the service's image). */
  base: string | null;
  /** The base is a Docker Official Image. */
  official: boolean;
  multiStage: boolean | null;
  stages: number | null;
  size: SizeFigure;
  /** `id` of the image's section, when it has one. */
  section: string | null;
}

export interface Inventory {
  rows: InventoryRow[];
  totalBytes: number | null;
  /** `mixed`: some rows measured, some estimated; rows of unknown size are left out of the total. */
  totalBasis: SizeBasis | 'mixed';
}

/** One finding of an image's issue table, with its short id. */
export interface Issue {
  /** Short id in the report: B-1, F-2… */
  id: string;
  source: 'dockerfile' | 'context' | 'compose' | 'image' | 'vulnerability';
  file: string;
  line: number;
  column: number;
  rule: string;
  code: string;
  severity: Severity;
  category: Category;
  message: string;
  fixable: FixSafety | null;
  /** What to do about it (localized): the optimizer's change, an automatic fix, or the rule's advice. */
  optimization: string;
  /** How `optimization` was chosen. */
  remedy: 'optimized' | 'autofix' | 'autofix-unsafe' | 'dockerignore' | 'manual';
  docs: string | null;
}

export interface Fact {
  key: string;
  label: string;
  value: string;
}

export interface OptimizedChange {
  /** The optimizer's change key (`change.multiStage`…). */
  change: string;
  text: string;
  rule: string | null;
  practice: string;
  gain: string;
  sizeBytes: number | null;
  /** Issue ids this change answers. */
  issues: string[];
}

export interface OptimizedVersion {
  stack: string;
  dockerfile: string;
  changes: OptimizedChange[];
  before: SizeFigure;
  after: SizeFigure;
  /** Instructions of the original that were not kept as written: what became of each (localized). */
  instructions: {
    line: number;
    instruction: string;
    action: 'changed' | 'moved' | 'removed';
    outcome: string;
  }[];
  /** Findings the optimized Dockerfile still has. */
  remaining: { rule: string; severity: Severity; line: number; message: string }[];
  /** The command that writes it (`dockaudit optimize … --write`). */
  command: string;
  /** New files it needs (nginx configuration…). */
  extraFiles: { path: string; text: string }[];
}

export interface MeasuredImage {
  source: string;
  bytes: number;
  layers: number;
  user: string | null;
  wastedBytes: number;
  efficiency: number | null;
  vulnerabilities: Record<string, number> | null;
}

export interface ImageSection {
  /** Anchor id (`image-backend`). */
  id: string;
  /** `dockerfile`: built here; `compose`: findings of compose services that build nothing here; `image`: a built image given without its Dockerfile. */
  kind: 'dockerfile' | 'compose' | 'image';
  /** Short-id prefix of its issues (`B`). */
  prefix: string;
  /** Images this section covers (several when their Dockerfiles are identical). */
  names: string[];
  dockerfiles: string[];
  /** Build context folder, relative to the audited folder (null when it could not be read). */
  context: string | null;
  /** The Dockerfile as it is (null for an image given without a Dockerfile). */
  text: string | null;
  facts: Fact[];
  issues: Issue[];
  optimized: OptimizedVersion | null;
  /** Why there is no optimized version, when there is none (localized). */
  optimizedNote: string | null;
  /** Expected gains, one line each (localized). */
  gains: string[];
  measured: MeasuredImage | null;
}

export interface IgnoreProposalEntry {
  /** Path of the ignore file, relative to the audited folder. */
  path: string;
  scope: 'context' | 'service';
  /** Images whose build context it serves. */
  images: string[];
  exists: boolean;
  stacks: string[];
  text: string;
  /** Exceptions kept because a Dockerfile copies what a pattern would exclude. */
  kept: string[];
  /** Bytes the build context sends today, and what the proposal would leave out of them. */
  contextBytes: number | null;
  savedBytes: number | null;
  savedFiles: number | null;
}

export interface SizeRow {
  image: string;
  /** Stable key: an optimizer change key, `dockerignore`, or `waste`. */
  change: string;
  text: string;
  /** `image`: the final image; `context`: what each build sends. */
  target: 'image' | 'context';
  savingBytes: number | null;
  basis: SizeBasis;
  risk: Level;
  riskNote: string;
  issues: string[];
}

export interface SizeTable {
  rows: SizeRow[];
  /** Σ of the image rows whose saving is known. */
  imageSavingBytes: number;
  contextSavingBytes: number;
}

export interface SecurityIssue {
  /** S-1, S-2… */
  id: string;
  topic: 'root' | 'secrets' | 'vulnerabilities' | 'compose' | 'other';
  severity: Severity | null;
  title: string;
  status: 'problem' | 'ok' | 'not-checked';
  where: string[];
  /** Short ids of the image issues behind it. */
  issues: string[];
  fix: string;
}

export interface CiSnippet {
  system: 'github' | 'gitlab' | 'gitea';
  /** Where the file goes in the repository. */
  path: string;
  text: string;
}

export interface SecuritySection {
  issues: SecurityIssue[];
  rootContainers: { name: string; rule: string; file: string; line: number }[];
  secrets: { file: string; line: number | null; rule: string; message: string }[];
  vulnerabilities: {
    checked: boolean;
    images: { name: string; counts: Record<string, number> }[];
    note: string;
  };
  ci: CiSnippet[];
}

export interface PerformanceItem {
  /** P-1, P-2… */
  id: string;
  kind:
    | 'cache-mounts'
    | 'dependency-layers'
    | 'multi-stage'
    | 'context-size'
    | 'parallel-builds'
    | 'build-cache';
  title: string;
  /** Expected speed-up (localized, e.g. "3–5× faster dependency steps"). */
  effect: string;
  how: string;
  /** Language of `how`: a Dockerfile excerpt, shell commands, or an ignore file name. */
  howLang: 'dockerfile' | 'sh' | 'text';
  /** Images that already do it, and those that should. */
  done: string[];
  todo: string[];
  issues: string[];
}

export interface PlanItem {
  text: string;
  command: string | null;
  issues: string[];
}

export interface Plan {
  now: PlanItem[];
  nextWeek: PlanItem[];
  quarter: PlanItem[];
}

export interface Risk {
  /** */
  id: string;
  kind: string;
  risk: string;
  level: Level;
  mitigation: string;
  issues: string[];
}

/** A finding as in the finding contract (DESIGN §4), with the short id it has in the report. */
export interface AuditFinding {
  issue: string | null;
  image: string | null;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  code: string;
  aliases: string[];
  severity: Severity;
  category: Category;
  message: string;
  fixable?: FixSafety;
}

export interface AuditSummary {
  dockerfiles: number;
  composeFiles: number;
  services: number;
  images: number;
  measuredImages: number;
  findings: Record<Severity, number>;
  /** What the images weigh today and after the optimizations (estimates unless measured). */
  currentBytes: number | null;
  optimizedBytes: number | null;
}

export interface AuditReport {
  tool: 'dockaudit';
  version: string;
  schema: typeof AUDIT_SCHEMA;
  lang: Lang;
  /** Day of the audit (YYYY-MM-DD, UTC; SOURCE_DATE_EPOCH when set). */
  date: string;
  /** The audited folder as given. */
  root: string;
  summary: AuditSummary;
  inventory: Inventory;
  images: ImageSection[];
  dockerignore: IgnoreProposalEntry[];
  sizes: SizeTable;
  security: SecuritySection;
  performance: { items: PerformanceItem[] };
  plan: Plan;
  risks: Risk[];
  findings: AuditFinding[];
  errors: InputError[];
}

/** The eight sections, in report order (headings, anchors and the JSON keys that hold them). */
export const SECTIONS = [
  { id: 'inventory', key: 'inventory' },
  { id: 'images', key: 'images' },
  { id: 'dockerignore', key: 'dockerignore' },
  { id: 'sizes', key: 'sizes' },
  { id: 'security', key: 'security' },
  { id: 'performance', key: 'performance' },
  { id: 'plan', key: 'plan' },
  { id: 'risks', key: 'risks' },
] as const;
