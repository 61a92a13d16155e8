import { isAbsolute, resolve as resolvePath } from 'node:path';
import { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { type BuildInfo, fileAt, get, type MapNode, type SourceFile, text } from './model.js';
import type { ReadText } from './sources.js';

const REMOTE_CONTEXT = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|\.git(?:#|$)/i;

/**
 * The build section of a service with its paths resolved (relative to the folder of the file that
 * wrote them, as Compose resolves them) and its Dockerfile read and parsed when it is on disk.
 */
export async function resolveBuild(
  build: MapNode,
  files: readonly SourceFile[],
  projectDir: string,
  readDockerfile: (absPath: string) => Promise<DockerfileAnalysis | null>,
  display: (absPath: string) => string,
): Promise<BuildInfo> {
  const contextNode = get(build, 'context');
  const contextText = text(contextNode) ?? '.';
  const target = text(get(build, 'target'));
  const inline = text(get(build, 'dockerfile_inline'));
  const info: BuildInfo = {
    node: build,
    contextDir: null,
    dockerfilePath: null,
    dockerfileDisplay: null,
    target,
    analysis: null,
  };
  if (inline !== null) {
    const owner = fileAt({ files }, build.span.start);
    info.dockerfileDisplay = `${owner?.path ?? 'compose'} (dockerfile_inline)`;
    info.analysis = analyse(inline, info.dockerfileDisplay);
  }
  if (REMOTE_CONTEXT.test(contextText)) return info;
  const owner = fileAt({ files }, (contextNode ?? build).span.start);
  info.contextDir = resolvePath(owner?.baseDir ?? projectDir, contextText);
  if (inline !== null) return info;
  const dockerfile = text(get(build, 'dockerfile')) ?? 'Dockerfile';
  info.dockerfilePath = isAbsolute(dockerfile) ? dockerfile : resolvePath(info.contextDir, dockerfile);
  info.dockerfileDisplay = display(info.dockerfilePath);
  info.analysis = await readDockerfile(info.dockerfilePath);
  return info;
}

export function analyse(text: string, path: string): DockerfileAnalysis | null {
  const file = parseDockerfile(text, path);
  if (file.instructions.length === 0 || file.stages.length === 0) return null;
  return new DockerfileAnalysis(file);
}

/** Reads Dockerfiles once per path; a missing or unreadable one is null (its facts stay unknown). */
export function dockerfileReader(
  readText: ReadText,
  display: (absPath: string) => string,
): (absPath: string) => Promise<DockerfileAnalysis | null> {
  const cache = new Map<string, Promise<DockerfileAnalysis | null>>();
  return (absPath) => {
    let p = cache.get(absPath);
    if (!p) {
      p = readText(absPath).then(
        (t) => analyse(t, display(absPath)),
        () => null,
      );
      cache.set(absPath, p);
    }
    return p;
  };
}
