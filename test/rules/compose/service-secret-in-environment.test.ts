import { describe, expect, it } from 'vitest';
import { hits, run } from './helpers.js';

const rule = 'service-secret-in-environment';

describe(rule, () => {
  it('reports secrets written in environment maps and lists, and in build args', async () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: hunter2',
      '      POSTGRES_USER: app',
      '      POSTGRES_PASSWORD_FILE: /run/secrets/db',
      '  api:',
      '    build:',
      '      context: .',
      '      args:',
      '        - NPM_TOKEN=npm_abc123',
      '    environment:',
      '      - "JWT_SECRET=s3cr3t"',
      '      - DATABASE_URL=postgres://app:s3cr3tpw@db:5432/app',
      '      - API_KEY=${API_KEY}',
      '      - STRIPE_API_KEY=${STRIPE_API_KEY:-sk_test_default}',
      '      - TOKEN_EXPIRY=3600',
      '      - MYSQL_ALLOW_EMPTY_PASSWORD=yes',
      '      - REDIS_PASSWORD=',
      '      - PWD=/app',
      '      - DB_CONNECTION_STRING=Server=db;Database=app;User Id=sa;Password=pw1;',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '5:7-24 warning service db: POSTGRES_PASSWORD holds a secret written in the file; use `secrets:`',
      '12:11-20 warning service api: NPM_TOKEN holds a secret written in the file; use `secrets:`',
      '14:10-20 warning service api: JWT_SECRET holds a secret written in the file; use `secrets:`',
      '15:9-21 warning service api: DATABASE_URL holds a URL with a password written in the file; use `secrets:`',
      '17:9-23 warning service api: STRIPE_API_KEY holds a secret written in the file; use `secrets:`',
      '22:9-29 warning service api: DB_CONNECTION_STRING holds a connection string with a password written in the file; use `secrets:`',
    ]);
  });

  it('reports known token formats as errors and default accounts in URLs as info', async () => {
    const token = `ghp_${'a1B2c3D4e5F6'.repeat(3)}`;
    const text = [
      'services:',
      '  ci:',
      '    image: x/ci:1',
      '    environment:',
      `      GITHUB: ${token}`,
      '      BROKER_URL: amqp://guest:guest@rabbitmq:5672/',
      '',
    ].join('\n');
    const lines = await hits(rule, text);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^5:7-13 error service ci: GITHUB holds a .+ written in the file; use `secrets:`$/,
    );
    expect(lines[1]).toBe(
      '6:7-17 info service ci: BROKER_URL holds a URL with a password written in the file; use `secrets:`',
    );
    expect(lines.join('\n')).not.toContain('a1B2c3D4e5F6');
  });

  it('never puts the value in a finding', async () => {
    const text =
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n';
    const findings = await run(rule, text);
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });

  it('does not report values that come from the environment at run time', async () => {
    const text =
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}\n';
    expect(await hits(rule, text, { env: { DB_PASSWORD: 'from-env' } })).toEqual([]);
  });
});
