import type { TextEdit } from '../core/finding.js';

export interface AppliedEdits {
  text: string;
  applied: TextEdit[];
  /** Edits left out because they overlap an earlier one. */
  conflicting: TextEdit[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point conflict (their order would be arbitrary); touching ranges do not.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return (
    (a.start < b.end && b.start < a.end) ||
    (a.start === a.end && a.start > b.start && a.start < b.end) ||
    (b.start === b.end && b.start > a.start && b.start < a.end)
  );
}

/**
 * Applies a set of fixes, each a group of edits that must be applied together. Groups are taken in
 * order; a group that overlaps an already accepted edit is left out whole.
 */
export function applyEditGroups(
  text: string,
  groups: readonly (readonly TextEdit[])[],
): AppliedEdits & { acceptedGroups: number[] } {
  const accepted: TextEdit[] = [];
  const conflicting: TextEdit[] = [];
  const acceptedGroups: number[] = [];
  groups.forEach((group, index) => {
    if (
      group.some((e) => accepted.some((a) => overlaps(a, e)) || group.some((o) => o !== e && overlaps(o, e)))
    ) {
      conflicting.push(...group);
      return;
    }
    accepted.push(...group);
    acceptedGroups.push(index);
  });
  return { ...applySorted(text, accepted), conflicting, acceptedGroups };
}

/** Applies non-overlapping edits (overlapping ones are reported, not applied). */
export function applyEdits(text: string, edits: readonly TextEdit[]): AppliedEdits {
  return applyEditGroups(
    text,
    edits.map((e) => [e]),
  );
}

function applySorted(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += text.slice(at);
  return { text: out, applied: sorted };
}
