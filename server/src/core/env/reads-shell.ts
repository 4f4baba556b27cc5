import { isUpperName, type EnvRead } from './match';

/*
 * Reads in shell code: shell scripts, Dockerfile RUN/CMD/ENTRYPOINT instructions and Procfile commands.
 * `$X`, `${X}`, `${X:-default}`, `${X:?error}`… are reads, of upper-case names only (lower-case shell variables
 * are script locals by convention). Variables the file defines itself are not reads of the environment once they
 * are defined: an assignment `X=…`/`export X=…`/`local X=…`, `for X in`, `read X`, `${X:=…}`, and in a
 * Dockerfile every ENV/ARG name. A use on the line of the first definition or before it still reads the
 * environment (`export X="${X:-default}"`).
 */

/** Variables the shell itself sets or uses internally: never the app's configuration. */
const SHELL_OWN = new Set([
  'BASH', 'BASHPID', 'BASH_SOURCE', 'BASH_VERSION', 'BASH_REMATCH', 'BASH_ARGV', 'BASH_ARGC', 'BASH_LINENO',
  'BASH_COMMAND', 'BASH_SUBSHELL', 'FUNCNAME', 'LINENO', 'RANDOM', 'SRANDOM', 'SECONDS', 'EPOCHSECONDS',
  'EPOCHREALTIME', 'IFS', 'OPTARG', 'OPTIND', 'OPTERR', 'PPID', 'UID', 'EUID', 'GROUPS', 'REPLY', 'PIPESTATUS',
  'HOSTTYPE', 'OSTYPE', 'MACHTYPE', 'SHLVL', 'SHELLOPTS', 'BASHOPTS', 'PS1', 'PS2', 'PS4', 'COLUMNS', 'LINES',
  'DIRSTACK', 'HISTFILE', 'HISTSIZE', 'COMP_WORDS', 'COMP_CWORD', 'COMPREPLY', 'MAPFILE', 'ZSH_VERSION',
]);

const VAR = /(?<!\\)\$(?:\$|\{(?<braced>[A-Za-z_][A-Za-z0-9_]{0,127})(?=[}:#%/^,@[\-+=?])|(?<bare>[A-Za-z_][A-Za-z0-9_]{0,127})(?![A-Za-z0-9_]))/g;

/**
 * Definitions by the script: name → the offset from which the name is the script's own. An assignment takes
 * effect from the next line (so `export X="${X:-d}"` still reads X); `for X in` and `read X` at once.
 */
function definitions(text: string): Map<string, number> {
  const defs = new Map<string, number>();
  const add = (name: string, from: number) => {
    if (!defs.has(name) || defs.get(name)! > from) defs.set(name, from);
  };
  const nextLine = (at: number) => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl + 1;
  };
  const assignments = [
    /(?:^|[\s;&|(])(?<name>[A-Za-z_][A-Za-z0-9_]{0,127})\+?=(?!=)/g,
    /\$\{(?<name>[A-Za-z_][A-Za-z0-9_]{0,127}):?=/g,
  ];
  for (const re of assignments) {
    for (let m = re.exec(text); m; m = re.exec(text)) add(m.groups!.name, nextLine(m.index + 1));
  }
  const loops = /\bfor[ \t]{1,8}(?<name>[A-Za-z_][A-Za-z0-9_]{0,127})[ \t]{1,8}in\b/g;
  for (let m = loops.exec(text); m; m = loops.exec(text)) add(m.groups!.name, m.index + m[0].length);
  const read = /\bread(?:[ \t]{1,8}-[a-zA-Z]{1,4})*((?:[ \t]{1,8}[A-Za-z_][A-Za-z0-9_]{0,127}){1,8})/g;
  for (let m = read.exec(text); m; m = read.exec(text)) {
    for (const n of m[1].trim().split(/[ \t]+/)) add(n, m.index + m[0].length);
  }
  return defs;
}

/**
 * Single-quoted strings do not expand `$X`, except the script of `sh -c '…'`: blanks them. A `'` inside double
 * quotes is an ordinary character (`"values ('$X')"` expands X), so double-quote state is tracked.
 */
function maskSingleQuoted(text: string): string {
  if (!text.includes("'")) return text;
  let out = '';
  let from = 0;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') inDouble = !inDouble;
    else if (c === "'" && !inDouble) {
      const end = text.indexOf("'", i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end) || end - i > 2000) continue; // unterminated on its line: leave it
      if (!/-c[ \t]{0,4}$/.test(text.slice(Math.max(0, i - 8), i))) {
        out += text.slice(from, i) + ' '.repeat(end + 1 - i);
        from = end + 1;
      }
      i = end;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Reads in (comment-masked) shell text. `predefined` names are defined before the first line (Dockerfile
 * ENV/ARG).
 */
export function shellReads(text: string, out: EnvRead[], predefined: ReadonlySet<string> = new Set()): void {
  const code = maskSingleQuoted(text);
  const defs = definitions(code);
  const re = new RegExp(VAR.source, 'g');
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const name = m.groups?.braced ?? m.groups?.bare;
    if (!name || !isUpperName(name) || SHELL_OWN.has(name) || predefined.has(name)) continue;
    const start = m.index + m[0].indexOf(name);
    const ownFrom = defs.get(name);
    if (ownFrom !== undefined && start >= ownFrom) continue;
    out.push({ name, start, end: start + name.length });
  }
}

/**
 * Dockerfile: the shell of RUN, CMD and ENTRYPOINT (with their continuation lines). The exec form
 * (`CMD ["node", "app.js"]`) does no variable expansion unless it runs a shell with `-c`.
 */
export function dockerfileReads(text: string, out: EnvRead[]): void {
  const predefined = new Set<string>();
  const kept: string[] = [];
  let keyword = '';
  let continuing = false;
  for (const line of text.split('\n')) {
    let args = line;
    if (!continuing) {
      const ins = /^[ \t]*([A-Za-z]+)[ \t]*(.*)$/.exec(line);
      keyword = ins?.[1].toUpperCase() ?? '';
      args = ins?.[2] ?? '';
      const legacy = /^([A-Za-z_][A-Za-z0-9_]{0,127})(?:\s|$)/.exec(args.trimStart());
      if ((keyword === 'ENV' || keyword === 'ARG') && legacy) predefined.add(legacy[1]); // ENV X value / ARG X
      if (args.trimStart().startsWith('[') && !/"-c"/.test(args)) keyword = 'EXEC-FORM';
    }
    if (keyword === 'ENV' || keyword === 'ARG') {
      for (const d of args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]{0,127})=/g)) predefined.add(d[1]);
    }
    const inShell = keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT';
    kept.push(inShell ? line : ' '.repeat(line.length));
    continuing = /\\\r?$/.test(line) || (continuing && line.trim() === '');
  }
  shellReads(kept.join('\n'), out, predefined);
}
