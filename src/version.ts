import { readFileSync } from 'node:fs';

declare const __DOCKAUDIT_VERSION__: string | undefined;

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The package version: injected by the bundler, read from package.json when running from sources. */
export const VERSION: string =
  typeof __DOCKAUDIT_VERSION__ === 'string' ? __DOCKAUDIT_VERSION__ : readPackageVersion();
