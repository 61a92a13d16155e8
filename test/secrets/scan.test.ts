import { describe, expect, it } from 'vitest';
import { checkKeyValue, checkValue, scanText } from '../../src/secrets/index.js';
import { FAKE, randomish } from './tokens.js';

const kinds = (text: string, options = {}) => scanText(text, options).map((m) => m.kind);
const found = (text: string) => scanText(text).map((m) => text.slice(m.start, m.end));

describe('scanText: known token formats (true positives)', () => {
  const table: [string, string, string][] = [
    ['aws-access-key-id', `AWS_ACCESS_KEY_ID=${FAKE.awsKeyId}`, FAKE.awsKeyId],
    ['aws-secret-access-key', `aws_secret_access_key = ${FAKE.awsSecret}`, FAKE.awsSecret],
    ['aws-secret-access-key', `"SecretAccessKey": "${FAKE.awsSecret}"`, FAKE.awsSecret],
    ['github-token', `git clone https://${FAKE.github}@github.com/o/r`, FAKE.github],
    ['github-token', `token=${FAKE.githubFineGrained}`, FAKE.githubFineGrained],
    ['gitlab-token', `GITLAB=${FAKE.gitlab}`, FAKE.gitlab],
    ['slack-token', `SLACK="${FAKE.slackBot}"`, FAKE.slackBot],
    ['google-api-key', `maps: ${FAKE.googleApiKey}`, FAKE.googleApiKey],
    ['stripe-key', `STRIPE=${FAKE.stripeLive}`, FAKE.stripeLive],
    ['npm-token', `//registry.npmjs.org/:_authToken=${FAKE.npm}`, FAKE.npm],
    ['pypi-token', `password = ${FAKE.pypi}`, FAKE.pypi],
    ['docker-hub-token', `echo ${FAKE.dockerHub} | docker login -u me --password-stdin`, FAKE.dockerHub],
    ['private-key', `key: |\n${FAKE.privateKey}\n`, FAKE.privateKey],
    ['private-key', FAKE.openssh, FAKE.openssh],
    ['jwt', `Authorization-Token ${FAKE.jwt}`, FAKE.jwt],
    ['sendgrid-key', `SG=${FAKE.sendgrid}`, FAKE.sendgrid],
    ['vault-token', `VAULT=${FAKE.vault}`, FAKE.vault],
  ];
  it.each(table)('%s in %j', (kind, text, secret) => {
    const matches = scanText(text);
    const m = matches.find((x) => x.kind === kind);
    expect(m, JSON.stringify(matches)).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(secret);
    expect(m!.confidence).not.toBe('low');
  });

  it('reports the webhook secret part of a Slack webhook URL', () => {
    const m = scanText(`url: ${FAKE.slackWebhook}`)[0]!;
    expect(m.kind).toBe('slack-webhook');
    expect(FAKE.slackWebhook.endsWith(`url: ${FAKE.slackWebhook}`.slice(m.start, m.end))).toBe(true);
  });

  it('a private key encoded with \\n escapes inside JSON is found', () => {
    const json = `{"private_key": "${FAKE.privateKey.replace(/\n/g, '\\n')}"}`;
    expect(kinds(json)).toContain('private-key');
  });
});

describe('scanText: look-alikes and placeholders (true negatives)', () => {
  const table: [string, string][] = [
    ['AWS documentation example key', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE'],
    ['AWS documentation example secret', 'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['key id of one repeated letter', 'AKIAAAAAAAAAAAAAAAAA'],
    ['Slack placeholder', 'HUBOT_SLACK_TOKEN=xoxb-xxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx'],
    [
      'Slack webhook placeholder',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    [
      'private key markers without a body',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
    ],
    ['code that looks for a key header', 'if line.startswith("-----BEGIN RSA PRIVATE KEY-----"):'],
    ['a sha256 checksum', 'ENV NODE_SHA256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a GPG fingerprint', 'ENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D'],
    [
      'three base64 words that are not a JWT',
      'eyJhbGciOiJub25lIn0x.eyJzdWIiOiJ4In0xxxx.notajwtsignature0000',
    ],
    ['a git commit', 'ARG COMMIT=2f1a9c0d4b6e8f7a3c5d1e9b0a2c4d6e8f0a1b3c'],
    ['a variable reference', 'DB_PASSWORD=${DB_PASSWORD}'],
    ['a shell default in a reference', 'x: ${REDIS_PASSWORD:-nextcloud}'],
    ['a secret file path', 'POSTGRES_PASSWORD_FILE=/run/secrets/db_password'],
    ['a token URL', 'TOKEN_URL=https://auth.example.com/oauth/token'],
    ['a secret name', 'DB_SECRET_NAME=prod-database'],
    ['a password length setting', 'PASSWORD_MIN_LENGTH=12'],
    ['a placeholder in angle brackets', 'API_KEY=<your-api-key>'],
    ['changeme', 'ADMIN_PASSWORD=changeme'],
    ['sudoers NOPASSWD', 'echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers'],
    ['a bcrypt hash', "ADMIN_HASH='$2b$12$abcdefghijklmnopqrstuuJq0wJd5X0Nd6q0Yc0pQpWbq3b1oG3y'"],
    ['a password hash with a secret name', 'ADMIN_TOKEN=$$argon2id$$v=19$$m=19456,t=2,p=1$$abc'],
    ['a public key', 'NEXT_PUBLIC_API_KEY=pk_abc123def456ghi789'],
    ['a URL with a placeholder password', 'postgres://user:password@localhost:5432/db'],
    ['a URL with a variable password', 'postgres://app:${DB_PASSWORD}@db/app'],
    ['a file name as value', 'GOOGLE_CREDENTIALS=credentials.json'],
    ['a UUID-free version string', 'POWERSHELL_CHANNEL=PSDocker-TestDeps-ubi-8.4'],
  ];
  it.each(table)('%s', (_name, text) => {
    expect(scanText(text, { entropy: true })).toEqual([]);
  });
});

describe('scanText: named values', () => {
  it('reports a hard-coded password with its key and confidence medium', () => {
    const [m] = scanText('environment:\n  - MYSQL_ROOT_PASSWORD=s3cretRootPw\n');
    expect(m).toMatchObject({ kind: 'named-secret', key: 'MYSQL_ROOT_PASSWORD', confidence: 'medium' });
  });

  it('reads JSON, YAML, INI, code and CLI-flag assignments', () => {
    expect(found('{"password": "hunter2xyz"}')).toEqual(['hunter2xyz']);
    expect(found('db:\n  password: hunter2xyz\n')).toEqual(['hunter2xyz']);
    expect(found('[db]\npassword = hunter2xyz\n')).toEqual(['hunter2xyz']);
    expect(found('const apiKey = "q8Zr2Lw9Xv4Nk7Tb3Ym6";')).toEqual(['q8Zr2Lw9Xv4Nk7Tb3Ym6']);
    expect(found("$config['db_password'] => 'hunter2xyz';")).toEqual(['hunter2xyz']);
    expect(found('mysqladmin --password=hunter2xyz status')).toEqual(['hunter2xyz']);
  });

  it('in code style only quoted literals count', () => {
    expect(scanText('password = get_password()\nsecret = os.environ["SECRET"]', { style: 'code' })).toEqual(
      [],
    );
    expect(scanText('token = "q8Zr2Lw9Xv4Nk7Tb"', { style: 'code' })).toHaveLength(1);
  });

  it('weak names (AUTH, *_KEY without qualifier) need a random-looking value', () => {
    expect(scanText('FERNET_KEY=my-fernet-key')).toEqual([]);
    const random = `${randomish(43)}=`;
    expect(scanText(`FERNET_KEY=${random}`)).toMatchObject([{ kind: 'named-secret', confidence: 'low' }]);
  });

  it('entropy finds random values of neutral names only when asked', () => {
    const text = `SOMETHING=${randomish(40)}`;
    expect(scanText(text)).toEqual([]);
    expect(scanText(text, { entropy: true })).toMatchObject([{ kind: 'high-entropy', confidence: 'low' }]);
    expect(scanText(`BUILD_ID=${randomish(40)}`, { entropy: true })).toEqual([]);
  });

  it('the allow-list silences exact values and patterns', () => {
    expect(scanText('DB_PASSWORD=devpass123', { allow: ['devpass123'] })).toEqual([]);
    expect(scanText(`X=${FAKE.github}`, { allow: [/^ghp_/] })).toEqual([]);
    expect(scanText('DB_PASSWORD=devpass123', { allow: ['other'] })).toHaveLength(1);
  });

  it('keeps the strongest of overlapping matches', () => {
    const matches = scanText(`GITHUB_TOKEN=${FAKE.github}`);
    expect(matches.map((m) => m.kind)).toEqual(['github-token']);
  });

  it('URL passwords: medium, or low when the password repeats the user name', () => {
    expect(scanText('redis://app:Zq8Lm3Xv7T@cache:6379')).toMatchObject([
      { kind: 'url-credentials', confidence: 'medium' },
    ]);
    expect(scanText('amqp://guest:guest@rabbit:5672')).toMatchObject([{ confidence: 'low' }]);
  });

  it('reports offsets on later lines of a big text', () => {
    const text = `${'x = 1\n'.repeat(5000)}secret: Zq8Lm3Xv7Tb2\n`;
    const [m] = scanText(text);
    expect(text.slice(m!.start, m!.end)).toBe('Zq8Lm3Xv7Tb2');
  });
});

describe('checkKeyValue and checkValue', () => {
  it('judges ENV/ARG pairs by name and value', () => {
    expect(checkKeyValue('DB_PASSWORD', 'hunter2xyz')).toMatchObject([
      { kind: 'named-secret', key: 'DB_PASSWORD', start: 0, end: 10 },
    ]);
    expect(checkKeyValue('PASSWORD_FILE', '/run/secrets/pw')).toEqual([]);
    expect(checkKeyValue('TOKEN_URL', 'https://x.example/token')).toEqual([]);
    expect(checkKeyValue('DB_SECRET_NAME', 'prod')).toEqual([]);
    expect(checkKeyValue('GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D')).toEqual([]);
    expect(checkKeyValue('HOME', '/root')).toEqual([]);
  });

  it('a known format wins over the name', () => {
    expect(checkKeyValue('DEPLOY', FAKE.github)).toMatchObject([{ kind: 'github-token', key: 'DEPLOY' }]);
  });

  it('checkValue finds formats and, with entropy, random values', () => {
    expect(checkValue(FAKE.googleApiKey)).toMatchObject([{ kind: 'google-api-key' }]);
    expect(checkValue('maintainer@example.com')).toEqual([]);
    expect(checkValue(randomish(32), { entropy: true })).toMatchObject([{ kind: 'high-entropy' }]);
  });
});

describe('values that name a setting, not a secret (found in the compose corpus)', () => {
  it('does not report a password scheme or an obviously invalid value', () => {
    expect(checkKeyValue('MAILCOW_PASS_SCHEME', 'BLF-CRYPT')).toEqual([]);
    expect(checkKeyValue('API_KEY_READ_ONLY', 'invalid')).toEqual([]);
    expect(checkKeyValue('DB_PASSWORD', 'kq8V3xZ1rLm9TgW4pKd7sYb2')).not.toEqual([]);
  });
});
