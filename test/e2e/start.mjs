// `npm start`: the demo. Packages the extension (twelve-factor-lint.vsix), installs it into a local code-server
// (installed once into .vscode-test/), opens the demo workspace and prints the URL to open in your browser.
// Runs until Ctrl+C, then stops code-server and everything it started.
//
// The demo works on a fresh COPY of test/fixtures/workspaces/demo in .vscode-test/demo/workspace, made at every
// start: quick fixes you apply in the demo change the copy, never the fixture, and each start shows every
// problem again. Profile, extensions and HOME of the demo live in .vscode-test/demo/ too.
//   PORT=9000 npm start     serve on another port (default 8080, or a free one if 8080 is taken)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CACHE, REPO, ensureCodeServer, installExtension, startCodeServer } from './code-server.mjs';

const DEMO_SOURCE = join(REPO, 'test', 'fixtures', 'workspaces', 'demo');
const DEMO = join(CACHE, 'demo');
const WORKSPACE = join(DEMO, 'workspace');
const VSIX = join(REPO, 'twelve-factor-lint.vsix');

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer().once('error', () => resolve(false)).once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, '127.0.0.1');
  });
}

async function main() {
  console.log('[demo] packaging the extension (npm run package)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (pack.status !== 0 || !existsSync(VSIX)) throw new Error(`npm run package failed (exit code ${pack.status})`);

  ensureCodeServer();
  const dirs = { userDataDir: join(DEMO, 'user-data'), extensionsDir: join(DEMO, 'extensions'), home: join(DEMO, 'home') };
  installExtension({ vsix: VSIX, ...dirs });

  rmSync(WORKSPACE, { recursive: true, force: true });
  cpSync(DEMO_SOURCE, WORKSPACE, { recursive: true });

  const wanted = Number(process.env.PORT) || 8080;
  const port = (await portIsFree(wanted)) ? wanted : 0;
  if (port === 0) console.log(`[demo] port ${wanted} is taken; using a free one`);
  const server = await startCodeServer({ workspace: WORKSPACE, ...dirs, port, logFile: join(DEMO, 'code-server.log') });

  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[demo] ${why}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  server.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`[demo] code-server exited by itself (code ${code}, signal ${signal}); see ${server.logFile}`);
    process.exit(1);
  });

  const url = `${server.url}?folder=${encodeURIComponent(WORKSPACE)}`;
  console.log('');
  console.log('  Twelve-Factor Lint demo is running in code-server (VS Code in the browser).');
  console.log(`  Open:  ${url}`);
  console.log('  Then open a file such as src/server.js, the Problems panel (Ctrl+Shift+M) and the');
  console.log('  Twelve-Factor checklist in the activity bar. Press Ctrl+C here to stop.');
  console.log('');
}

main().catch((e) => {
  console.error(`[demo] failed: ${e?.message ?? e}`);
  process.exit(1);
});
