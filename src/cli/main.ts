#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { defineAudit } from './audit.js';
import { defineBaseline } from './baseline.js';
import { UsageError } from './common.js';
import { defineCompose } from './compose.js';
import { defineContext } from './context.js';
import { defineDb } from './db.js';
import { defineFix } from './fix.js';
import { defineImage } from './image.js';
import { defineLint } from './lint.js';
import { defineOptimize } from './optimize.js';
import { defineSbom } from './sbom.js';

const program = new Command();
program
  .name('dockaudit')
  .description(
    'Audit, fix and optimize container builds: Dockerfiles, build contexts, compose files and images.',
  )
  .version(VERSION, '-v, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

defineLint(program);
defineCompose(program);
defineFix(program);
defineContext(program);
defineOptimize(program);
defineBaseline(program);
defineAudit(program);
defineImage(program);
defineSbom(program);
defineDb(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end with code 0; every other commander error is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError) {
    process.stderr.write(`dockaudit: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `dockaudit: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  }
}
