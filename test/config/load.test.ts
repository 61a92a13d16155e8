import { describe, expect, it } from 'vitest';
import {
  applyCli,
  applyConfigData,
  ConfigError,
  cliConfigFromEnv,
  parseConfigText,
} from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/settings.js';

describe('reading .hadolint.yaml as hadolint does', () => {
  it('maps every hadolint key', async () => {
    const data = await parseConfigText(
      [
        'ignored: [DL3008, SC2086]',
        'override:',
        '  error: [DL3001]',
        '  warning: [DL3042]',
        '  info: [DL3032]',
        '  style: [DL3015]',
        'failure-threshold: warning',
        'trustedRegistries: [docker.io, "*.gcr.io"]',
        'label-schema:',
        '  author: text',
        '  created: rfc3339',
        'strict-labels: true',
        'disable-ignore-pragma: true',
        'no-fail: true',
        'format: json',
        'no-color: true',
        'verbose: false',
      ].join('\n'),
      '/repo/.hadolint.yaml',
    );
    const config = applyConfigData(defaultConfig(), data);
    expect(config.ignored).toEqual(['DL3008', 'SC2086']);
    expect(config.severity).toEqual({ DL3001: 'error', DL3042: 'warning', DL3032: 'info', DL3015: 'style' });
    expect(config.failureThreshold).toBe('warning');
    expect(config.trustedRegistries).toEqual(['docker.io', '*.gcr.io']);
    expect(config.labelSchema).toEqual({ author: 'text', created: 'rfc3339' });
    expect(config.strictLabels).toBe(true);
    expect(config.disableIgnorePragma).toBe(true);
    expect(config.noFail).toBe(true);
  });

  it('accepts trustedRegistries as one string and failure-threshold ignore', async () => {
    const data = await parseConfigText(
      'trustedRegistries: my-company.com:5000\nfailure-threshold: ignore\n',
      '.hadolint.yml',
    );
    const config = applyConfigData(defaultConfig(), data);
    expect(config.trustedRegistries).toEqual(['my-company.com:5000']);
    expect(config.failureThreshold).toBe('style');
  });

  it('ignores keys hadolint does not know in hadolint files, rejects them in .dockaudit.yaml', async () => {
    await expect(parseConfigText('output-format: json\n', '/x/.hadolint.yaml')).resolves.toEqual({});
    await expect(parseConfigText('output-format: json\n', '/x/.dockaudit.yaml')).rejects.toBeInstanceOf(
      ConfigError,
    );
  });

  it('names the file and line of a bad value', async () => {
    const error = await parseConfigText(
      'ignored: []\nlabel-schema:\n  a: number\n',
      '/x/.hadolint.yaml',
    ).catch((e: ConfigError) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe('/x/.hadolint.yaml');
    expect((error as ConfigError).line).toBe(3);
    expect((error as ConfigError).message).toMatch(/unknown type "number" for label a/);
  });
});

describe('command line and environment', () => {
  it('command-line options add to the files; --require-label defaults to text', () => {
    const base = applyConfigData(defaultConfig(), { ignored: ['DL3000'], trustedRegistries: ['a.io'] });
    const config = applyCli(base, {
      ignore: ['DL3001'],
      trustedRegistry: ['b.io'],
      requireLabel: ['maintainer:email', 'team'],
      warning: ['DL3006'],
      strictLabels: true,
      failureThreshold: 'error',
    });
    expect(config.ignored).toEqual(['DL3000', 'DL3001']);
    expect(config.trustedRegistries).toEqual(['a.io', 'b.io']);
    expect(config.labelSchema).toEqual({ maintainer: 'email', team: 'text' });
    expect(config.severity.DL3006).toBe('warning');
    expect(config.strictLabels).toBe(true);
    expect(config.failureThreshold).toBe('error');
    expect(() => applyCli(base, { requireLabel: ['x:number'] })).toThrow(ConfigError);
  });

  it("reads hadolint's environment variables", () => {
    expect(
      cliConfigFromEnv({
        HADOLINT_IGNORE: 'DL3008, DL3009',
        HADOLINT_OVERRIDE_ERROR: 'DL3010',
        HADOLINT_TRUSTED_REGISTRIES: 'docker.io',
        HADOLINT_REQUIRE_LABELS: 'maintainer:text',
        HADOLINT_STRICT_LABELS: 'yes',
        HADOLINT_DISABLE_IGNORE_PRAGMA: '1',
        HADOLINT_NOFAIL: 'true',
        HADOLINT_FAILURE_THRESHOLD: 'warning',
      }),
    ).toMatchObject({
      ignore: ['DL3008', 'DL3009'],
      error: ['DL3010'],
      trustedRegistry: ['docker.io'],
      requireLabel: ['maintainer:text'],
      strictLabels: true,
      disableIgnorePragma: true,
      noFail: true,
      failureThreshold: 'warning',
    });
    expect(cliConfigFromEnv({ HADOLINT_NOFAIL: '0' }).noFail).toBeUndefined();
    expect(() => cliConfigFromEnv({ HADOLINT_FAILURE_THRESHOLD: 'bogus' })).toThrow(ConfigError);
  });
});
