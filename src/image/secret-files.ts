import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from './analyzer.js';
import type { LayerFilesystem } from './filesystem.js';
import { secretFileKind } from './secrets.js';

/** A file holding a secret, in some layer; still extractable from that layer even when deleted later. */
export interface SecretFileFinding {
  path: string;
  layer: number;
  size: number;
  category: string;
  description: string;
  /** `certain` by name, `content` checked, `likely` by name but too large to check. */
  evidence: 'certain' | 'content' | 'likely';
  /** The layer that deleted or replaced the file; null when the final image still has it. */
  removedBy: number | null;
}

const MAX_CHECKED = 256 * 1024;

/** Finds secret files in every layer as they stream by (name first, content when the name is not enough). */
export class SecretFileAnalyzer implements Analyzer<SecretFileFinding[]> {
  readonly name = 'secret-files';
  readonly maxBytes = MAX_CHECKED;
  private readonly found: SecretFileFinding[] = [];

  constructor(private readonly fs: LayerFilesystem) {}

  wants(entry: LayerEntry, layer: LayerInfo): boolean {
    if (entry.type !== 'file' || entry.size === 0) return false;
    const kind = secretFileKind(entry.path);
    if (!kind) return false;
    if (kind.evidence === 'certain' || entry.size > MAX_CHECKED) {
      this.record(
        entry,
        layer,
        kind.category,
        kind.description,
        kind.evidence === 'certain' ? 'certain' : 'likely',
      );
      return false;
    }
    return true;
  }

  onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
    const kind = secretFileKind(entry.path, content.toString('utf8'));
    if (kind) this.record(entry, layer, kind.category, kind.description, kind.evidence);
  }

  private record(
    entry: LayerEntry,
    layer: LayerInfo,
    category: string,
    description: string,
    evidence: SecretFileFinding['evidence'],
  ): void {
    if (this.found.length >= 1000) return;
    this.found.push({
      path: `/${entry.path}`,
      layer: layer.index,
      size: entry.size,
      category,
      description,
      evidence,
      removedBy: null,
    });
  }

  finish(_view: ImageFilesystemView): SecretFileFinding[] {
    for (const f of this.found) {
      const node = this.fs.lookupAny(f.path.slice(1));
      if (!node) continue;
      if (!node.present) f.removedBy = node.removedIn >= 0 ? node.removedIn : null;
      else if (node.layer !== f.layer) f.removedBy = node.layer;
    }
    return this.found;
  }
}
