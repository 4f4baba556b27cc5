/*
 * Which env example file governs a file, and where to create one. Pure: the caller passes `exists` (e.g.
 * `fs.existsSync`), so the same code serves the server, the CLI and tests. Paths may use `/` or `\`; results use
 * the separator of the input.
 */

/** Names of env example files, in order of preference within one folder. */
export const ENV_EXAMPLE_NAMES: readonly string[] = [
  '.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env', 'env.example',
];

/** Files whose presence marks the root of an app (where its `.env.example` belongs). */
export const MANIFEST_NAMES: readonly string[] = [
  'package.json', 'pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'go.mod', 'pom.xml', 'build.gradle',
  'build.gradle.kts', 'Gemfile', 'composer.json', 'Cargo.toml',
];

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Whether the file is an env example (the shared contract): `.env.example`, `.env.production.sample`, `example.env`, `docker.env.example`… */
export function isEnvExampleFile(path: string): boolean {
  const base = baseName(path);
  return /^(?:.*\.)?env(?:\.[\w-]+)*\.(?:example|sample|template|dist|defaults?)$/i.test(base) || /^(?:example|sample)\.env$/i.test(base);
}

/** Whether the file is a local dotenv file holding real values: `.env`, `.env.local`, `.env.development`, `local.env`… (not example files). */
export function isDotenvFile(path: string): boolean {
  const base = baseName(path);
  if (isEnvExampleFile(path)) return false;
  return /^\.env(?:\.[\w.-]+)?$/i.test(base) || /^[\w.-]+\.env$/i.test(base);
}

interface Walk {
  sep: string;
  folders: string[];
}

/** The file's folder and its ancestors up to and including `root` (only the file's folder if it is outside root). */
function foldersUp(filePath: string, root: string): Walk {
  const sep = filePath.includes('/') || !filePath.includes('\\') ? '/' : '\\';
  const trim = (p: string) => (p.length > 1 && (p.endsWith('/') || p.endsWith('\\')) ? p.slice(0, -1) : p);
  const top = trim(root);
  const folders: string[] = [];
  let dir = trim(filePath.slice(0, Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'))) || sep);
  const inside = dir === top || dir.startsWith(top.endsWith(sep) ? top : top + sep);
  for (;;) {
    folders.push(dir);
    if (!inside || dir === top) break;
    const cut = Math.max(dir.lastIndexOf('/'), dir.lastIndexOf('\\'));
    if (cut < 0) break;
    const parent = cut === 0 ? sep : dir.slice(0, cut);
    if (parent === dir || parent.length < top.length) break;
    dir = parent;
  }
  return { sep, folders };
}

function join(folder: string, name: string, sep: string): string {
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/**
 * The env example file nearest to `filePath`: the first of ENV_EXAMPLE_NAMES found in the file's folder, then its
 * parent, … up to `workspaceRoot`. Monorepos have one per app; the nearest wins.
 */
export function findEnvExample(filePath: string, workspaceRoot: string, exists: (path: string) => boolean): string | undefined {
  const { sep, folders } = foldersUp(filePath, workspaceRoot);
  for (const folder of folders) {
    for (const name of ENV_EXAMPLE_NAMES) {
      const candidate = join(folder, name, sep);
      if (candidate !== filePath && exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Where to create `.env.example` when there is none: next to the nearest package manifest (package.json,
 * pyproject.toml, go.mod, pom.xml, Gemfile, Cargo.toml, `<folder>.csproj`…) at or above the file, else at the
 * workspace root.
 */
export function envExampleCreatePath(filePath: string, workspaceRoot: string, exists: (path: string) => boolean): string {
  const { sep, folders } = foldersUp(filePath, workspaceRoot);
  for (const folder of folders) {
    const names = [...MANIFEST_NAMES, `${baseName(folder)}.csproj`];
    if (names.some((n) => exists(join(folder, n, sep)))) return join(folder, '.env.example', sep);
  }
  const top = folders[folders.length - 1];
  return join(top, '.env.example', sep);
}

/**
 * findEnvExample and envExampleCreatePath for many files of a tree that does not change meanwhile (a CLI run): the
 * answer for a folder is the same for every file in it and below it until a folder answers for itself, so each
 * folder's own files are looked for once, not once per file under it. Same results as the functions above.
 */
export class FolderDiscovery {
  private readonly examples = new Map<string, string | undefined>();
  private readonly creates = new Map<string, string>();

  /**
   * `namesOf` (optional): the names in a folder, as a listing the caller already holds (null: the folder cannot be
   * read), or undefined when it has none; a folder's own files are then looked up by name, without building and
   * asking for each candidate's path. It must agree with `exists`.
   */
  constructor(
    private readonly exists: (path: string) => boolean,
    private readonly namesOf?: (folder: string) => ReadonlySet<string> | null | undefined,
  ) {}

  /** Whether `folder` holds a file named `name` (a name, not a path). */
  private has(folder: string, name: string, sep: string): boolean {
    const names = this.namesOf?.(folder);
    return names === undefined ? this.exists(join(folder, name, sep)) : names !== null && names.has(name);
  }

  envExample(filePath: string, workspaceRoot: string): string | undefined {
    // An example file is not its own example: asked for one, the plain walk skips it.
    if (ENV_EXAMPLE_NAMES.includes(baseName(filePath))) return findEnvExample(filePath, workspaceRoot, this.exists);
    const { sep, folders } = foldersUp(filePath, workspaceRoot);
    return this.upward(this.examples, workspaceRoot, folders, (folder) => {
      const name = ENV_EXAMPLE_NAMES.find((n) => this.has(folder, n, sep));
      return name === undefined ? undefined : { answer: join(folder, name, sep) };
    }, undefined);
  }

  createPath(filePath: string, workspaceRoot: string): string {
    const { sep, folders } = foldersUp(filePath, workspaceRoot);
    return this.upward(this.creates, workspaceRoot, folders, (folder) => {
      const csproj = `${baseName(folder)}.csproj`;
      return MANIFEST_NAMES.some((n) => this.has(folder, n, sep)) || this.has(folder, csproj, sep) ? { answer: join(folder, '.env.example', sep) } : undefined;
    }, join(folders[folders.length - 1], '.env.example', sep));
  }

  /**
   * The answer of the first folder (nearest first) that has one, else `fallback`; remembered for every folder
   * walked (keyed with the root, where the walk ends).
   */
  private upward<T>(memo: Map<string, T>, root: string, folders: string[], own: (folder: string) => { answer: T } | undefined, fallback: T): T {
    let result = fallback;
    let walked = folders.length;
    for (let i = 0; i < folders.length; i++) {
      const key = `${root}\n${folders[i]}`;
      if (memo.has(key)) {
        result = memo.get(key) as T;
        walked = i;
        break;
      }
      const found = own(folders[i]);
      if (found) {
        result = found.answer;
        walked = i + 1;
        break;
      }
    }
    for (let i = 0; i < walked; i++) memo.set(`${root}\n${folders[i]}`, result);
    return result;
  }
}
