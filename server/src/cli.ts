import { runCli } from './cli/main';
import { isScanWorker, runScanWorker } from './cli/worker';

// The same bundle serves as the CLI and as its scan workers (`--jobs N` starts this file as a worker thread).
if (isScanWorker()) {
  runScanWorker();
} else {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
