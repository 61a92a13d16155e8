import type { Command } from 'commander';
import { UsageError, writeStdout } from './common.js';

export const SBOM_FORMATS = ['cyclonedx', 'spdx'] as const;

interface SbomCommandOptions {
  platform?: string;
  insecure?: boolean;
  format?: string;
  output?: string;
  name?: string;
  vulns?: boolean;
  db?: string;
}

/** `dockaudit sbom <target>`: the packages of an image or a root filesystem as CycloneDX 1.6 or SPDX 2.3 JSON. */
export function defineSbom(program: Command): void {
  program
    .command('sbom')
    .description(
      'software bill of materials of an image or a root filesystem (CycloneDX 1.6 or SPDX 2.3 JSON)',
    )
    .argument('<target>', 'an image (as `dockaudit image` reads it) or a folder holding a root filesystem')
    .option('--platform <os/arch>', 'platform to read from a multi-platform image')
    .option('--insecure', 'allow plain HTTP to a registry on a loopback address')
    .option('-f, --format <format>', `cyclonedx (CycloneDX 1.6 JSON) or spdx (SPDX 2.3 JSON)`, 'cyclonedx')
    .option('-o, --output <file>', 'write the document to a file (atomically) instead of stdout')
    .option('--name <name>', 'name of the described subject (default: the target as given)')
    .option('--vulns', 'add the known vulnerabilities from the local database (CycloneDX only)')
    .option(
      '--db <dir>',
      'vulnerability database folder (default: $DOCKAUDIT_DB_DIR or ~/.cache/dockaudit/db)',
    )
    .action(async (target: string, options: SbomCommandOptions) => {
      process.exitCode = await runSbom(target, options);
    });
}

export async function runSbom(target: string, options: SbomCommandOptions): Promise<number> {
  const format = (options.format ?? 'cyclonedx').replace(/-json$/, '');
  if (!(SBOM_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown SBOM format "${options.format}"; use ${SBOM_FORMATS.join(' or ')}`);
  const { stat } = await import('node:fs/promises');
  const info = await stat(target).catch(() => null);
  const [{ runOnFolder }, { createInventoryAnalyzer }, { VERSION }] = await Promise.all([
    import('../image/packages/drive.js'),
    import('../image/packages/inventory.js'),
    import('../version.js'),
  ]);
  // An OCI layout folder is an image; any other folder is a root filesystem.
  const isLayout = info?.isDirectory() && (await stat(`${target}/oci-layout`).catch(() => null)) !== null;
  let inventory: import('../image/packages/model.js').Inventory;
  let digest: string | undefined;
  if (info?.isDirectory() && !isLayout) inventory = await runOnFolder(createInventoryAnalyzer(), target);
  else {
    const [{ readImage }, { isImageInputError }] = await Promise.all([
      import('../image/read.js'),
      import('../image/errors.js'),
    ]);
    const analyzer = createInventoryAnalyzer();
    try {
      const model = await readImage(target, {
        analyzers: [analyzer as import('../image/analyzer.js').Analyzer<unknown>],
        ...(options.platform ? { platform: options.platform } : {}),
        insecure: options.insecure === true,
      });
      inventory = model.results.get(analyzer as never) as import('../image/packages/model.js').Inventory;
      digest = model.manifestDigest ?? model.configDigest ?? undefined;
    } catch (error) {
      if (isImageInputError(error)) {
        process.stderr.write(`dockaudit: ${error.source}: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  for (const problem of inventory.problems)
    process.stderr.write(`dockaudit: ${target}/${problem.path}: ${problem.message}\n`);
  const subject: import('../sbom/subject.js').SbomSubject = {
    name: options.name ?? target,
    digest,
    inventory,
  };
  if (options.vulns) {
    if (format !== 'cyclonedx')
      throw new UsageError('--vulns needs --format cyclonedx (SPDX 2.3 has no place for them)');
    const [{ VulnDb, defaultDbDir }, { scanImagePackages }] = await Promise.all([
      import('../image/vulns/db/store.js'),
      import('../image/vulns/scan.js'),
    ]);
    const dir = options.db ?? defaultDbDir();
    const db = await VulnDb.open(dir);
    if (db.isEmpty())
      throw new UsageError(`no vulnerability database in ${dir}: run \`dockaudit db update\` first`);
    subject.vulnerabilities = (await scanImagePackages(inventory, db)).vulnerabilities;
  }
  const text =
    format === 'spdx'
      ? (await import('../sbom/spdx.js')).renderSpdx(subject, { toolVersion: VERSION })
      : await (await import('../sbom/cyclonedx.js')).renderCycloneDx(subject, { toolVersion: VERSION });
  if (options.output) {
    const { writeFileAtomic } = await import('../core/fs.js');
    await writeFileAtomic(options.output, text);
  } else await writeStdout(text);
  return 0;
}
