/**
 * Maven version ordering (Maven's "Version Order Specification", as ComparableVersion implements it):
 * tokens split at `.`, `-` and digit/letter transitions; numbers compare numerically; qualifiers
 * alpha < beta < milestone < rc < snapshot < (release: "", ga, final) < sp < any other (alphabetical);
 * trailing "null" tokens (0, release qualifiers) do not count; a `-` opens a nested list.
 */

type Item =
  | { kind: 'int'; value: bigint }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = QUALIFIERS.indexOf('');

function stringItem(text: string, followedByDigit: boolean): Item {
  let value = text;
  if (followedByDigit && value.length === 1) {
    if (value === 'a') value = 'alpha';
    else if (value === 'b') value = 'beta';
    else if (value === 'm') value = 'milestone';
  }
  return { kind: 'string', value: ALIASES[value] ?? value };
}

function parseItem(isDigit: boolean, text: string): Item {
  return isDigit ? { kind: 'int', value: BigInt(text) } : stringItem(text, false);
}

function isNull(item: Item): boolean {
  if (item.kind === 'int') return item.value === 0n;
  if (item.kind === 'string') return qualifierRank(item.value) === qualifierRank('');
  return item.items.length === 0;
}

/** Drops trailing null items (and null items before a nested list), as Maven normalizes each list. */
function normalize(list: Item & { kind: 'list' }): void {
  for (let i = list.items.length - 1; i >= 0; i--) {
    const item = list.items[i]!;
    if (isNull(item)) list.items.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
}

export function parseMavenVersion(version: string): Item {
  const text = version.toLowerCase();
  const root: Item & { kind: 'list' } = { kind: 'list', items: [] };
  let list = root;
  const stack = [root];
  let isDigit = false;
  let start = 0;
  const push = () => {
    const next: Item & { kind: 'list' } = { kind: 'list', items: [] };
    list.items.push(next);
    list = next;
    stack.push(next);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.' || c === '-') {
      list.items.push(i === start ? { kind: 'int', value: 0n } : parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
      if (c === '-') push();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.items.push(stringItem(text.slice(start, i), true));
        start = i;
        push();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.items.push(parseItem(true, text.slice(start, i)));
        start = i;
        push();
      }
      isDigit = false;
    }
  }
  if (text.length > start) list.items.push(parseItem(isDigit, text.slice(start)));
  while (stack.length > 0) normalize(stack.pop()!);
  return root;
}

function qualifierRank(value: string): string {
  const index = QUALIFIERS.indexOf(value);
  return index === -1 ? `${QUALIFIERS.length}-${value}` : String(index);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an item with another item, or with "nothing" (null) when one version is shorter. */
function compareItems(a: Item, b: Item | null): number {
  if (a.kind === 'int') {
    if (b === null) return a.value === 0n ? 0 : 1;
    if (b.kind === 'int') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return 1;
  }
  if (a.kind === 'string') {
    if (b === null) return compareStrings(qualifierRank(a.value), String(RELEASE_INDEX));
    if (b.kind === 'string') return compareStrings(qualifierRank(a.value), qualifierRank(b.value));
    return -1;
  }
  if (b === null) return a.items.length === 0 ? 0 : compareItems(a.items[0]!, null);
  if (b.kind === 'int') return -1;
  if (b.kind === 'string') return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const x = a.items[i] ?? null;
    const y = b.items[i] ?? null;
    const result = x === null ? (y === null ? 0 : -compareItems(y, null)) : compareItems(x, y);
    if (result !== 0) return result;
  }
  return 0;
}

export function compareMavenVersions(a: string, b: string): number {
  if (a.trim() === '' || b.trim() === '') throw new Error('invalid Maven version ""');
  return Math.sign(compareItems(parseMavenVersion(a.trim()), parseMavenVersion(b.trim())));
}
