// Installs (once, cached under .vscode-test/) and starts code-server — real VS Code in a browser — for the
// end-to-end tests and the `npm start` demo. Also makes sure a Chromium is available to drive it.
//
//   ensureChromium()        -> absolute path of a Chromium executable (apt-installs it when root and missing)
//   ensureCodeServer()      -> { node, entry }: Node 24 binary and code-server's entry script (installs if missing)
//   startCodeServer(opts)   -> { port, url, logFile, stop() }: code-server in its own process group
//
// Everything it downloads goes to .vscode-test/ (git-ignored), so a second run starts in seconds.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Where Node 24, code-server and the demo profile are cached; TFL_CACHE_DIR moves it (e.g. to a CI cache).
export const CACHE = process.env.TFL_CACHE_DIR ? resolve(process.env.TFL_CACHE_DIR) : join(REPO, '.vscode-test');
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = 24; // code-server 4.139 runs on Node 24 (the repo itself targets Node 20)

const NODE_PKG = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const NODE_PREFIX = join(CACHE, 'node24');
const NODE_PKG_DIR = join(NODE_PREFIX, 'node_modules', NODE_PKG);
const CS_PREFIX = join(CACHE, 'code-server');
const CS_PKG_DIR = join(CS_PREFIX, 'node_modules', 'code-server');
const CS_ENTRY = join(CS_PKG_DIR, 'out', 'node', 'entry.js');

const log = (msg) => console.log(`[code-server] ${msg}`);

function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

/** npm's CLI script (to run it with Node 24 rather than whatever `npm` on PATH picks). */
function npmCliPath() {
  const candidates = [process.env.npm_execpath, join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'), '/usr/lib/node_modules/npm/bin/npm-cli.js', '/usr/local/lib/node_modules/npm/bin/npm-cli.js'];
  return candidates.find((c) => c && /npm-cli\.js$/.test(c) && existsSync(c));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs Debian packages when missing (we may be root on a fresh CI machine); never runs apt needlessly. */
function ensureAptPackages(packages, why) {
  if (spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).error) {
    log(`not a Debian-like system: make sure ${packages.join(', ')} (or equivalents) are installed for ${why}`);
    return;
  }
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  if (!isRoot() || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`${why} needs the packages ${missing.join(', ')}; install them (e.g. apt-get install -y ${missing.join(' ')}).`);
  }
  log(`installing ${missing.join(', ')} (${why})`);
  // `apt-get update` only when apt does not know a candidate for some package yet (fresh container).
  const known = missing.every((p) => /Candidate: (?!\(none\))/.test(spawnSync('apt-cache', ['policy', p], { encoding: 'utf8' }).stdout ?? ''));
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!known) run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

/** Path of a Chromium to drive with playwright-core: $CHROMIUM_PATH, /usr/bin/chromium, else apt-installs it. */
export function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  ensureAptPackages(['chromium'], 'the browser tests');
  if (!existsSync('/usr/bin/chromium')) throw new Error('chromium was installed but /usr/bin/chromium is missing');
  return '/usr/bin/chromium';
}

function nodeVersionOf(bin) {
  const r = spawnSync(bin, ['-v'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** A Node 24 binary: the current one if it is 24, else the cached npm package node-<os>-<arch>@24. */
export function ensureNode24() {
  if (Number(process.versions.node.split('.')[0]) === NODE_MAJOR) return process.execPath;
  const bin = join(NODE_PKG_DIR, 'bin', 'node');
  const version = existsSync(bin) ? nodeVersionOf(bin) : undefined;
  if (version?.startsWith(`v${NODE_MAJOR}.`)) return bin;
  log(`Node ${NODE_MAJOR} not cached; installing ${NODE_PKG}@${NODE_MAJOR} into ${NODE_PREFIX}`);
  mkdirSync(NODE_PREFIX, { recursive: true });
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', NODE_PREFIX, `${NODE_PKG}@${NODE_MAJOR}`]);
  if (!nodeVersionOf(bin)?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`installed Node at ${bin} is not v${NODE_MAJOR}`);
  return bin;
}

function codeServerInstalled() {
  try {
    const pkg = JSON.parse(readFileSync(join(CS_PKG_DIR, 'package.json'), 'utf8'));
    return pkg.version === CODE_SERVER_VERSION && existsSync(CS_ENTRY) && existsSync(join(CS_PKG_DIR, 'lib', 'vscode', 'out', 'server-main.js'));
  } catch {
    return false;
  }
}

/** Installs code-server once (2 to 8 minutes, compiling native modules) into .vscode-test/code-server; later calls reuse it. */
let ensured;
export function ensureCodeServer() {
  if (ensured) return ensured;
  const node = ensureNode24();
  if (codeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION}: cached in ${CS_PREFIX}`);
    return (ensured = { node, entry: CS_ENTRY });
  }
  // Native modules (kerberos, argon2) compile against Node 24's headers; kerberos needs krb5 headers.
  if (process.platform === 'linux') ensureAptPackages(['libkrb5-dev'], 'building code-server (kerberos)');
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CS_PREFIX} (once; 2 to 8 minutes: native modules compile)`);
  rmSync(CS_PREFIX, { recursive: true, force: true });
  mkdirSync(CS_PREFIX, { recursive: true });
  const nodeBinDir = dirname(node);
  // Under `npm test` the environment carries the outer npm's lifecycle variables (npm_node_execpath, NODE,
  // npm_config_*…), which make the inner npm run code-server's postinstall with the outer Node 20. Drop them,
  // put Node 24 first on PATH, and run npm's own CLI with Node 24.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:npm_|NODE$|INIT_CWD$)/i.test(k)));
  env.PATH = `${nodeBinDir}:${process.env.PATH}`;
  env.npm_config_nodedir = dirname(nodeBinDir);
  const npmCli = npmCliPath();
  const args = ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', CS_PREFIX, `code-server@${CODE_SERVER_VERSION}`];
  if (npmCli) run(node, [npmCli, ...args], { env });
  else run('npm', args, { env });
  if (!codeServerInstalled()) throw new Error(`code-server install finished but ${CS_ENTRY} or its VS Code is missing`);
  return (ensured = { node, entry: CS_ENTRY });
}

/** Quiet, offline-friendly user settings for a throwaway profile. */
export const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'git.autofetch': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
};

/**
 * Starts code-server on `workspace` and resolves once it listens. It runs in its own process group
 * (detached = setsid) with HOME and XDG_* inside `home`, so stop() can end it and every child it spawned.
 */
export async function startCodeServer({ workspace, userDataDir, extensionsDir, home, env = {}, settings = {}, logFile, port = 0, timeoutMs = 60_000 }) {
  const { node, entry } = ensureCodeServer();
  home ??= mkdtempSync(join(tmpdir(), 'tfl-home-'));
  for (const d of [userDataDir, extensionsDir, home, join(userDataDir, 'User')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  logFile ??= join(REPO, 'test-results', 'code-server.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const logStream = createWriteStream(logFile);

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  const childEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: join(home, '.run'),
    ...env,
  };
  // Settings from the caller's shell must not leak into the throwaway instance.
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'VSCODE_PROXY_URI', 'VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE']) delete childEnv[k];
  mkdirSync(childEnv.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  const child = spawn(node, args, {
    detached: true, // setsid(): a new process group we can kill as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv,
  });
  let exited = false;
  const exitPromise = new Promise((r) => {
    child.once('exit', (code, signal) => { exited = true; r({ code, signal }); });
    child.once('error', (err) => { exited = true; r({ code: null, signal: null, error: err }); }); // could not start
  });
  const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
  const onProcessExit = () => killGroup('SIGKILL'); // last resort if the runner dies without stop()
  process.once('exit', onProcessExit);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onProcessExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    if (!exited) await exitPromise;
    clearTimeout(timer);
    killGroup('SIGKILL'); // stragglers in the group (extension hosts, language servers)
    logStream.end();
  }

  const port_ = await new Promise((resolvePort, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      logStream.write(chunk);
      buffered += chunk.toString();
      const m = /HTTP server listening on https?:\/\/[^\s:]+:(\d+)/.exec(buffered);
      if (m) { clearTimeout(timer); resolvePort(Number(m[1])); }
      if (buffered.length > 100_000) buffered = buffered.slice(-10_000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => reject(new Error(`code-server did not report "HTTP server listening" within ${timeoutMs / 1000}s; see ${logFile}`)), timeoutMs);
    exitPromise.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`code-server exited early (code ${code}, signal ${signal}); see ${logFile}`)); });
  }).catch(async (e) => { await stop(); throw e; });

  const url = `http://127.0.0.1:${port_}/`;
  log(`code-server ${CODE_SERVER_VERSION} listening on ${url} (pid group ${child.pid}, log ${logFile})`);
  return { port: port_, url, logFile, pid: child.pid, exited: exitPromise, stop };
}

/** Installs a .vsix into `extensionsDir` with code-server's own CLI (`--install-extension … --force`). */
export function installExtension({ vsix, userDataDir, extensionsDir, home }) {
  const { node, entry } = ensureCodeServer();
  for (const d of [userDataDir, extensionsDir, home]) mkdirSync(d, { recursive: true });
  run(node, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share') },
  });
}
