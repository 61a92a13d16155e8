import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { CopyInstruction, Word } from '../../../dockerfile/model.js';
import { type SecretFileKind, secretFileKind } from '../../../secrets/index.js';
import { resolvePath, workdirAt } from './lineage.js';

/** Folders whose whole content is credentials. */
const SECRET_FOLDERS: Record<string, string> = {
  '.ssh': 'SSH keys folder',
  '.aws': 'AWS credentials folder',
  '.gnupg': 'GnuPG keyring folder',
  '.kube': 'Kubernetes credentials folder',
  '.docker': 'Docker registry credentials folder',
  '.azure': 'Azure CLI credentials folder',
};

/**
 * Every name the detector's file rules (and the folders above) can match contains one of these: a
 * cheap test before the rules themselves.
 */
const MAY_BE_SECRET =
  /id_|\.(?:ppk|pem|key|p8|p12|pfx|jks|keystore|kdbx|gpg|asc|json|tfstate|tfvars|backup|conf|ini|xml|properties|toml|gem)$|secring|private-keys|env|npmrc|yarnrc|pypirc|netrc|credentials|\.aws|\.azure|kube|\.ssh|\.docker|dockercfg|gnupg|history|htpasswd|pgpass|my\.cnf|vault/i;

/** What kind of secret a path is by name (file or credentials folder), or null. */
export function secretPathKind(path: string, content?: string): SecretFileKind | null {
  if (!MAY_BE_SECRET.test(path)) return null;
  const clean = path.replace(/\/+$/, '');
  const base = clean.slice(clean.lastIndexOf('/') + 1);
  const folder = SECRET_FOLDERS[base];
  if (folder) return { category: 'ssh', description: folder, evidence: 'certain' };
  if (base.includes('*') && !/\.[A-Za-z0-9]+$/.test(base)) return null;
  const kind = secretFileKind(clean, content);
  if (!kind || (kind.evidence !== 'likely' && kind.evidence !== 'certain')) return kind;
  // Dockerfiles copy many key-shaped files that are public: CA bundles, DH parameters, repository
  // signing keys and signatures (`*.gpg`, `*.asc`). Only the content could tell; the name says no.
  if (kind.category === 'private-key' && content === undefined) {
    if (/gnupg/i.test(kind.description)) return /secret|private|secring/i.test(base) ? kind : null;
    if (/ca\b|ca[-_.]|root|cert|crt|dhparam|chain|bundle|trust|pub/i.test(base)) return null;
  }
  // `meta.env`, `versions.env`: settings files named *.env, unlike a dotenv file, seldom hold secrets.
  if (kind.category === 'env-file' && !base.startsWith('.env')) return { ...kind, evidence: 'likely' };
  return kind;
}

/** `.env.example`, `settings.sample.xml`: a file meant to be copied as a template. */
export function isTemplateName(path: string): boolean {
  return /(?:^|[._-])(?:example|sample|template|dist|defaults?|tpl)(?:$|[._-])/i.test(
    path.split('/').pop() ?? '',
  );
}

/** A name that says "secret" even when no known kind matches (`secret.key`, `token.txt`). */
export function soundsSecret(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    secretPathKind(path) !== null ||
    /secret|token|credential|passw|private[-_.]?key|id_rsa|\.key$/i.test(base)
  );
}

export interface CopiedFile {
  /** Absolute paths the file may have in the image (`dest` itself, or `dest/<name>`). */
  candidates: string[];
  source: Word;
  copy: CopyInstruction;
}

/** Where each source of a COPY/ADD lands; null when a path cannot be resolved. */
export function copiedFiles(model: DockerfileAnalysis, copy: CopyInstruction): CopiedFile[] {
  if (!copy.destination) return [];
  const dest = model.expand(copy.destination, copy);
  const dir = workdirAt(model, copy);
  if (!dest.complete || dir === null) return [];
  const target = resolvePath(dir, dest.value);
  const intoFolder = dest.value.endsWith('/') || copy.sources.length > 1;
  const out: CopiedFile[] = [];
  for (const source of copy.sources) {
    if (source.value.startsWith('<<')) continue;
    const s = model.expand(source, copy);
    if (!s.complete) continue;
    const name = s.value.replace(/\/+$/, '').split('/').pop() ?? '';
    const inside = resolvePath(target, name);
    out.push({ candidates: intoFolder ? [inside] : [target, inside], source, copy });
  }
  return out;
}
