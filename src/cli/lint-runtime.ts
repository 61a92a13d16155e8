/**
 * What `dockaudit lint` loads once it runs, as one module: a single lazy import where there were three
 * (each lazily imported module is one more file to resolve and read on every start).
 */
export { ConfigError, ConfigResolver } from '../config/load.js';
export { discoverDockerfiles, lintSources, readSources } from '../engine/lint-files.js';
export { dockerfileRules } from '../rules/dockerfile/index.js';
