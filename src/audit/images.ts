/**
 * Built images in the audit (`--image NAME=SOURCE`): each is read once by the image reader with the
 * package inventory, checked by the image rules and against the vulnerability database, and tied to the
 * Dockerfile it was built from (the target of the same name), so its findings name Dockerfile lines.
 */
import type { Config } from '../config/settings.js';
import type { Finding, InputError } from '../core/finding.js';
import type { RuleFailure } from '../engine/run-rules.js';
import type { MessageCatalog } from '../i18n/catalog.js';
import type { Analyzer } from '../image/analyzer.js';
import type { ImageModel } from '../image/model.js';
import type { Inventory } from '../image/packages/model.js';
import type { ImageVulnerabilityCheck } from '../image/vulns/check.js';
import type { VulnerabilityCliOptions } from '../image/vulns/options.js';

/** `NAME=SOURCE` as given on the command line. */
export interface ImageSpec {
  name: string;
  source: string;
}

export class ImageSpecError extends Error {}

/** Reads `NAME=SOURCE` (the source is anything the image reader accepts). */
export function parseImageSpec(text: string): ImageSpec {
  const eq = text.indexOf('=');
  const name = eq > 0 ? text.slice(0, eq).trim() : '';
  const source = eq > 0 ? text.slice(eq + 1).trim() : '';
  if (!name || !source)
    throw new ImageSpecError(
      `--image "${text}": write NAME=SOURCE, e.g. backend=backend.tar or backend=registry://localhost:5000/backend:1`,
    );
  return { name, source };
}

export interface ImageReadOptions {
  /** Vulnerability options as `dockaudit image` takes them (database folder, levels, ignore files). */
  vulnerabilities?: VulnerabilityCliOptions;
  platform?: string;
  insecure?: boolean;
  catalog?: MessageCatalog;
}

export interface ImageRun {
  spec: ImageSpec;
  /** The Dockerfile it was built from (root-relative), when an audited Dockerfile has its name. */
  dockerfile: string | null;
  model: ImageModel | null;
  /** Image-rule and vulnerability findings (on Dockerfile lines when the layer maps to one). */
  findings: Finding[];
  vulnerabilities: ImageVulnerabilityCheck['summary'] | null;
  /** Notes for people (no vulnerability database, expired ignore entries). */
  notes: string[];
}

/** Reads and checks one image; an unreadable image becomes an input error. */
export async function auditImage(
  spec: ImageSpec,
  dockerfile: { path: string; text: string } | null,
  config: Config,
  options: ImageReadOptions,
  errors: InputError[],
  failures: RuleFailure[],
): Promise<ImageRun> {
  const [{ readImage }, { lintImage }, { imageRules }, { isImageInputError }, inventoryModule, vulns] =
    await Promise.all([
      import('../image/read.js'),
      import('../image/lint.js'),
      import('../rules/image/index.js'),
      import('../image/errors.js'),
      import('../image/packages/inventory.js'),
      import('../image/vulns/check.js'),
    ]);
  const run: ImageRun = {
    spec,
    dockerfile: dockerfile?.path ?? null,
    model: null,
    findings: [],
    vulnerabilities: null,
    notes: [],
  };
  const inventory = inventoryModule.createInventoryAnalyzer();
  try {
    run.model = await readImage(spec.source, {
      ...(options.platform ? { platform: options.platform } : {}),
      insecure: options.insecure === true,
      ...(dockerfile ? { dockerfile } : {}),
      analyzers: [inventory as Analyzer<unknown>],
    });
  } catch (error) {
    if (!isImageInputError(error)) throw error;
    errors.push({ file: spec.source, message: `--image ${spec.name}: ${(error as Error).message}` });
    return run;
  }
  const model = run.model;
  run.findings = lintImage(model, {
    config,
    rules: imageRules,
    failures,
    ...(options.catalog ? { catalog: options.catalog } : {}),
  });
  const packages = model.results.get(inventory as Analyzer<unknown>) as Inventory | undefined;
  if (packages) {
    try {
      const check = await vulns.checkImageVulnerabilities(packages, {
        ...(options.vulnerabilities ?? {}),
        image: spec.source,
        locate: (layer) => model.layers[layer]?.instruction ?? null,
        ...(options.catalog ? { catalog: options.catalog } : {}),
      });
      run.vulnerabilities = check.summary;
      run.notes.push(...check.notes);
      const off = new Set(config.ignored);
      run.findings.push(...check.findings.filter((f) => !off.has(f.rule) && !off.has(f.code)));
    } catch (error) {
      if (!vulns.isVulnerabilityInputError(error)) throw error;
      errors.push({ file: spec.source, message: `--image ${spec.name}: ${(error as Error).message}` });
    }
  }
  return run;
}
