/**
 * Section 1: every image of the repository — built from a Dockerfile here, or run by a compose service
 * from a published image — with its base, whether it is multi-stage, and its size: measured when the
 * built image was given, estimated from the base-image and package tables otherwise.
 */
import { parseImageRef } from '../core/image-ref.js';
import { shownPath } from './discover.js';
import type { DockerfileFacts } from './dockerfile-facts.js';
import type { Translate } from './i18n/index.js';
import type { AuditRun, TargetRun } from './run.js';
import type { ImageSection, Inventory, InventoryRow, MeasuredImage, SizeFigure } from './types.js';

export interface InventoryInput {
  run: AuditRun;
  byTarget: ReadonlyMap<TargetRun, ImageSection>;
  factsOf: ReadonlyMap<TargetRun, DockerfileFacts>;
  /** Estimated size of an image built from a Dockerfile (null when the estimator cannot tell). */
  estimateBuilt: (target: TargetRun) => SizeFigure | null;
  /** Estimated size of a published image (null when unknown). */
  estimateImage: (reference: string) => SizeFigure | null;
  /** Images measured with --image, by name. */
  measured: ReadonlyMap<string, MeasuredImage>;
  t: Translate;
}

export function buildInventory(input: InventoryInput): Inventory {
  const { run, t } = input;
  const unknown: SizeFigure = { bytes: null, basis: 'unknown', detail: [] };
  const rows: InventoryRow[] = [];
  const measuredFigure = (m: MeasuredImage): SizeFigure => ({
    bytes: m.bytes,
    basis: 'measured',
    detail: [t('size.measured', { source: m.source })],
  });
  for (const target of run.targets) {
    const facts = input.factsOf.get(target) ?? null;
    const base = facts?.base ?? null;
    const measured = input.measured.get(target.target.name);
    rows.push({
      name: target.target.name,
      kind: 'build',
      dockerfile: target.target.dockerfile,
      context: shownPath(run.root, target.target.context),
      services: target.target.services,
      base,
      official: base !== null && parseImageRef(base)?.official === true,
      multiStage: facts ? facts.stages > 1 : null,
      stages: facts?.stages ?? null,
      size: measured ? measuredFigure(measured) : (input.estimateBuilt(target) ?? unknown),
      section: input.byTarget.get(target)?.id ?? null,
    });
  }
  for (const service of run.services) {
    if (service.dockerfile || service.image === null) continue;
    const ref = parseImageRef(service.image);
    const measured = input.measured.get(service.name);
    rows.push({
      name: service.name,
      kind: 'service-image',
      dockerfile: null,
      context: null,
      services: [service.name],
      base: service.image,
      official: ref?.official === true,
      multiStage: null,
      stages: null,
      size: measured ? measuredFigure(measured) : (input.estimateImage(service.image) ?? unknown),
      section: null,
    });
  }
  for (const [name, m] of input.measured)
    if (!rows.some((r) => r.name === name))
      rows.push({
        name,
        kind: 'image',
        dockerfile: null,
        context: null,
        services: [],
        base: null,
        official: false,
        multiStage: null,
        stages: null,
        size: measuredFigure(m),
        section: null,
      });
  const known = rows.filter((r) => r.size.bytes !== null);
  const bases = new Set(known.map((r) => r.size.basis));
  return {
    rows,
    totalBytes: known.length > 0 ? known.reduce((n, r) => n + r.size.bytes!, 0) : null,
    totalBasis: bases.size === 0 ? 'unknown' : bases.size === 1 ? [...bases][0]! : 'mixed',
  };
}
