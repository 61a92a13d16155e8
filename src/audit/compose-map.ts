/** Which compose service a compose finding points into, by position (its file and line). */
import { type ComposeProject, fileAt } from '../compose/model.js';
import type { Finding } from '../core/finding.js';

interface ServiceRange {
  service: string;
  file: string;
  first: number;
  last: number;
}

/** Maps findings of compose files to the names of the services they point into (null: not in a service). */
export class ServiceLocator {
  private readonly ranges: ServiceRange[] = [];

  constructor(projects: readonly ComposeProject[]) {
    for (const project of projects)
      for (const service of project.allServices.values()) {
        const file = fileAt(project, service.keySpan.start);
        if (!file) continue;
        const end = Math.max(service.keySpan.end, service.node.span.end) - file.base;
        const start = service.keySpan.start - file.base;
        if (end > file.text.length) continue;
        this.ranges.push({
          service: service.name,
          file: file.path,
          first: file.lines.lineOf(start) + 1,
          last: file.lines.lineOf(Math.max(start, end - 1)) + 1,
        });
      }
  }

  serviceOf(finding: Pick<Finding, 'file' | 'line'>): string | null {
    let best: ServiceRange | null = null;
    for (const r of this.ranges)
      if (r.file === finding.file && finding.line >= r.first && finding.line <= r.last)
        if (!best || r.last - r.first < best.last - best.first) best = r;
    return best?.service ?? null;
  }
}
