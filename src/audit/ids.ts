/**
 * Short ids of the report, as in a hand-written audit: each image's issues are numbered under a letter of
 * its name (B-1 for backend, F-1 for frontend); names that share a first letter take their initials
 * (frontend-agent → FA, frontend-h5 → FH). Letters used by the report's own lists (S security,
 * P performance, R risks) are never given to an image.
 */

const RESERVED = new Set(['S', 'P', 'R']);

function parts(name: string): string[] {
  return name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function initials(name: string): string {
  const p = parts(name);
  if (p.length > 1) return p.map((w) => w[0]).join('');
  const word = p[0] ?? 'X';
  return word.slice(0, 2);
}

/** A unique prefix per name, in the order given. */
export function issuePrefixes(names: readonly string[]): string[] {
  const first = names.map((n) => (parts(n)[0] ?? 'X')[0]!);
  const count = new Map<string, number>();
  for (const f of first) count.set(f, (count.get(f) ?? 0) + 1);
  const taken = new Set<string>();
  return names.map((name, i) => {
    const letter = first[i]!;
    const wanted =
      count.get(letter) === 1 && !RESERVED.has(letter) && !/\d/.test(letter) ? letter : initials(name);
    let prefix = RESERVED.has(wanted) || /^\d/.test(wanted) ? `I${wanted}` : wanted;
    for (let n = 2; taken.has(prefix); n++) prefix = `${wanted}${n}`;
    taken.add(prefix);
    return prefix;
  });
}

/** Anchor ids (`image-backend`) unique in a document. */
export function anchorIds(names: readonly string[], stem: string): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'x';
    let id = `${stem}-${slug}`;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${slug}-${n}`;
    taken.add(id);
    return id;
  });
}
