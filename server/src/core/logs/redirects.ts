import { matchBracket, yamlScalars } from '../services/syntax';
import { isLogLikePath } from './paths';
import { isStdStream, type LogSite, type SinkDetector } from './site';

/**
 * Process output sent to log files by the command that starts the process: shell redirects (`>> logs/app.log`,
 * `2> err.txt`), `| tee app.log`, and log-file flags of servers and workers (`--logfile=…`, `--access-logfile …`,
 * `--error-logfile …`, `--log-file …`, uwsgi `--logto …`). Commands are read from Procfiles, Dockerfile
 * RUN/CMD/ENTRYPOINT lines, shell scripts, package.json scripts and compose/manifest `command`/`args` values.
 */

const REDIRECT = /(?:^|[\s;&|(])([12&]?)(>>?)[ \t]{0,4}([^\s;&|<>()'"`]{1,300})/g;
const TEE = /\|[ \t]{0,4}tee[ \t]+(?:(?:-a|--append)[ \t]+)?([^\s;&|<>()'"`]{1,300})/g;
const FLAG = /(?:^|[\s"'])(--(?:logfile|log-file|access-logfile|error-logfile|logto|daemonize))(?:=|[ \t]{1,4})(["']?)([^\s;&|'"`]{1,300})\2/g;

/** Findings in one command string that starts at `base` in the file. */
export function commandSites(command: string, base: number): LogSite[] {
  const out: LogSite[] = [];
  for (const m of command.matchAll(REDIRECT)) {
    const target = m[3];
    if (target.startsWith('&') || isStdStream(target) || /^\/dev\//.test(target) || /^\$/.test(target)) continue;
    if (!(m[1] === '2' || m[1] === '&' || isLogLikePath(target))) continue;
    const start = base + m.index + m[0].indexOf(m[2]) - m[1].length;
    out.push({ start, end: base + m.index + m[0].length, what: `output redirected to ${target}` });
  }
  for (const m of command.matchAll(TEE)) {
    if (!isLogLikePath(m[1]) || /^\/dev\//.test(m[1])) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, what: `output copied to ${m[1]} with tee` });
  }
  if (/\bsidekiq\b/.test(command)) {
    for (const m of command.matchAll(/(?:^|\s)-L[ \t]{1,4}([^\s;&|'"`]{1,300})/g)) {
      if (isStdStream(m[1]) || /^\/dev\//.test(m[1])) continue;
      const start = base + m.index + m[0].indexOf('-L');
      out.push({ start, end: base + m.index + m[0].length, what: `sidekiq -L ${m[1]}` });
    }
  }
  for (const m of command.matchAll(FLAG)) {
    if (isStdStream(m[3]) || /^\/dev\//.test(m[3]) || /^\$/.test(m[3])) continue;
    const start = base + m.index + m[0].indexOf(m[1]);
    out.push({ start, end: base + m.index + m[0].length, what: `${m[1]} ${m[3]}` });
  }
  return out;
}

/** Each line's command, for line-oriented files (Procfile, shell, Dockerfile instructions). */
function lineCommands(text: string, pick: (line: string) => number | undefined): LogSite[] {
  const out: LogSite[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const at = pick(line);
    if (at !== undefined) out.push(...commandSites(line.slice(at), offset + at));
    offset += line.length + 1;
  }
  return out;
}

/** Words of which one occurs in any command these detectors can flag. */
// `.log` followed by what ends a path in a command (not `console.log(`, which is in every JS file).
export const COMMAND_WORDS = ['.log ', '.log"', ".log'", '.log\n', '.log\r', '.log;', '.log)', '.log&', '.log|', 'log/', 'logs/', '2>', '&>', '| tee', '|tee', 'logfile', 'log-file', 'logto', 'daemonize', 'nohup'];

export const REDIRECT_SINKS: readonly SinkDetector[] = [
  {
    languages: ['procfile'],
    keywords: COMMAND_WORDS,
    find: ({ text }) => lineCommands(text, (line) => {
      const m = /^[ \t]*[\w-]{1,100}[ \t]*:/.exec(line);
      return m ? m[0].length : undefined;
    }),
  },
  {
    languages: ['shell'],
    keywords: COMMAND_WORDS,
    find: ({ text }) => lineCommands(text, (line) => (/^\s*#/.test(line) ? undefined : 0)),
  },
  {
    languages: ['dockerfile'],
    keywords: COMMAND_WORDS,
    find({ text }) {
      // Instructions continue over lines ending in a backslash; only RUN, CMD and ENTRYPOINT hold commands.
      let inCommand = false;
      return lineCommands(text, (line) => {
        const m = /^[ \t]*(RUN|CMD|ENTRYPOINT|[A-Z]{2,12})\b/i.exec(line);
        const starts = m && !/^\s*#/.test(line);
        const result = starts ? (/^(?:RUN|CMD|ENTRYPOINT)$/i.test(m[1]) ? m[0].length : undefined) : inCommand ? 0 : undefined;
        if (starts) inCommand = /^(?:RUN|CMD|ENTRYPOINT)$/i.test(m[1]);
        if (!/\\\s*$/.test(line)) inCommand = false;
        return result;
      });
    },
  },
  {
    languages: ['json'],
    keywords: ['"scripts"'],
    find({ text }) {
      const m = /"scripts"\s*:\s*\{/.exec(text);
      if (!m) return [];
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return [];
      const out: LogSite[] = [];
      const values = /"[^"\n]{1,200}"\s*:\s*"((?:[^"\\\n]|\\.){0,2000})"/g;
      values.lastIndex = open;
      for (let v = values.exec(text); v && v.index < close; v = values.exec(text)) {
        out.push(...commandSites(v[1], v.index + v[0].length - v[1].length - 1));
      }
      return out;
    },
  },
  {
    languages: ['yaml'],
    keywords: COMMAND_WORDS,
    find({ text }) {
      if (!/logfile|log-file|logto|daemonize|>|tee/.test(text)) return [];
      const out: LogSite[] = [];
      for (const s of yamlScalars(text)) {
        if (!s.path.some((p) => /^(?:command|args|entrypoint|cmd|script)$/i.test(p))) continue;
        // Quoted YAML scalars start with the quote: offsets inside the value are shifted by one.
        const quoted = /^["']/.test(text.slice(s.start, s.start + 1)) ? 1 : 0;
        out.push(...commandSites(s.value, s.start + quoted));
      }
      return out;
    },
  },
];
