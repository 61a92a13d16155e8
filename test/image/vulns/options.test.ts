import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addVulnerabilityOptions } from '../../../src/image/vulns/cli-options.js';
import {
  parseThreshold,
  resolveScanOptions,
  type VulnerabilityCliOptions,
} from '../../../src/image/vulns/options.js';

function parse(args: string[]): VulnerabilityCliOptions {
  const cmd = addVulnerabilityOptions(new Command('image').exitOverride().argument('<source>'));
  cmd.parse(['node', 'image', 'app.tar', ...args]);
  return cmd.opts();
}

describe('vulnerability options', () => {
  it('declares Trivy-like options and resolves them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opts-'));
    const ignore = join(dir, '.trivyignore');
    writeFileSync(ignore, 'CVE-1\n');
    const options = parse([
      '--severity',
      'high,CRITICAL',
      '--severity',
      'medium',
      '--ignore-unfixed',
      '--ignorefile',
      ignore,
      '--vuln-threshold',
      'high',
      '--db',
      dir,
    ]);
    expect(options).toMatchObject({ db: dir, ignoreUnfixed: true, vulns: true, vulnThreshold: 'high' });
    const resolved = await resolveScanOptions(options, new Date(0));
    expect(resolved.severities).toEqual(['HIGH', 'CRITICAL', 'MEDIUM']);
    expect(resolved.ignore?.map((r) => r.id)).toEqual(['CVE-1']);
    expect(resolved.threshold).toBe('HIGH');
    expect(parse(['--no-vulns']).vulns).toBe(false);
    expect(parse([]).vulnThreshold).toBe('none');
  });

  it('rejects unknown levels and missing ignore files', async () => {
    expect(() => parseThreshold('severe')).toThrow(
      'unknown vulnerability threshold "severe"; use CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN or none',
    );
    await expect(resolveScanOptions({ ignorefile: ['/nonexistent/.trivyignore'] })).rejects.toThrow(
      /^\/nonexistent\/\.trivyignore: ENOENT/,
    );
  });
});
