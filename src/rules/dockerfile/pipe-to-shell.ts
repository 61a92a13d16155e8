import type { ShellCommand, ShellWord } from '../../dockerfile/shell-ast.js';
import { flattenCommands } from '../../dockerfile/shell-commands.js';
import { dockerfileRule } from '../define.js';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const INTERPRETERS = new Set(['python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php']);
/** Builtins that run the text or file they are given. */
const EVALUATORS = new Set(['eval', 'source', '.']);

/** Whether a command in a pipeline reads its script from stdin (`sh`, `bash -s -- x`, `python3 -`). */
function runsStdin(cmd: ShellCommand): boolean {
  const p = cmd.program;
  if (!p) return false;
  if (SHELLS.has(p)) {
    for (const a of cmd.args) {
      const v = a.value;
      if (v === null) return false;
      if (v === '-' || v === '-s' || v === '--') return true;
      if (/^-[a-zA-Z]*c/.test(v)) return false;
      if (v === '-o' || v === '+o') continue;
      if (!/^[-+]/.test(v)) return false;
    }
    return true;
  }
  if (INTERPRETERS.has(p)) {
    const positional = cmd.args.filter(
      (a) => a.value === null || !a.value.startsWith('-') || a.value === '-',
    );
    return positional.length === 0 || positional[0]!.value === '-';
  }
  return false;
}

/** `"$(curl …)"`, `<(wget -O- …)`: a word that is exactly a substitution running a downloader. */
function downloadedScript(word: ShellWord): boolean {
  if (word.substitutions.length !== 1) return false;
  const t = word.text.trim();
  if (!/^(?:\$\(|<\(|`)/.test(t) || !/[)`]$/.test(t)) return false;
  return flattenCommands(word.substitutions[0]!).some(
    (c) => c.program !== null && DOWNLOADERS.has(c.program),
  );
}

export default dockerfileRule({
  id: 'pipe-to-shell',
  code: 'DA3108',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'A script downloaded and run in one step (`curl … | sh`, `wget -O- … | bash`, `sh -c "$(curl …)"`).',
    rationale:
      'Whatever the server (or anyone between it and the build) sends is executed as root, unverified, and a truncated download runs half a script. Download to a file, check its SHA-256 against a pinned value (or use `ADD --checksum=`), then run it; better, install the tool from a package repository whose signatures are checked.',
    bad: 'FROM debian:12\nRUN curl -fsSL https://get.example.com/install.sh | sh',
    good: 'FROM debian:12\nADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef https://get.example.com/install.sh /tmp/install.sh\nRUN sh /tmp/install.sh',
  },
  messages: {
    default:
      '{downloader} output is run by {shell} unverified: download to a file, check its SHA-256, then run it',
  },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      const run = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (run?.keyword !== 'RUN') continue;
      const commands = model.commandsOf(run)?.commands;
      if (!commands || commands.length === 0) continue;
      const reported = new Set<number>();
      for (let i = 0; i < commands.length; i++) {
        const d = commands[i]!;
        if (!d.program || !DOWNLOADERS.has(d.program) || d.pipeline.length < 2 || d.inSubstitution) continue;
        if (reported.has(d.pipeline.id)) continue;
        for (let j = i + 1; j < commands.length; j++) {
          const s = commands[j]!;
          if (s.pipeline.id !== d.pipeline.id || s.pipeline.index <= d.pipeline.index || s.start < d.end)
            continue;
          if (!runsStdin(s)) continue;
          reported.add(d.pipeline.id);
          report({
            span: { start: d.start, end: s.end },
            data: { downloader: d.program, shell: s.program! },
          });
          break;
        }
      }
      for (const c of commands) {
        const p = c.program;
        if (!p || !(SHELLS.has(p) || EVALUATORS.has(p) || INTERPRETERS.has(p))) continue;
        const word = c.args.find(downloadedScript);
        if (!word) continue;
        const inner = flattenCommands(word.substitutions[0]!).find(
          (x) => x.program && DOWNLOADERS.has(x.program),
        );
        report({ span: { start: c.start, end: c.end }, data: { downloader: inner!.program!, shell: p } });
      }
    }
  },
});
