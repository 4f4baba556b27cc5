import { runCli } from './cli/main';
import { isScanWorker, runScanWorker } from './cli/worker';

// The CLI; its scan workers run dist/scanWorker.js, or this same bundle when that file is missing (`--jobs N`
// then starts this file as a worker thread, which it tells by the worker flag).
if (isScanWorker()) {
  runScanWorker();
} else {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
