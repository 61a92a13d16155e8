import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { isUnder, lineageStages, resolvePath, workdirAt } from './lib/lineage.js';
import { copiedFiles, secretPathKind, soundsSecret } from './lib/secret-files.js';

interface Added {
  /** Paths the file may have in the image. */
  candidates: string[];
  /** What to call it in messages. */
  name: string;
  inst: Instruction;
  /** The name alone makes it a secret (not just a file that often holds one). */
  strong: boolean;
}

function isStrong(path: string): boolean {
  return secretPathKind(path)?.evidence === 'certain';
}

/** `rm` targets as patterns: `*` and `?` match within one path segment. */
function matcher(target: string): (path: string) => boolean {
  if (!/[*?[]/.test(target)) return (path) => isUnder(path, target);
  const re = new RegExp(
    `^${target
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}(?:/.*)?$`,
  );
  return (path) => re.test(path);
}

/** Files a RUN writes with a redirection (`echo … > /root/.npmrc`). */
function written(model: DockerfileAnalysis, inst: Instruction): Added[] {
  const out: Added[] = [];
  const dir = workdirAt(model, inst);
  if (dir === null) return out;
  for (const cmd of model.commandsOf(inst)?.commands ?? [])
    for (const r of cmd.redirects) {
      if ((r.op !== '>' && r.op !== '>>') || r.fd !== null || !r.target?.value) continue;
      // `echo "GOOS=linux" > /tmp/.env`: literal text shows no secret (a token in it is reported elsewhere).
      if ((cmd.program === 'echo' || cmd.program === 'printf') && cmd.args.every((a) => a.value !== null))
        continue;
      const path = resolvePath(dir, r.target.value);
      if (soundsSecret(path)) out.push({ candidates: [path], name: path, inst, strong: isStrong(path) });
    }
  return out;
}

const NAME_HINT =
  /secret|token|credential|passw|private|id_|ppk|kdbx|tfstate|tfvars|history|secring|dockercfg|azure|\.key|env|npmrc|yarnrc|pypirc|netrc|\.ssh|\.aws|kube|\.docker|gnupg|\.p12|\.pfx|\.jks|\.pem|settings\.xml|gradle\.properties|pip\.conf|htpasswd|pgpass|my\.cnf|vault/i;

/** Whether any COPY/ADD or RUN redirection of the file names something that may be a secret. */
function mayAddSecret(model: DockerfileAnalysis): boolean {
  for (const top of model.file.instructions) {
    const inst = top.keyword === 'ONBUILD' && top.trigger ? top.trigger : top;
    if ((inst.keyword === 'COPY' || inst.keyword === 'ADD') && NAME_HINT.test(inst.argsText)) return true;
  }
  for (const { cmd } of model.runCommands())
    for (const r of cmd.redirects) if (r.target && NAME_HINT.test(r.target.text)) return true;
  return false;
}

export default dockerfileRule({
  id: 'secret-deleted-later',
  code: 'DA3103',
  aliases: [],
  severity: 'error',
  category: 'security',
  docs: {
    summary:
      'A secret file added by one instruction and deleted by a later one: it still ships in the earlier layer.',
    rationale:
      'Every instruction adds a layer; `rm` in a later RUN only hides the file in the final filesystem view. The key, token or credentials file is still in the layer that added it, and `docker save` or any registry client extracts it in seconds. Use it without ever writing it to a layer: `RUN --mount=type=secret,id=key …` (or `--mount=type=ssh` for git over SSH, or a bind mount from a builder stage).',
    bad: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:acme/app.git /app\nRUN rm /root/.ssh/id_rsa',
    good: 'FROM alpine:3.20\nRUN --mount=type=ssh git clone git@github.com:acme/app.git /app',
  },
  messages: {
    default:
      '`rm` does not remove {file}: it is still in the layer of line {line} ({keyword}); use RUN --mount=type=secret (or --mount=type=ssh) so it never enters a layer',
  },
  check({ model, report }) {
    // Only a later `rm` can make this finding, and only of a file whose name sounds secret: files
    // without either are done at once.
    if (model.commandsNamed('rm').length === 0 || !mayAddSecret(model)) return;
    const lines = model.file.lines;
    // What each instruction adds, computed once (a stage's ancestors are read again for each stage).
    const addedBy = new Map<Instruction, Added[]>();
    const addsOf = (inst: Instruction): Added[] => {
      let list = addedBy.get(inst);
      if (list) return list;
      list = [];
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        for (const f of copiedFiles(model, inst)) {
          // A public download (`ADD https://…/Release.key`) is no secret.
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(f.source.value)) continue;
          if (f.candidates.some(soundsSecret))
            list.push({
              candidates: f.candidates,
              name: f.source.value,
              inst,
              strong: f.candidates.some(isStrong),
            });
        }
      } else if (inst.keyword === 'RUN') list = written(model, inst);
      addedBy.set(inst, list);
      return list;
    };
    for (const stage of model.stages) {
      const added: Added[] = [];
      for (const s of lineageStages(model, stage)) {
        const own = s === stage;
        for (const inst of s.instructions) {
          if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
            added.push(...addsOf(inst));
            continue;
          }
          if (inst.keyword !== 'RUN') continue;
          const dir = workdirAt(model, inst);
          if (own && dir !== null && added.length > 0) {
            for (const cmd of model.commandsOf(inst)?.commands ?? []) {
              if (cmd.program !== 'rm') continue;
              for (const arg of cmd.args) {
                if (arg.value === null || arg.value.startsWith('-')) continue;
                const target = resolvePath(dir, arg.value);
                const hit = matcher(target);
                // Named on its own or by a pattern (`*.key`), the file is being hidden on purpose; removed with
                // its folder (`rm -rf /tmp/*`), only a file whose name surely means a secret counts.
                const targeted =
                  /[*?[]/.test(target) && /[^*?[\]/]/.test(target.slice(target.lastIndexOf('/') + 1));
                const file = added.find(
                  (a) => a.candidates.includes(target) || ((a.strong || targeted) && a.candidates.some(hit)),
                );
                if (!file) continue;
                report({
                  span: { start: arg.start, end: arg.end },
                  data: {
                    file: file.name,
                    line: lines.position(file.inst.span.start).line,
                    keyword: file.inst.keyword,
                  },
                });
              }
            }
          }
          // Written after the deletions are judged: a file created and removed in one RUN never persists.
          added.push(...addsOf(inst));
        }
      }
    }
  },
});
