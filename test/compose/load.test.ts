import { describe, expect, it } from 'vitest';
import { type LoadOptions, loadComposeProject } from '../../src/compose/load.js';
import { type ComposeProject, get, getPath, type Node, text } from '../../src/compose/model.js';

const ROOT = '/virtual/app';

function load(files: Record<string, string>, paths: string[], options: LoadOptions = {}) {
  const texts = new Map(Object.entries(files).map(([p, t]) => [`${ROOT}/${p}`, t]));
  return loadComposeProject(paths, {
    cwd: ROOT,
    env: {},
    texts,
    readText: (abs) => Promise.reject(Object.assign(new Error(abs), { code: 'ENOENT' })),
    ...options,
  });
}

function service(project: ComposeProject | null, name: string): Node | null {
  return project?.allServices.get(name)?.node ?? null;
}

/** `file:line:column` of a node. */
function where(project: ComposeProject, node: Node | null): string {
  if (!node) return 'none';
  const file = project.files.find(
    (f) => node.span.start >= f.base && node.span.start <= f.base + f.text.length,
  )!;
  const p = file.lines.position(node.span.start - file.base);
  return `${file.path}:${p.line}:${p.column}`;
}

describe('loadComposeProject', () => {
  it("merges several files in order, keeping each value's own file and position", async () => {
    const { project, errors } = await load(
      {
        'compose.yaml': 'services:\n  web:\n    image: web:1\n    ports: ["80:80"]\n',
        'compose.prod.yaml': 'services:\n  web:\n    image: web:2\n    restart: always\n',
      },
      ['compose.yaml', 'compose.prod.yaml'],
    );
    expect(errors).toEqual([]);
    const web = service(project, 'web');
    expect(text(get(web, 'image'))).toBe('web:2');
    expect(where(project!, get(web, 'image'))).toBe('compose.prod.yaml:3:12');
    expect(where(project!, get(web, 'ports'))).toBe('compose.yaml:4:12');
    expect(project!.allServices.get('web')!.keySpan.start).toBe(12);
  });

  it('interpolates from the environment first, then .env next to the first file', async () => {
    const { project } = await load(
      {
        'compose.yaml': 'services:\n  web:\n    image: ${IMAGE}:${TAG:-dev}\n    user: ${UID}\n',
        '.env': 'IMAGE=from-dotenv\nTAG=1.0\n',
      },
      ['compose.yaml'],
      { env: { TAG: '2.0' } },
    );
    const web = service(project, 'web');
    expect(text(get(web, 'image'))).toBe('from-dotenv:2.0');
    expect(get(web, 'user')).toMatchObject({ value: '', unresolved: ['UID'] });
  });

  it('reads --env-file files instead of .env', async () => {
    const { project } = await load(
      {
        'compose.yaml': 'services:\n  web:\n    image: ${IMAGE}\n',
        'prod.env': 'IMAGE=prod:1\n',
        '.env': 'IMAGE=dev:1\n',
      },
      ['compose.yaml'],
      { envFiles: ['prod.env'] },
    );
    expect(text(get(service(project, 'web'), 'image'))).toBe('prod:1');
  });

  it('applies extends within a file and from another file, relative to the extending file', async () => {
    const { project, errors } = await load(
      {
        'compose.yaml': [
          'services:',
          '  base:',
          '    image: base:1',
          '    environment: {A: "1"}',
          '  web:',
          '    extends: base',
          '    environment: {B: "2"}',
          '  worker:',
          '    extends:',
          '      file: common/services.yaml',
          '      service: job',
          '    command: [run, worker]',
          '',
        ].join('\n'),
        'common/services.yaml':
          'services:\n  job:\n    extends: {service: root}\n    build: ./job\n    command: [run]\n  root:\n    privileged: true\n',
        'common/job/Dockerfile': 'FROM alpine:3.20\nUSER 1000\n',
      },
      ['compose.yaml'],
    );
    expect(errors).toEqual([]);
    const web = service(project, 'web');
    expect(text(get(web, 'image'))).toBe('base:1');
    expect([...(get(web, 'environment') as { pairs: Map<string, unknown> }).pairs.keys()]).toEqual([
      'A',
      'B',
    ]);
    expect(get(web, 'extends')).toBeNull();
    const worker = project!.allServices.get('worker')!;
    expect(text(getPath(worker.node, 'command'))).toBeNull();
    expect((get(worker.node, 'command') as { items: Node[] }).items.map(text)).toEqual(['run', 'worker']);
    expect(where(project!, get(worker.node, 'privileged'))).toBe('common/services.yaml:7:17');
    expect(worker.build?.contextDir).toBe(`${ROOT}/common/job`);
    expect(worker.build?.analysis).not.toBeNull();
  });

  it('reports extends problems at their position', async () => {
    const { errors } = await load(
      {
        'compose.yaml': [
          'services:',
          '  a:',
          '    extends: nothing',
          '  b:',
          '    extends: {file: missing.yaml, service: x}',
          '  c:',
          '    extends: d',
          '  d:',
          '    extends: c',
          '',
        ].join('\n'),
      },
      ['compose.yaml'],
    );
    expect(errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`)).toEqual([
      'compose.yaml:3:14 extends: no service "nothing"',
      'compose.yaml:5:21 cannot read missing.yaml: no such file or directory',
      'compose.yaml:7:5 extends: service "c" extends itself through a cycle',
    ]);
  });

  it('includes other projects with their own folder and .env, and reports conflicts', async () => {
    const { project, errors } = await load(
      {
        'compose.yaml':
          'include:\n  - infra/compose.yaml\n  - path: other.yaml\nservices:\n  web:\n    image: web:1\n    depends_on: [db]\n',
        'infra/compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION}\n    build: ./db\n',
        'infra/.env': 'PG_VERSION=16\n',
        'other.yaml': 'services:\n  web:\n    image: other:1\n',
      },
      ['compose.yaml'],
    );
    expect(text(get(service(project, 'db'), 'image'))).toBe('postgres:16');
    expect(project!.allServices.get('db')!.build?.contextDir).toBe(`${ROOT}/infra/db`);
    expect(text(get(service(project, 'web'), 'image'))).toBe('web:1');
    expect(errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`)).toEqual([
      'compose.yaml:3:5 include: services "web" is already defined in the including file',
    ]);
  });

  it("lets the including project's variables win over the included .env", async () => {
    const { project } = await load(
      {
        'compose.yaml': 'include: [infra/compose.yaml]\n',
        'infra/compose.yaml': 'services:\n  db:\n    image: postgres:${PG_VERSION}\n',
        'infra/.env': 'PG_VERSION=16\n',
        '.env': 'PG_VERSION=17\n',
      },
      ['compose.yaml'],
    );
    expect(text(get(service(project, 'db'), 'image'))).toBe('postgres:17');
  });

  it('reports include cycles', async () => {
    const { errors } = await load(
      { 'compose.yaml': 'include: [b.yaml]\n', 'b.yaml': 'include: [compose.yaml]\nservices: {}\n' },
      ['compose.yaml'],
    );
    expect(errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([
      'b.yaml:1 include: compose.yaml includes itself through a cycle',
    ]);
  });

  it('selects services by profile as Compose does, every service when no profile is given', async () => {
    const files = {
      'compose.yaml':
        'services:\n  app: {image: a:1}\n  debug: {image: d:1, profiles: [debug]}\n  test: {image: t:1, profiles: [test, ci]}\n',
    };
    const names = async (profiles?: string[]) =>
      (await load(files, ['compose.yaml'], { profiles })).project!.services.map((s) => s.name);
    expect(await names()).toEqual(['app', 'debug', 'test']);
    expect(await names([])).toEqual(['app']);
    expect(await names(['ci'])).toEqual(['app', 'test']);
    expect(await names(['*'])).toEqual(['app', 'debug', 'test']);
  });

  it('reports invalid YAML with file, line and column, and still loads the other files', async () => {
    const { project, errors } = await load(
      {
        'compose.yaml': 'services:\n  web:\n    image: web:1\n',
        'broken.yaml': 'services:\n  web:\n    image: a\n    image: b\n',
      },
      ['compose.yaml', 'broken.yaml'],
    );
    expect(errors).toEqual([
      { file: 'broken.yaml', line: 4, column: 5, message: 'invalid YAML: Map keys must be unique' },
    ]);
    expect(text(get(service(project, 'web'), 'image'))).toBe('web:1');
  });

  it('reports unreadable, empty and non-mapping files', async () => {
    const { errors } = await load({ 'empty.yaml': '# nothing\n', 'list.yaml': '- a\n- b\n' }, [
      'missing.yaml',
      'empty.yaml',
      'list.yaml',
    ]);
    expect(errors).toEqual([
      { file: 'missing.yaml', message: 'no such file or directory' },
      { file: 'empty.yaml', line: 1, column: 1, message: 'empty compose file' },
      {
        file: 'list.yaml',
        line: 1,
        column: 1,
        endLine: 2,
        endColumn: 4,
        message: 'a compose file must be a mapping at the top level',
      },
    ]);
  });

  it('merges the documents of a multi-document file in order', async () => {
    const { project, errors } = await load(
      { 'compose.yaml': 'services:\n  web:\n    image: web:1\n---\nservices:\n  web:\n    user: "1000"\n' },
      ['compose.yaml'],
    );
    expect(errors).toEqual([]);
    const web = service(project, 'web');
    expect([text(get(web, 'image')), text(get(web, 'user'))]).toEqual(['web:1', '1000']);
    expect(where(project!, get(web, 'user'))).toBe('compose.yaml:7:11');
  });

  it('strips a BOM and reads CRLF files', async () => {
    const { project, errors } = await load(
      { 'compose.yaml': '\uFEFFservices:\r\n  web:\r\n    image: web:1\r\n' },
      ['compose.yaml'],
    );
    expect(errors).toEqual([]);
    expect(where(project!, get(service(project, 'web'), 'image'))).toBe('compose.yaml:3:12');
  });
});
