import { knownText, pairOf } from '../../compose/model.js';
import { composeRule } from './lib/define.js';
import { imageUser, isRootUser } from './lib/user.js';

export default composeRule({
  id: 'service-runs-as-root',
  code: 'DA5002',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A service runs as root: `user` is root, or it is not set and the image runs as root.',
    rationale:
      'A process that runs as root in a container is root on the host kernel; a breakout or a mounted host path then has every right. Set `user:` to an unprivileged UID, or add a USER to the Dockerfile. The image default is known when the service builds from a Dockerfile in the repository (its USER, or its base image) or uses a well-known official image; images that start as root but switch user in their entrypoint (postgres, redis, mysql…) are not reported.',
    bad: 'services:\n  web:\n    image: nginx:1.27',
    good: 'services:\n  web:\n    image: nginxinc/nginx-unprivileged:1.27\n    user: "101"',
  },
  messages: {
    explicit: 'service {service}: `user: {user}` runs the container as root',
    image: 'service {service}: no `user`, and {source} runs as root',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const user = pairOf(service.node, 'user');
      if (user) {
        const value = knownText(user.value);
        if (value !== null && isRootUser(value))
          report({
            span: user.value.span,
            messageId: 'explicit',
            data: { service: service.name, user: value },
          });
        continue;
      }
      const fact = imageUser(service);
      if (fact.user === 'root')
        report({
          span: service.keySpan,
          messageId: 'image',
          data: { service: service.name, source: fact.source },
        });
    }
  },
});
