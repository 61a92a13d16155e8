import { dockerfileRule } from '../define.js';
import { commandSpan, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

export default dockerfileRule({
  id: 'go-pin-versions',
  code: 'DA2062',
  aliases: ['DL3062'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`go install`, `go get` or `go run` of a remote package without a version.',
    rationale:
      "Outside a module, `go install example.com/tool` (or `@latest`) builds whatever the default branch holds today, so rebuilds differ. Give a version: `go install example.com/tool@v1.4.2`. Local packages (`.`, `./cmd/x`, absolute paths, `.go` files) are built from the context and are not reported; for `go run` only the package is checked, not the program's arguments.",
    bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@latest',
    good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.26.0',
  },
  messages: {
    default: 'pin a version of {packages} (`go {subcommand} <package>@<version>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'go')) {
      const sub = pc.subcommand;
      if (sub !== 'install' && sub !== 'get' && sub !== 'run') continue;
      const packages = sub === 'run' ? pc.operands.slice(0, 1) : pc.operands;
      const unpinned = packages.filter((w) => {
        const v = w.value;
        if (v === null || /^[./~]/.test(v) || v.endsWith('.go') || v.startsWith('-')) return false;
        const at = v.lastIndexOf('@');
        return at === -1 || v.slice(at + 1) === 'latest';
      });
      if (unpinned.length === 0) continue;
      const r = unpinnedReport(model, pc, unpinned);
      report({ span: commandSpan(pc), messageId: r.messageId, data: { ...r.data, subcommand: sub } });
    }
  },
});
