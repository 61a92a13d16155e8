import { describe, expect, it } from 'vitest';
import { loadComposeProject } from '../../src/compose/load.js';
import type { MapNode, ScalarNode } from '../../src/compose/model.js';
import { literalValue, redactedSources, secretEvidence } from '../../src/compose/secrets.js';

describe('secretEvidence', () => {
  it('reports values of secret-named variables, passwords in URLs and connection strings, known tokens', () => {
    expect(secretEvidence('POSTGRES_PASSWORD', 'hunter2')).toMatchObject({
      kind: 'named',
      confidence: 'medium',
    });
    expect(secretEvidence('DATABASE_URL', 'postgres://app:pw1x@db/app')).toMatchObject({ kind: 'url' });
    expect(
      secretEvidence('DB_CONNECTION_STRING', 'Server=db;Database=app;User Id=sa;Password=pw1x;'),
    ).toMatchObject({ kind: 'connection-string' });
    expect(secretEvidence('MEMOS_DSN', 'user=memos password=m3mos dbname=memos')).toMatchObject({
      kind: 'connection-string',
    });
    const token = secretEvidence('CI_TOKEN', `ghp_${'a1B2c3D4e5F6'.repeat(3)}`);
    expect(token).toMatchObject({ kind: 'token', confidence: 'high' });
    expect(JSON.stringify(token)).not.toContain('a1B2c3D4e5F6');
  });

  it('does not report settings, files, references, placeholders and empty values', () => {
    for (const [name, value] of [
      ['POSTGRES_PASSWORD_FILE', '/run/secrets/db'],
      ['ORDERER_GENERAL_TLS_PRIVATEKEY', '/var/hyperledger/orderer/tls/server.key'],
      ['TOKEN_EXPIRY', '3600'],
      ['SECRET_LOCAL_HOSTNAME', '0.0.0.0'],
      ['MYSQL_RANDOM_ROOT_PASSWORD', 'yes'],
      ['API_TOKEN', '<your-token>'],
      ['API_TOKEN', '******'],
      ['DB_PASSWORD', ''],
      ['DATABASE_URL', 'postgres://app@db/app'],
      ['DSN', 'host=db password='],
    ])
      expect(secretEvidence(name!, value!)).toBeNull();
  });
});

describe('literalValue', () => {
  it('keeps what is written in the file and drops what variables bring', async () => {
    const compose =
      'services:\n  a:\n    image: x\n    environment:\n      A: ${PW}\n      B: ${PW:-fallback}\n      C: pre-${PW}\n';
    const { project } = await loadComposeProject(['compose.yaml'], {
      cwd: '/v',
      env: { PW: 'from-env' },
      texts: new Map([['/v/compose.yaml', compose]]),
      readText: () => Promise.reject(new Error('no')),
    });
    const env = project!.services[0]!.node.pairs.get('environment')!.value as MapNode;
    const literal = (k: string) => literalValue(env.pairs.get(k)!.value as ScalarNode);
    expect([literal('A'), literal('B'), literal('C')]).toEqual(['', 'fallback', 'pre-']);
  });
});

describe('redactedSources', () => {
  it('masks every secret value and keeps lengths and line breaks', async () => {
    const compose =
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "hunter2"\n      USER: app\n  api:\n    build:\n      context: .\n      args: [NPM_TOKEN=abc123]\n';
    const { project } = await loadComposeProject(['compose.yaml'], {
      cwd: '/v',
      env: {},
      texts: new Map([['/v/compose.yaml', compose]]),
      readText: () => Promise.reject(new Error('no')),
    });
    const redacted = redactedSources(project!).get('compose.yaml')!;
    expect(redacted).toHaveLength(compose.length);
    expect(redacted).not.toContain('hunter2');
    expect(redacted).not.toContain('abc123');
    expect(redacted).toContain('POSTGRES_PASSWORD: *********\n');
    expect(redacted).toContain('args: [NPM_TOKEN=******]');
    expect(redacted).toContain('USER: app');
  });
});
