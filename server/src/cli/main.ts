import { failsAt, formatJson, formatSarif, formatText } from './format';
import { parseCliArgs, USAGE, UsageError } from './args';
import { scanPaths } from './scan';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** The CLI: returns the exit code (0 clean, 1 findings at the failing severity, 2 usage or internal error). */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return 0;
      case 'version':
        process.stdout.write(VERSION + '\n');
        return 0;
      case 'lsp': {
        // The same server bundle, over stdio (`--stdio`) or whatever transport the flags name.
        const { startServer } = await import('../server');
        startServer();
        return await new Promise<number>(() => undefined);
      }
      case 'check': {
        const result = scanPaths(args.paths, { includeVendored: args.includeVendored, cwd: process.cwd() });
        for (const s of result.skipped) process.stderr.write(`twelve-factor: skipped ${s.path}: ${s.reason}\n`);
        const out =
          args.format === 'json' ? formatJson(result) : args.format === 'sarif' ? formatSarif(result, VERSION) : formatText(result, args.color);
        if (!(args.quiet && args.format === 'text' && result.findings.length === 0)) process.stdout.write(out);
        return failsAt(result, args.failOn) ? 1 : 0;
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`twelve-factor: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`twelve-factor: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}
