/** Expected size of the original and the optimized final image, from the base-image and package tables. */
import { lookupBaseImage } from '../data/base-images.js';
import { packageEstimate } from '../data/packages.js';
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { readSteps } from './steps.js';
import type { Detection, SizeEstimate, Synthesis } from './types.js';

const MB = 1_000_000;

export function formatBytes(bytes: number): string {
  if (bytes >= 1000 * MB) return `${(bytes / (1000 * MB)).toFixed(2)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} B`;
}

function packagesBytes(names: string[], basis: string[], label: string): number {
  let total = 0;
  const known: string[] = [];
  for (const n of names) {
    const e = packageEstimate(n);
    if (!e) continue;
    total += e.installedBytes;
    known.push(`${n} ${formatBytes(e.installedBytes)}`);
  }
  if (known.length > 0)
    basis.push(`${label}: ${known.join(', ')} (Debian bookworm Installed-Size with dependencies)`);
  return total;
}

/**
 * Estimates both final images. Unknown bases make the estimate unknown (null); packages missing from the
 * table count as zero and are named nowhere, so the estimate errs on the small side.
 */
export function estimateSizes(
  model: DockerfileAnalysis,
  detection: Detection,
  synthesis: Synthesis,
): SizeEstimate {
  const basis: string[] = [];
  const original = detection.base.image ? lookupBaseImage(detection.base.image) : null;
  const optimized = synthesis.runtimeBase ? lookupBaseImage(synthesis.runtimeBase) : null;
  const describe = (image: string, size: NonNullable<typeof original>) =>
    `${image}: ${formatBytes(size.bytes)}${size.match === 'family' ? ` (as ${size.entry.repository}:${size.entry.tag})` : ''}${size.estimatedFromCompressed ? ' (compressed size × 2.4)' : ''} — ${size.entry.source}, ${size.entry.date}`;
  if (original) basis.push(describe(detection.base.image!, original));
  if (optimized && synthesis.runtimeBase !== detection.base.image)
    basis.push(describe(synthesis.runtimeBase!, optimized));
  const steps = readSteps(model);
  const finalPackages = steps.flatMap((s) =>
    s.final && s.run?.kind === 'packages' ? s.run.packages.map((p) => p.name) : [],
  );
  const originalPkgs = packagesBytes(finalPackages, basis, 'original packages');
  const keptPkgs = packagesBytes(synthesis.runtimePackages, basis, 'optimized packages');
  const originalBytes = original ? original.bytes + originalPkgs : null;
  const optimizedBytes = optimized ? optimized.bytes + keptPkgs : null;
  let savingBytes: number | null = null;
  if (originalBytes !== null && optimizedBytes !== null)
    savingBytes = Math.max(0, originalBytes - optimizedBytes);
  else if (detection.base.image && detection.base.image === synthesis.runtimeBase && originalPkgs > 0)
    savingBytes = Math.max(0, originalPkgs - keptPkgs);
  return { originalBytes, optimizedBytes, savingBytes, basis };
}
