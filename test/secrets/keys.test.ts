import { describe, expect, it } from 'vitest';
import { isNonSecretName, nameWords, secretKeyStrength } from '../../src/secrets/index.js';

describe('nameWords', () => {
  it('splits camelCase, snake_case, kebab-case and dotted names', () => {
    expect(nameWords('dbPassword')).toEqual(['db', 'password']);
    expect(nameWords('MYSQL_ROOT_PASSWORD')).toEqual(['mysql', 'root', 'password']);
    expect(nameWords('sonar.jdbc.password')).toEqual(['sonar', 'jdbc', 'password']);
    expect(nameWords('APIKey')).toEqual(['api', 'key']);
    expect(nameWords('_authToken')).toEqual(['auth', 'token']);
  });
});

describe('secretKeyStrength', () => {
  const strong = [
    'PASSWORD',
    'DB_PASSWORD',
    'PGPASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'db_pass',
    'REDIS_PWD',
    'SECRET',
    'SECRET_KEY',
    'SECRET_KEY_BASE',
    'CLIENT_SECRET',
    'GITHUB_TOKEN',
    'NPM_TOKEN',
    '_authToken',
    'API_KEY',
    'apiKey',
    'APIKEY',
    'AWS_SECRET_ACCESS_KEY',
    'PRIVATE_KEY',
    'APP_KEY',
    'ENCRYPTION_KEY',
    'JWT_SECRET',
    'credentials',
    'passphrase',
  ];
  it.each(strong)('%s is strong', (name) => expect(secretKeyStrength(name)).toBe('strong'));

  const weak = ['AUTH', 'FERNET_KEY', 'SIGNATURE', 'SENTRY_DSN', 'COOKIE'];
  it.each(weak)('%s is weak', (name) => expect(secretKeyStrength(name)).toBe('weak'));

  const none = [
    'PASSWORD_FILE',
    'POSTGRES_PASSWORD_FILE',
    'TOKEN_URL',
    'OAUTH_TOKEN_ENDPOINT',
    'DB_SECRET_NAME',
    'K8S_SECRET_NAME',
    'SECRETS_DIR',
    'PASSWORD_MIN_LENGTH',
    'TOKEN_TTL',
    'JWT_EXPIRES',
    'API_KEY_HEADER',
    'PUBLIC_KEY',
    'NEXT_PUBLIC_API_KEY',
    'GPG_KEY',
    'GPG_KEYS',
    'NGINX_GPGKEY',
    'AWS_ACCESS_KEY_ID',
    'SSH_KEY_PATH',
    'NOPASSWD',
    'csrftoken',
    'REGISTRY_AUTH_HTPASSWD_REALM',
    'CHANGE_PASSWORD_MESSAGE',
    'HOME',
    'NODE_VERSION',
    'PASSPORT_STRATEGY',
    'BYPASS_PROXY',
    'TOKENIZER',
    'SECRETARY',
  ];
  it.each(none)('%s is not a secret name', (name) => expect(secretKeyStrength(name)).toBeNull());
});

describe('isNonSecretName', () => {
  it('names whose random-looking values are expected', () => {
    expect(isNonSecretName('BUILD_ID')).toBe(true);
    expect(isNonSecretName('GIT_COMMIT')).toBe(true);
    expect(isNonSecretName('IMAGE_DIGEST')).toBe(true);
    expect(isNonSecretName('CALLBACK_URL')).toBe(true);
    expect(isNonSecretName('NODE_AUTH_TOKEN')).toBe(false);
    expect(isNonSecretName('SOMETHING')).toBe(false);
  });
});
