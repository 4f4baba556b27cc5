// Entry point of the end-to-end suite, loaded by VS Code's extension host as `extensionTestsPath`
// (code-server: test/e2e/run-code-server.mjs; desktop: test/e2e/run-desktop.mjs). esbuild bundles this file and
// the test files it requires into out/e2e/suite/index.js; mocha itself stays external and is resolved from the
// repository's node_modules.
import type MochaType from 'mocha';

export async function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Mocha = require('mocha') as typeof MochaType;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Install suite/test/setup… as globals, then load the test files (the requires below are bundled statically).
  mocha.suite.emit('pre-require', globalThis, 'out/e2e/suite/index.js', mocha);
  require('./extension.test');
  require('./diagnostics.test');
  require('./quickfix.test');
  require('./view.test');
  require('./secrets.test');
  require('./checklist.test');
  require('./logfix.test');
  require('./extract.test');
  require('./recovery.test');

  const started = Date.now();
  console.log('[e2e-suite] start'); // the runner prints the suite's output from here on
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      // One machine-readable line for the runner's summary (the spec reporter prints the human one).
      console.log(`[e2e-suite] passed=${s?.passes ?? 0} failed=${failures} pending=${s?.pending ?? 0} ms=${Date.now() - started}`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}
