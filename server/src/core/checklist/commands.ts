/**
 * The commands a project runs at run time (not at build time): Dockerfile CMD/ENTRYPOINT, Procfile processes, the
 * package.json `start` script (and its `prestart`), and start/entrypoint shell scripts. Several factors look at
 * them: build steps at run time (V), self-daemonising (VIII), start-up waits (IX), migrations at start (XII).
 */
import { basename, isOutsideApp, type IndexedText, type TextCache } from './util';

export type CommandSource = 'dockerfile' | 'procfile' | 'package.json' | 'script';

export interface RunCommand {
  source: CommandSource;
  file: IndexedText;
  /** Offsets of the command text in the file. */
  start: number;
  end: number;
  /** The command text (the file's text between start and end). */
  text: string;
  /** Procfile process type (`web`, `worker`, `release`…), the Dockerfile instruction, or the script name. */
  name: string;
}

export function isDockerfile(path: string): boolean {
  const b = basename(path).toLowerCase();
  return b === 'dockerfile' || b === 'containerfile' || b.startsWith('dockerfile.') || b.endsWith('.dockerfile');
}

export function isProcfile(path: string): boolean {
  const b = basename(path);
  return b === 'Procfile' || b.startsWith('Procfile.');
}

/** Shell scripts that start the app: `docker-entrypoint.sh`, `start.sh`, `bin/run`… */
export function isStartScript(path: string): boolean {
  const b = basename(path).toLowerCase();
  return /^(?:docker-)?(?:entrypoint|start|run|boot|launch|serve|server)(?:[-_.][\w-]{0,40})?\.sh$/.test(b);
}

/** Dockerfile instructions CMD and ENTRYPOINT, continuation lines included. */
function dockerfileCommands(file: IndexedText): RunCommand[] {
  const out: RunCommand[] = [];
  const re = /^[ \t]{0,20}(CMD|ENTRYPOINT)[ \t]+/gim;
  for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
    const start = m.index + m[0].length;
    let line = file.lines.positionAt(start).line;
    // Follow `\` continuations.
    while (/\\[ \t]*$/.test(file.lines.lineText(line)) && line + 1 < file.lines.lineCount) line++;
    const end = file.lines.offsetAt({ line, character: file.lines.lineText(line).length });
    out.push({ source: 'dockerfile', file, start, end, text: file.text.slice(start, end), name: m[1].toUpperCase() });
  }
  return out;
}

/** Procfile lines `name: command`. */
export function procfileCommands(file: IndexedText): RunCommand[] {
  const out: RunCommand[] = [];
  const re = /^[ \t]{0,20}([A-Za-z0-9_-]{1,60})[ \t]*:[ \t]*(\S[^\r\n]*)$/gm;
  for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
    const start = m.index + m[0].length - m[2].length;
    out.push({ source: 'procfile', file, start, end: start + m[2].length, text: m[2], name: m[1] });
  }
  return out;
}

/** The `start` and `prestart` scripts of a package.json, located in its text. */
function packageJsonCommands(file: IndexedText): RunCommand[] {
  const scripts = packageScripts(file.text);
  if (!scripts) return [];
  const out: RunCommand[] = [];
  for (const name of ['prestart', 'start']) {
    const value = scripts[name];
    if (typeof value !== 'string') continue;
    const at = locateJsonEntry(file.text, 'scripts', name);
    if (at === undefined) continue;
    const valueStart = file.text.indexOf('"', file.text.indexOf(':', at + name.length + 2)) + 1;
    const valueEnd = jsonStringEnd(file.text, valueStart);
    out.push({ source: 'package.json', file, start: valueStart, end: valueEnd, text: file.text.slice(valueStart, valueEnd), name });
  }
  return out;
}

/** Non-comment lines of a start script. */
function scriptCommands(file: IndexedText): RunCommand[] {
  const out: RunCommand[] = [];
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const start = file.lines.offsetAt({ line, character: text.length - text.trimStart().length });
    out.push({ source: 'script', file, start, end: start + trimmed.length, text: trimmed, name: basename(file.path) });
  }
  return out;
}

/** Every run-time command of the project. */
export function runCommands(files: readonly string[], texts: TextCache): RunCommand[] {
  const out: RunCommand[] = [];
  for (const path of files) {
    if (isOutsideApp(path)) continue;
    const kind = isDockerfile(path)
      ? dockerfileCommands
      : isProcfile(path)
        ? procfileCommands
        : basename(path) === 'package.json'
          ? packageJsonCommands
          : isStartScript(path)
            ? scriptCommands
            : undefined;
    if (!kind) continue;
    const file = texts.get(path);
    if (file) out.push(...kind(file));
  }
  return out;
}

/** The `scripts` object of a package.json text, or undefined when it does not parse. */
export function packageScripts(text: string): Record<string, unknown> | undefined {
  const json = parseJsonObject(text);
  const scripts = json?.scripts;
  return scripts && typeof scripts === 'object' && !Array.isArray(scripts) ? (scripts as Record<string, unknown>) : undefined;
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The offset of the key `"name"` inside the top-level object `"section"` of a JSON text (a search from the
 * section's key: good enough for package.json files, where the key is unique within its section).
 */
export function locateJsonEntry(text: string, section: string, name: string): number | undefined {
  const sectionAt = text.search(new RegExp(`"${escapeRe(section)}"\\s{0,20}:`));
  if (sectionAt < 0) return undefined;
  const key = new RegExp(`"${escapeRe(name)}"\\s{0,20}:`, 'g');
  key.lastIndex = sectionAt + section.length + 2;
  const m = key.exec(text);
  return m ? m.index : undefined;
}

/** The offset of the closing quote of the JSON string starting at `start` (just after its opening quote). */
export function jsonStringEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"' || c === '\n') return i;
  }
  return text.length;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
