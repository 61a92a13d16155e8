import { describe, expect, it } from 'vitest';
import { loadComposeProject } from '../../src/compose/load.js';
import { isSecretName, redactedSources, secretEvidence } from '../../src/compose/secrets.js';

describe('isSecretName', () => {
  it.each([
    ['POSTGRES_PASSWORD', true],
    ['MYSQL_ROOT_PASSWORD', true],
    ['DB_PASS', true],
    ['dbPassword', true],
    ['MYSQL_PWD', true],
    ['PWD', false],
    ['JWT_SECRET', true],
    ['SECRET_KEY_BASE', true],
    ['GITHUB_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['AWS_ACCESS_KEY_ID', false],
    ['STRIPE_API_KEY', true],
    ['APIKEY', true],
    ['WORDPRESS_AUTH_KEY', true],
    ['WORDPRESS_AUTH_SALT', true],
    ['POSTGRES_PASSWORD_FILE', false],
    ['TOKEN_EXPIRY', false],
    ['PASSWORD_MIN_LENGTH', false],
    ['SSH_KEY_PATH', false],
    ['KEY', false],
    ['MONKEY', false],
    ['PASSENGER_ENABLED', false],
    ['COMPASS', false],
    ['ME_CONFIG_MONGODB_ADMINPASSWORD', true],
    ['REGISTRY_STORAGE_OSS_ACCESSKEYSECRET', true],
    ['LDAP_PASSWORDS', true],
    ['AIRFLOW__CORE__FERNET_KEY', true],
    ['MINIO_ACCESS_KEY', false],
    ['MAILCOW_PASS_SCHEME', false],
    ['SECRET_LOCAL_HOSTNAME', false],
    ['SECRET_JWT_SECRET', true],
    ['API_KEY_ID', false],
  ])('%s → %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });
});

describe('secretEvidence', () => {
  it('ignores empty, boolean and /run/secrets values, finds URL credentials under any name', () => {
    expect(secretEvidence('DB_PASSWORD', '')).toBeNull();
    expect(secretEvidence('MYSQL_RANDOM_ROOT_PASSWORD', 'yes')).toBeNull();
    expect(secretEvidence('DB_PASSWORD', '/run/secrets/db')).toBeNull();
    expect(
      secretEvidence('ORDERER_GENERAL_TLS_PRIVATEKEY', '/var/hyperledger/orderer/tls/server.key'),
    ).toBeNull();
    expect(secretEvidence('DB_PASSWORD', 'xylophone')).toBe('key-name');
    expect(secretEvidence('DB_PASSWORD', 'changeme')).toBe('key-name');
    expect(secretEvidence('DATABASE_URL', 'postgres://app:pw@db/app')).toBe('url-credentials');
    expect(secretEvidence('DATABASE_URL', 'postgres://app@db/app')).toBeNull();
    expect(secretEvidence('DATABASE_URL', 'postgres://app:****@db/app')).toBeNull();
    expect(secretEvidence('DB_CONNECTION_STRING', 'Server=db;Database=app;User Id=sa;Password=pw1;')).toBe(
      'connection-string',
    );
    expect(secretEvidence('MEMOS_DSN', 'user=memos password=memos dbname=memos')).toBe('connection-string');
    expect(secretEvidence('DSN', 'host=db password=${PW}')).toBeNull();
  });

  it('ignores placeholders that only show where a secret goes', () => {
    for (const v of ['<your-token>', '******', 'xxxxxxxx', 'XXX-XXX', '...', 'sk-xxx-xxx-xxx'])
      expect(secretEvidence('API_TOKEN', v)).toBeNull();
    expect(secretEvidence('API_TOKEN', 'changeme')).toBe('key-name');
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
