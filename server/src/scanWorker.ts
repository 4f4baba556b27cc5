import { runScanWorker } from './cli/worker';

// The CLI's scan worker (`--jobs N`): a bundle of its own, without the CLI's commands, output formats and the
// language server, so each worker thread loads half as much code as the CLI bundle holds.
runScanWorker();
