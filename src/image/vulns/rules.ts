/** Metadata of the vulnerability findings (DA8xxx), for reporters, SARIF rule tables and docs. */
import type { RuleMeta } from '../../core/rule.js';

const references = ['https://ossf.github.io/osv-schema/', 'https://www.first.org/cvss/'];

export const VULNERABLE_PACKAGE: RuleMeta = {
  id: 'vulnerable-package',
  code: 'DA8001',
  aliases: [],
  severity: 'error',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'A package in the image has a known vulnerability that a newer version fixes.',
    rationale:
      'Scanning images for known vulnerabilities (as Trivy, Anchore, Clair and Docker Scout do) catches packages that need an upgrade before the image ships. The finding names the fixed version, the layer and the file that installed the package.',
    bad: 'FROM debian:12.1\nRUN apt-get update && apt-get install -y openssl=3.0.9-1',
    good: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get install -y openssl',
    references,
  },
  messages: {
    default: '{package} {installed} is affected by {id} ({level}){aliasText}: fixed in {fixed}',
  },
};

export const VULNERABLE_PACKAGE_UNFIXED: RuleMeta = {
  id: 'vulnerable-package-unfixed',
  code: 'DA8002',
  aliases: [],
  severity: 'warning',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'A package in the image has a known vulnerability with no fixed version yet.',
    rationale:
      'No upgrade removes it yet; decide whether the package is needed at all, whether a smaller base (distroless, slim) leaves it out, or record the accepted risk in an ignore file with an expiry date.',
    bad: 'FROM debian:12\nRUN apt-get install -y imagemagick',
    good: 'FROM gcr.io/distroless/base-debian12',
    references,
  },
  messages: {
    default: '{package} {installed} is affected by {id} ({level}){aliasText}: no fixed version yet',
  },
};

export const VULNERABILITY_DB_STALE: RuleMeta = {
  id: 'vulnerability-db-stale',
  code: 'DA8003',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  target: 'image',
  docs: {
    summary: 'The local vulnerability database is older than the allowed age.',
    rationale:
      'Advisories are published every day; an old database misses them and reports an image as cleaner than it is.',
    bad: 'dockaudit image app.tar   # database fetched months ago',
    good: 'dockaudit db update && dockaudit image app.tar',
  },
  messages: {
    default: 'the vulnerability database was last updated {age} days ago; run `dockaudit db update`',
  },
};

export const VULNERABILITY_DB_MISSING_ECOSYSTEM: RuleMeta = {
  id: 'vulnerability-db-missing-ecosystem',
  code: 'DA8004',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  target: 'image',
  docs: {
    summary: 'Packages of the image were not checked because the database lacks their ecosystem.',
    rationale: 'A scan is only as complete as its database: name the archives the image needs.',
    bad: 'dockaudit db update --ecosystem PyPI   # image is Debian-based',
    good: 'dockaudit db update --ecosystem Debian --ecosystem PyPI',
  },
  messages: { default: '{count} packages were not checked: the database has no {archives} advisories' },
};

export const VULNERABILITY_RULES: readonly RuleMeta[] = [
  VULNERABLE_PACKAGE,
  VULNERABLE_PACKAGE_UNFIXED,
  VULNERABILITY_DB_STALE,
  VULNERABILITY_DB_MISSING_ECOSYSTEM,
];
