/**
 * Factors I (Codebase) and II (Dependencies): the apps of the project (folders with a dependency manifest), their
 * lock files, and unpinned versions in package.json and requirements files.
 */
import { locateJsonEntry, parseJsonObject } from './commands';
import type { ChecklistCheck, ChecklistFinding, ProjectSnapshot } from './types';
import {
  basename,
  check,
  dirname,
  findingAt,
  findingOnFile,
  isCodeFile,
  isOutsideApp,
  joinPath,
  plural,
  selfAndAncestors,
  type TextCache,
} from './util';

/** A dependency manifest and what it takes to lock it. */
interface ManifestKind {
  ecosystem: string;
  matches(name: string, path: string): boolean;
  /** Lock files that satisfy it; none means the ecosystem pins exact versions in the manifest itself. */
  locks: readonly string[];
  /** Also accept a lock file in an ancestor folder (workspaces). */
  lockInAncestors?: boolean;
  /** Whether the manifest declares anything to lock (a manifest without dependencies needs no lock file). */
  hasDependencies?(text: string): boolean;
}

const NODE_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];
const PY_LOCKS = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'requirements.lock'];

const KINDS: readonly ManifestKind[] = [
  {
    ecosystem: 'npm',
    matches: (n) => n === 'package.json',
    locks: NODE_LOCKS,
    lockInAncestors: true,
    hasDependencies: (t) => {
      const json = parseJsonObject(t);
      return ['dependencies', 'devDependencies', 'optionalDependencies'].some((s) => {
        const deps = json?.[s];
        return !!deps && typeof deps === 'object' && Object.keys(deps).length > 0;
      });
    },
  },
  { ecosystem: 'Python', matches: (n) => n === 'pyproject.toml', locks: PY_LOCKS, lockInAncestors: true, hasDependencies: (t) => /dependencies/.test(t) },
  { ecosystem: 'Pipenv', matches: (n) => n === 'Pipfile', locks: ['Pipfile.lock'] },
  { ecosystem: 'pip', matches: isRequirementsFile, locks: [] },
  { ecosystem: 'Go', matches: (n) => n === 'go.mod', locks: ['go.sum'], hasDependencies: (t) => /^\s{0,8}require\b/m.test(t) },
  { ecosystem: 'Bundler', matches: (n) => n === 'Gemfile' || n === 'gems.rb', locks: ['Gemfile.lock', 'gems.locked'] },
  { ecosystem: 'Composer', matches: (n) => n === 'composer.json', locks: ['composer.lock'], hasDependencies: (t) => /"require"\s{0,20}:\s{0,20}\{\s{0,20}"/.test(t) },
  { ecosystem: 'Cargo', matches: (n) => n === 'Cargo.toml', locks: ['Cargo.lock'], lockInAncestors: true },
  { ecosystem: 'Mix', matches: (n) => n === 'mix.exs', locks: ['mix.lock'] },
  { ecosystem: 'Maven', matches: (n) => n === 'pom.xml', locks: [] },
  { ecosystem: 'Gradle', matches: (n) => n === 'build.gradle' || n === 'build.gradle.kts', locks: [] },
  { ecosystem: 'NuGet', matches: (n) => /\.(?:cs|fs|vb)proj$/.test(n), locks: [] },
];

function isRequirementsFile(name: string, path: string): boolean {
  return /^requirements(?:[-_.][\w.-]{0,40})?\.txt$/.test(name) || (/(?:^|\/)requirements\/[^/]+\.txt$/.test(path));
}

export interface Manifest {
  path: string;
  /** The app folder: the manifest's folder (or the parent of a `requirements/` folder). */
  dir: string;
  kind: ManifestKind;
}

export function findManifests(snapshot: ProjectSnapshot): Manifest[] {
  const out: Manifest[] = [];
  for (const path of snapshot.files) {
    if (isOutsideApp(path)) continue;
    const name = basename(path);
    const kind = KINDS.find((k) => k.matches(name, path));
    if (!kind) continue;
    let dir = dirname(path);
    if (basename(dir) === 'requirements' && kind.ecosystem === 'pip') dir = dirname(dir);
    out.push({ path, dir, kind });
  }
  return out;
}

/** Files that declare a multi-package workspace (several packages in one repository on purpose). */
function workspaceDeclaration(snapshot: ProjectSnapshot, texts: TextCache): string | undefined {
  const has = new Set(snapshot.files);
  for (const f of ['pnpm-workspace.yaml', 'lerna.json', 'nx.json', 'turbo.json', 'rush.json', 'go.work', 'settings.gradle', 'settings.gradle.kts']) {
    if (has.has(f)) return f;
  }
  const checks: [string, RegExp][] = [
    ['package.json', /"workspaces"\s{0,20}:/],
    ['Cargo.toml', /^\[workspace\]/m],
    ['pyproject.toml', /^\[tool\.uv\.workspace\]/m],
    ['pom.xml', /<modules>/],
  ];
  for (const [file, re] of checks) {
    const t = has.has(file) ? texts.get(file)?.text : undefined;
    if (t && re.test(t)) return file;
  }
  return undefined;
}

export function codebaseChecks(snapshot: ProjectSnapshot, manifests: Manifest[], texts: TextCache): ChecklistCheck[] {
  const git = snapshot.isGitRepo
    ? check('codebase/git-repo', 'The code is tracked in a git repository', 'pass', 'git work tree')
    : check('codebase/git-repo', 'The code is tracked in a git repository', 'fail', 'not in a git work tree');
  const dirs = [...new Set(manifests.map((m) => m.dir))].sort();
  const title = 'One app per repository';
  let apps: ChecklistCheck;
  if (dirs.length <= 1) {
    apps = check('codebase/one-app', title, 'pass', dirs.length === 1 ? `one app${dirs[0] ? ` in ${dirs[0]}/` : ''}` : 'one codebase');
  } else {
    const workspace = workspaceDeclaration(snapshot, texts);
    const names = dirs.map((d) => (d === '' ? '.' : d)).join(', ');
    if (workspace) {
      apps = check(
        'codebase/one-app',
        'Several packages share this repository as a declared workspace: is each deployed app its own codebase, with shared code as libraries?',
        'review',
        `${dirs.length} packages (workspace in ${workspace})`,
      );
    } else {
      const findings = dirs.map((d) => {
        const m = manifests.find((x) => x.dir === d)!;
        return findingOnFile(m.path, 1, 'warning', `One of ${dirs.length} apps in this repository (${names}). Give each app its own repository, or factor shared code into libraries.`);
      });
      apps = check('codebase/one-app', title, 'warn', `${dirs.length} apps in one repository`, findings);
    }
  }
  return [git, apps];
}

function lockFor(m: Manifest, has: Set<string>): string | undefined {
  const dirs = m.kind.lockInAncestors ? selfAndAncestors(dirname(m.path)) : [dirname(m.path)];
  for (const d of dirs) for (const l of m.kind.locks) if (has.has(joinPath(d, l))) return joinPath(d, l);
  return undefined;
}

export function dependencyChecks(snapshot: ProjectSnapshot, manifests: Manifest[], texts: TextCache): ChecklistCheck[] {
  if (manifests.length === 0) {
    const hasCode = snapshot.files.some((f) => isCodeFile(f) && !isOutsideApp(f));
    return [
      hasCode
        ? check('dependencies/manifest', 'Dependencies are declared in a manifest', 'fail', 'no dependency manifest', [])
        : check('dependencies/manifest', 'Are all dependencies declared in a manifest?', 'review', 'no code and no dependency manifest found'),
    ];
  }
  const ecosystems = [...new Set(manifests.map((m) => basename(m.path)))].slice(0, 4).join(', ');
  const manifestCheck = check('dependencies/manifest', 'Dependencies are declared in a manifest', 'pass', ecosystems);

  const has = new Set(snapshot.files);
  const pins = pinChecks(manifests, texts);
  const missing: ChecklistFinding[] = [];
  const locks = new Set<string>();
  for (const m of manifests) {
    if (m.kind.locks.length === 0) continue;
    const lock =
      lockFor(m, has) ??
      (m.kind.ecosystem === 'Python'
        ? manifests.find((r) => r.kind.ecosystem === 'pip' && r.dir === m.dir && !pins.notFullyPinned.has(r.path))?.path
        : undefined);
    if (lock) {
      locks.add(basename(lock));
      continue;
    }
    const text = texts.get(m.path)?.text;
    if (m.kind.hasDependencies && text !== undefined && !m.kind.hasDependencies(text)) continue;
    missing.push(findingOnFile(m.path, 2, 'warning', `${basename(m.path)} has no lock file (${m.kind.locks.slice(0, 3).join(', ')}…): builds may resolve different versions.`));
  }
  for (const m of manifests) {
    if (m.kind.ecosystem !== 'pip' || !pins.notFullyPinned.has(m.path)) continue;
    const pyLock = PY_LOCKS.some((l) => has.has(joinPath(m.dir, l)));
    if (!pyLock) missing.push(findingOnFile(m.path, 2, 'warning', `${basename(m.path)} does not pin every package with == and there is no lock file.`));
  }
  const lockCheck =
    missing.length === 0
      ? check('dependencies/lockfile', 'Each app has a lock file', 'pass', locks.size > 0 ? [...locks].join(', ') : 'versions pinned in the manifests')
      : check('dependencies/lockfile', 'Each app has a lock file', 'warn', `${plural(missing.length, 'manifest')} without a lock file`, missing);
  const pinFindings = pins.findings;
  const pinCheck =
    pinFindings.length === 0
      ? check('dependencies/pinned-versions', 'No unpinned dependency versions', 'pass', 'no unpinned versions')
      : check('dependencies/pinned-versions', 'No unpinned dependency versions', 'warn', plural(pinFindings.length, 'unpinned dependency', 'unpinned dependencies'), pinFindings);
  return [manifestCheck, lockCheck, pinCheck];
}

/** Versions that accept anything: `*`, `x`, `latest`, empty, or an open-ended `>=`. */
const UNPINNED_NPM = /^(?:\*|x|X|latest|next|>=?\s{0,4}[\w.-]{1,40})?$/;

function pinChecks(manifests: Manifest[], texts: TextCache): { findings: ChecklistFinding[]; notFullyPinned: Set<string> } {
  const findings: ChecklistFinding[] = [];
  const notFullyPinned = new Set<string>();
  for (const m of manifests) {
    const file = texts.get(m.path);
    if (!file) continue;
    if (m.kind.ecosystem === 'npm') {
      const json = parseJsonObject(file.text);
      for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
        const deps = json?.[section];
        if (!deps || typeof deps !== 'object') continue;
        for (const [name, version] of Object.entries(deps as Record<string, unknown>)) {
          if (typeof version !== 'string' || !UNPINNED_NPM.test(version.trim())) continue;
          const at = locateJsonEntry(file.text, section, name);
          if (at === undefined) continue;
          const lineEnd = file.text.indexOf('\n', at);
          const end = Math.min(lineEnd < 0 ? file.text.length : lineEnd, at + name.length + version.length + 8);
          const shown = version.trim() === '' ? 'an empty version' : `"${version}"`;
          findings.push(findingAt(file, at, end, 2, 'warning', `${name} is not pinned (${shown}): pin a version range and commit the lock file.`));
        }
      }
    } else if (m.kind.ecosystem === 'pip') {
      for (let line = 0; line < file.lines.lineCount; line++) {
        const raw = file.lines.lineText(line);
        const text = raw.replace(/(?:^|\s)#.*$/, '').trim();
        if (text === '' || text.startsWith('-') || /^(?:[a-z+]{2,10}:\/\/|\.{0,2}\/)/i.test(text)) continue;
        const pkg = /^([A-Za-z0-9][A-Za-z0-9._-]{0,100})(\[[^\]]{0,100}\])?\s*(.*)$/.exec(text);
        if (!pkg || pkg[3].startsWith('@')) continue;
        const spec = pkg[3].replace(/;.*$/, '').trim();
        if (!/^={2,3}/.test(spec)) notFullyPinned.add(m.path);
        if (spec !== '') continue;
        const start = file.lines.offsetAt({ line, character: raw.indexOf(pkg[1]) });
        findings.push(findingAt(file, start, start + pkg[1].length, 2, 'warning', `${pkg[1]} has no version: pin it (e.g. ${pkg[1]}==1.2.3) or use a lock file.`));
      }
    }
  }
  return { findings, notFullyPinned };
}
