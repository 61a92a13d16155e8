import { createRequire } from 'node:module';

/** RFC 3986 URI with a scheme (`https://example.com/x`, `mailto:a@b`). */
export function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  if (!/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(value)) return false;
  return !/%(?![0-9A-Fa-f]{2})/.test(value);
}

/** RFC 3339 date-time (`2024-05-01T12:00:00Z`, `2021-03-10T10:26:33.564595127+01:00`). */
export function isRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(
    value,
  );
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false;
  return true;
}

/** A short (7+) or full git commit hash (SHA-1, or SHA-256 for repositories that use it). */
export function isGitHash(value: string): boolean {
  return /^[0-9a-fA-F]{7,40}$/.test(value) || /^[0-9a-fA-F]{64}$/.test(value);
}

/** Semantic Versioning 2.0.0 (the grammar of semver.org, no leading `v`). */
export function isSemver(value: string): boolean {
  return /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/.test(
    value,
  );
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const DOMAIN = `(?:${DOT_ATOM}|\\[[^\\[\\]\\\\\\s]*\\])`;
const EMAIL = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@${DOMAIN}$`);

/** An RFC 5322 address (`addr-spec`: `local@domain`, no display name). */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

let spdx: { licenses: Set<string>; exceptions: Set<string> } | null = null;

function spdxLists(): { licenses: Set<string>; exceptions: Set<string> } {
  if (!spdx) {
    const require = createRequire(import.meta.url);
    const lower = (list: string[]) => new Set(list.map((s) => s.toLowerCase()));
    spdx = {
      licenses: lower([
        ...(require('spdx-license-ids') as string[]),
        ...(require('spdx-license-ids/deprecated') as string[]),
      ]),
      exceptions: lower(require('spdx-exceptions') as string[]),
    };
  }
  return spdx;
}

/**
 * An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-or-later WITH Classpath-exception-2.0`,
 * `LicenseRef-acme`), as the OCI `org.opencontainers.image.licenses` annotation expects.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g);
  if (!tokens) return false;
  const { licenses, exceptions } = spdxLists();
  let i = 0;
  const op = (name: string) => tokens[i]?.toUpperCase() === name;
  const license = (): boolean => {
    const t = tokens[i];
    if (t === undefined) return false;
    if (t === '(') {
      i++;
      if (!or() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    const id = t.endsWith('+') ? t.slice(0, -1) : t;
    const ok =
      licenses.has(id.toLowerCase()) || /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(t);
    if (!ok) return false;
    i++;
    if (op('WITH')) {
      i++;
      const e = tokens[i];
      if (!e || !exceptions.has(e.toLowerCase())) return false;
      i++;
    }
    return true;
  };
  const and = (): boolean => {
    if (!license()) return false;
    while (op('AND')) {
      i++;
      if (!license()) return false;
    }
    return true;
  };
  const or = (): boolean => {
    if (!and()) return false;
    while (op('OR')) {
      i++;
      if (!and()) return false;
    }
    return true;
  };
  return or() && i === tokens.length;
}
