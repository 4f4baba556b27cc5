import { parseArgs } from 'node:util';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: Format;
  failOn: 'error' | 'warning' | 'never';
  includeVendored: boolean;
  quiet: boolean;
  color: boolean;
}

export type ParsedArgs = CheckArgs | { command: 'lsp' } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  twelve-factor check [paths…] [--format text|json|sarif] [--fail-on error|warning|never]
                      [--include-vendored] [--quiet] [--no-color]
  twelve-factor lsp --stdio        serve the language server to any editor
  twelve-factor --help | --version

Exit codes: 0 nothing at the failing severity, 1 findings at it, 2 bad usage or an internal error.`;

export function parseCliArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'lsp') return { command: 'lsp' };
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        'include-vendored': { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        'no-color': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  const format = v.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
  }
  const failOn = v['fail-on'] as string;
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new UsageError(`--fail-on must be error, warning or never (got "${failOn}")`);
  }
  return {
    command: 'check',
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    format,
    failOn,
    includeVendored: v['include-vendored'] === true,
    quiet: v.quiet === true,
    color: v['no-color'] !== true && !process.env.NO_COLOR && process.stdout.isTTY === true,
  };
}
