import { describe, expect, it } from 'vitest';
import { secretFileKind } from '../../src/secrets/index.js';
import { FAKE } from './tokens.js';

describe('secretFileKind by name', () => {
  const table: [string, string][] = [
    ['id_rsa', 'private-key'],
    ['home/.ssh/id_ed25519', 'private-key'],
    ['deploy.ppk', 'private-key'],
    ['.env', 'env-file'],
    ['.env.local', 'env-file'],
    ['.env.production', 'env-file'],
    ['backend/.env', 'env-file'],
    ['prod.env', 'env-file'],
    ['.git-credentials', 'git-credentials'],
    ['.netrc', 'package-registry'],
    ['certs/keystore.p12', 'keystore'],
    ['app.jks', 'keystore'],
    ['terraform.tfstate', 'terraform-state'],
    ['.bash_history', 'history'],
    ['.pgpass', 'password-store'],
    ['.htpasswd', 'password-store'],
    ['.ssh/some_key', 'ssh'],
  ];
  it.each(table)('%s → %s', (path, category) => {
    expect(secretFileKind(path)).toMatchObject({ category, evidence: 'certain' });
  });

  const notSecret = [
    '.env.example',
    '.env.sample',
    '.env.template',
    '.env.dist',
    'env.example',
    'README.md',
    'src/keys.ts',
    'id_rsa.pub',
    '.ssh/known_hosts',
    '.ssh/id_ed25519.pub',
    '.ssh/config',
    'package.json',
    'environment.ts',
  ];
  it.each(notSecret)('%s is not a secret file', (path) => expect(secretFileKind(path)).toBeNull());
});

describe('secretFileKind by name and content', () => {
  it('.npmrc holds a secret only with an auth token', () => {
    expect(secretFileKind('.npmrc')).toMatchObject({ evidence: 'likely' });
    expect(secretFileKind('.npmrc', 'registry=https://registry.npmjs.org/\n')).toBeNull();
    expect(secretFileKind('.npmrc', `//registry.npmjs.org/:_authToken=${FAKE.npm}\n`)).toMatchObject({
      category: 'package-registry',
      evidence: 'content',
    });
  });

  it('.pypirc with a password, pip.conf with credentials in the index URL', () => {
    expect(secretFileKind('.pypirc', '[pypi]\nusername = __token__\npassword = x\n')).toMatchObject({
      evidence: 'content',
    });
    expect(secretFileKind('.pypirc', '[distutils]\nindex-servers = pypi\n')).toBeNull();
    expect(
      secretFileKind('pip.conf', '[global]\nindex-url = https://u:p4ss@pypi.corp/simple\n'),
    ).not.toBeNull();
    expect(secretFileKind('pip.conf', '[global]\nindex-url = https://pypi.corp/simple\n')).toBeNull();
  });

  it('.pem and .key files: private keys yes, certificates no', () => {
    expect(secretFileKind('tls/server.key', FAKE.privateKey)).toMatchObject({ category: 'private-key' });
    expect(
      secretFileKind('tls/server.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'),
    ).toBeNull();
    expect(secretFileKind('tls/cert.pem')).toBeNull();
    expect(secretFileKind('tls/ca.key')).toBeNull();
  });

  it('cloud credentials and kubeconfig', () => {
    expect(secretFileKind('.aws/credentials', '[default]\naws_secret_access_key = x\n')).toMatchObject({
      category: 'cloud-credentials',
    });
    expect(secretFileKind('gcp-key.json', '{"type": "service_account", "private_key": "x"}')).toMatchObject({
      category: 'cloud-credentials',
    });
    expect(secretFileKind('.kube/config', 'users:\n- name: a\n  user:\n    token: abc\n')).toMatchObject({
      category: 'kubeconfig',
    });
    expect(secretFileKind('.docker/config.json', '{"auths":{"r":{"auth":"dXNlcjpwYXNz"}}}')).toMatchObject({
      category: 'docker-config',
    });
  });

  it('any file with a private key block and a key-like extension', () => {
    expect(secretFileKind('keys/signing.asc', FAKE.privateKey)).not.toBeNull();
  });
});
