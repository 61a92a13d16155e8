import { dockerfileRule } from '../define.js';
import { lineageStages } from './lib/lineage.js';
import { isRealSecretValue, isSecretName } from './lib/secret-names.js';

export default dockerfileRule({
  id: 'final-inherits-secret',
  code: 'DA4203',
  aliases: [],
  severity: 'error',
  category: 'security',
  docs: {
    summary:
      'The final stage is built FROM a stage that set a secret-named ENV, or used a secret-named build argument in a RUN: the final image carries it.',
    rationale:
      "Multi-stage builds keep build secrets out of the image only when the final stage starts from a clean base: `FROM builder` inherits the builder's ENV values in the image configuration and its layers with their history, where every RUN after `ARG NPM_TOKEN` records the token. Start the final stage from a base image and `COPY --from=builder` the artifacts, and pass build secrets with `RUN --mount=type=secret`.",
    bad: 'FROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM build\nCMD ["node", "server.js"]',
    good: 'FROM node:20 AS build\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCMD ["node", "/app/server.js"]',
  },
  messages: {
    env: 'the final image inherits ENV {name} from stage {stage}: the value is in its configuration; start from a clean base and COPY --from={stage} what you need',
    arg: 'the final image inherits the layers of stage {stage}, whose history records build argument {name} (used by a RUN there); start from a clean base and use RUN --mount=type=secret',
  },
  check({ model, report }) {
    const final = model.finalStage;
    const image = final?.from.image;
    if (!final || !image) return;
    const ancestors = lineageStages(model, final).filter((s) => s !== final);
    if (ancestors.length === 0) return;
    const seen = new Set<string>();
    for (const stage of ancestors) {
      const label = stage.from.alias?.value ?? `#${stage.index}`;
      const args: string[] = [];
      for (const inst of stage.instructions) {
        if (inst.keyword === 'ENV') {
          for (const p of inst.pairs) {
            const real = isRealSecretValue(p.key, p.value);
            if (!isSecretName(p.key) || !real || seen.has(`env:${p.key}`)) continue;
            seen.add(`env:${p.key}`);
            report({ span: image.span, messageId: 'env', data: { name: p.key, stage: label } });
          }
        } else if (inst.keyword === 'ARG') {
          for (const a of inst.args) if (isSecretName(a.name)) args.push(a.name);
        } else if (inst.keyword === 'RUN' && args.length > 0) {
          for (const name of args.splice(0)) {
            if (seen.has(`arg:${name}`)) continue;
            seen.add(`arg:${name}`);
            report({ span: image.span, messageId: 'arg', data: { name, stage: label } });
          }
        }
      }
    }
  },
});
