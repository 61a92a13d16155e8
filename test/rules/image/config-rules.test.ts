import { describe, expect, it } from 'vitest';
import { BASE_HISTORY, makeModel, run } from './helpers.js';

const withConfig = (config: object, history = BASE_HISTORY, over = {}) => {
  const m = makeModel(history, over);
  m.config.config = config;
  return m;
};

describe('image-runs-as-root', () => {
  it('reports no USER, USER root and USER 0, at the USER entry when there is one', () => {
    expect(run('image-runs-as-root', withConfig({}))).toEqual([
      [2, 'warning', 'the image runs as root (no USER instruction); add USER with an unprivileged user'],
    ]);
    const h = [
      ...BASE_HISTORY,
      { created_by: 'USER root', empty_layer: true },
      { created_by: 'CMD ["x"]', empty_layer: true },
    ];
    expect(run('image-runs-as-root', withConfig({ User: 'root' }, h))).toEqual([
      [3, 'warning', 'the image runs as root (USER root); switch to an unprivileged user'],
    ]);
    expect(run('image-runs-as-root', withConfig({ User: '0:0' }, h))).toHaveLength(1);
  });
  it('accepts an unprivileged user', () => {
    expect(run('image-runs-as-root', withConfig({ User: 'app' }))).toEqual([]);
    expect(run('image-runs-as-root', withConfig({ User: '10001:10001' }))).toEqual([]);
  });
});

describe('image-no-healthcheck', () => {
  it('reports a missing or disabled health check, and explains OCI configs', () => {
    expect(run('image-no-healthcheck', withConfig({}))).toEqual([
      [2, 'info', 'the image has no HEALTHCHECK'],
    ]);
    expect(run('image-no-healthcheck', withConfig({ Healthcheck: { Test: ['NONE'] } }))[0]![2]).toMatch(
      /disables its health check/,
    );
    expect(run('image-no-healthcheck', withConfig({}, BASE_HISTORY, { kind: 'oci-layout' }))[0]![2]).toMatch(
      /OCI image config cannot hold one/,
    );
    expect(run('image-no-healthcheck', withConfig({ Healthcheck: { Test: ['CMD-SHELL', 'true'] } }))).toEqual(
      [],
    );
  });
});

describe('image-secret-in-env and image-secret-in-label', () => {
  const token = `ghp_${'a1B2c3D4e5'.repeat(4).slice(0, 36)}`;
  it('reports secret values at the ENV entry, redacted', () => {
    const h = [...BASE_HISTORY, { created_by: `ENV API_TOKEN=${token} MODE=prod`, empty_layer: true }];
    const found = run(
      'image-secret-in-env',
      withConfig(
        { Env: ['PATH=/usr/bin', `API_TOKEN=${token}`, 'MODE=prod', 'DB_PASSWORD=hunter2hunter2'] },
        h,
      ),
    );
    // DB_PASSWORD has no ENV entry of its own: it points at the image (the last entry).
    expect(found.map(([line, sev]) => [line, sev])).toEqual([
      [3, 'error'],
      [3, 'error'],
    ]);
    expect(found[0]![2]).toMatch(/^ENV API_TOKEN holds GitHub token \(ghp_a1B…3\)/);
    for (const f of found) expect(f[2]).not.toContain(token.slice(4));
    expect(found[1]![2]).not.toContain('hunter2');
  });
  it('ignores references, paths and placeholders', () => {
    expect(
      run(
        'image-secret-in-env',
        withConfig({ Env: ['PASSWORD_FILE=/run/secrets/db', 'TOKEN=$TOKEN', 'API_KEY='] }),
      ),
    ).toEqual([]);
  });
  it('reports secret labels', () => {
    const found = run(
      'image-secret-in-label',
      withConfig({ Labels: { 'deploy.password': 'S3cr3t-v4lue-9', 'org.opencontainers.image.title': 'x' } }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]![2]).toMatch(/^label deploy.password holds/);
    expect(found[0]![2]).not.toContain('S3cr3t');
  });
});

describe('image-secret-in-history', () => {
  it('reports a secret build argument once, where it first appears, and secrets in RUN commands', () => {
    const token = `glpat-${'x7Y8z9'.repeat(4)}`;
    const h = [
      ...BASE_HISTORY,
      { created_by: `RUN |1 CI_TOKEN=${token} /bin/sh -c make # buildkit` },
      { created_by: `RUN |1 CI_TOKEN=${token} /bin/sh -c make install # buildkit` },
      { created_by: '/bin/sh -c curl -u admin:x https://example.com && export DB_PASSWORD=verysecret42' },
      { created_by: 'RUN |1 VERSION=1.2.3 /bin/sh -c make # buildkit' },
    ];
    const found = run('image-secret-in-history', makeModel(h));
    expect(found.map(([line]) => line)).toEqual([3, 5]);
    expect(found[0]![2]).toBe(
      'build argument CI_TOKEN is stored in the image history from this step on and holds GitLab token (glpat-x7Y…9); use RUN --mount=type=secret',
    );
    expect(found[1]![2]).toMatch(/this RUN step records hard-coded DB_PASSWORD/);
    expect(found.join('')).not.toContain('verysecret42');
  });
});

describe('image-latest-tag', () => {
  it('reports latest and untagged archives, not versioned tags', () => {
    expect(run('image-latest-tag', makeModel(BASE_HISTORY, { tags: ['app:latest'] }))).toEqual([
      [2, 'info', 'the image is tagged app:latest; tag it with a version'],
    ]);
    expect(
      run('image-latest-tag', makeModel(BASE_HISTORY, { tags: ['registry.local:5000/team/app'] }))[0]![2],
    ).toMatch(/team\/app \(implicitly latest\)/);
    expect(run('image-latest-tag', makeModel(BASE_HISTORY, { tags: [] }))).toEqual([
      [2, 'info', 'the image has no tag'],
    ]);
    expect(
      run('image-latest-tag', makeModel(BASE_HISTORY, { tags: ['registry.local:5000/app:1.2'] })),
    ).toEqual([]);
    expect(run('image-latest-tag', makeModel(BASE_HISTORY, { tags: ['1'] }))).toEqual([]);
  });
});

describe('image-ssh-server', () => {
  it('reports an SSH server binary and an exposed port 22', () => {
    const h = [
      ...BASE_HISTORY,
      { created_by: '/bin/sh -c apt-get install -y openssh-server' },
      { created_by: 'EXPOSE map[22/tcp:{}]', empty_layer: true },
    ];
    const m = withConfig({ ExposedPorts: { '22/tcp': {} } }, h, {
      files: {
        setuid: [],
        worldWritable: [],
        pathDirs: [],
        sshServer: { path: '/usr/sbin/sshd', type: 'file', mode: 0o755, uid: 0, gid: 0, size: 9, layer: 1 },
        truncated: false,
      },
    });
    expect(run('image-ssh-server', m)).toEqual([
      [3, 'warning', 'the image has an SSH server (/usr/sbin/sshd, yours)'],
      [4, 'warning', 'the image exposes port 22 (SSH)'],
    ]);
    expect(run('image-ssh-server', withConfig({ ExposedPorts: { '8080/tcp': {} } }))).toEqual([]);
  });
});
