import { formatImageRef, type ImageRef, parseImageRef } from '../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { CopyInstruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { libcOf, nodeMajorOf, pythonVersionOf, rootRefOf } from './lib/images.js';

/** Paths that hold interpreter packages or native code. */
const PYTHON_PATH =
  /site-packages|dist-packages|\/lib\/python\d|(?:^|\/)\.?venv(?:\/|$)|(?:^|\/)\.local(?:\/|$)|wheel|\.whl$/i;
const NODE_PATH = /(?:^|\/)node_modules(?:\/|$)/;
const NATIVE_PATH = /\.so(?:\.\d+)*$|(?:^|\/)usr\/local\/lib\/?$/;
const PATH_PYTHON_VERSION = /python(\d\.\d+)/;

interface Side {
  ref: ImageRef;
  text: string;
}

/** The image a COPY --from reads: a stage's root image, or the image named in --from. */
function sourceOf(model: DockerfileAnalysis, stage: number | null, reference: string): Side | null {
  if (stage !== null) {
    const root = rootRefOf(model, stage);
    return root && root !== 'scratch' ? { ref: root, text: formatImageRef(root) } : null;
  }
  const ref = parseImageRef(reference);
  return ref ? { ref, text: formatImageRef(ref) } : null;
}

export default dockerfileRule({
  id: 'copy-from-abi-mismatch',
  code: 'DA4200',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary:
      'COPY --from of interpreter packages or native libraries (site-packages, a virtualenv, wheels, node_modules, `.so` files) between stages whose bases differ in C library (glibc `-slim`/Debian/Ubuntu vs musl `-alpine`) or in language version (python:3.11 → python:3.12).',
    rationale:
      'Compiled extensions are linked against the C library and built for one interpreter ABI: wheels built on glibc fail on Alpine with "Error loading shared library" or missing symbols, and packages copied into `/usr/local/lib/python3.11` are not on the path of Python 3.12. The seeds warn about exactly this when moving a Python build to `-alpine`. Build and run on the same base family and version, or rebuild the packages in a stage of the runtime base.',
    bad: 'FROM python:3.10-slim AS builder\nRUN pip install --no-cache-dir psycopg2-binary\nFROM python:3.10-alpine\nCOPY --from=builder /usr/local/lib/python3.10/site-packages/ /usr/local/lib/python3.10/site-packages/',
    good: 'FROM python:3.10-slim AS builder\nRUN pip install --no-cache-dir psycopg2-binary\nFROM python:3.10-slim\nCOPY --from=builder /usr/local/lib/python3.10/site-packages/ /usr/local/lib/python3.10/site-packages/',
  },
  messages: {
    libc: 'COPY --from={from} copies {what} built on {source} ({sourceLibc}) into {target} ({targetLibc}): native code linked against {sourceLibc} does not load on {targetLibc}; use the same base family in both stages',
    python:
      'COPY --from={from} copies Python packages of Python {sourceVersion} into an image with Python {targetVersion}: they are not on its path and compiled ones do not match its ABI; use the same Python version in both stages',
    node: 'COPY --from={from} copies node_modules built with Node.js {sourceVersion} into Node.js {targetVersion}: native addons are built for one Node ABI; use the same major version in both stages',
  },
  check({ model, report }) {
    for (const deps of model.stageGraph.dependencies) {
      for (const dep of deps) {
        if (dep.kind !== 'copy' || !dep.complete) continue;
        const copy = dep.instruction as CopyInstruction;
        const target = rootRefOf(model, copy.stage);
        if (!target || target === 'scratch') continue;
        const source = sourceOf(model, dep.stage, dep.reference);
        if (!source) continue;
        const paths = copy.sources.map((s) => model.expand(s, copy).value);
        const python = paths.some((p) => PYTHON_PATH.test(p));
        const node = paths.some((p) => NODE_PATH.test(p));
        const native = python || node || paths.some((p) => NATIVE_PATH.test(p));
        const at = dep.flag?.span ?? copy.keywordSpan;
        const from = dep.reference;
        const sourceLibc = libcOf(source.ref);
        const targetLibc = libcOf(target);
        if (native && sourceLibc && targetLibc && sourceLibc !== targetLibc) {
          const what = python ? 'Python packages' : node ? 'node_modules' : 'native libraries';
          report({
            span: at,
            messageId: 'libc',
            data: { from, what, source: source.text, sourceLibc, target: formatImageRef(target), targetLibc },
          });
          continue;
        }
        if (python) {
          const targetVersion = pythonVersionOf(target);
          const fromPath = paths.map((p) => PATH_PYTHON_VERSION.exec(p)?.[1]).find(Boolean);
          const sourceVersion = pythonVersionOf(source.ref) ?? fromPath ?? null;
          if (targetVersion && sourceVersion && sourceVersion !== targetVersion) {
            report({ span: at, messageId: 'python', data: { from, sourceVersion, targetVersion } });
            continue;
          }
        }
        if (node) {
          const sourceVersion = nodeMajorOf(source.ref);
          const targetVersion = nodeMajorOf(target);
          if (sourceVersion && targetVersion && sourceVersion !== targetVersion)
            report({ span: at, messageId: 'node', data: { from, sourceVersion, targetVersion } });
        }
      }
    }
  },
});
