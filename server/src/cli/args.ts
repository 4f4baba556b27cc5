import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isValidRef, type ChangeMode } from './git';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: Format;
  failOn: 'error' | 'warning' | 'never';
  includeVendored: boolean;
  quiet: boolean;
  color: boolean;
  /** `--config FILE`: use this config for every file instead of the nearest `.twelve-factor.yml`. */
  configPath?: string;
  /** `--changed[=REF]` / `--staged`: check only the files changed against REF (default HEAD) or staged. */
  changes?: ChangeMode;
  /** `--diff-lines`: report only findings on added or changed lines. */
  diffLines: boolean;
  /** `--jobs N`: worker threads checking files (1 = one checking thread; scans under 400 files stay on the main thread). */
  jobs: number;
  /** `--print-accepted`: print an `accepted:` YAML block for every finding instead of the report. */
  printAccepted: boolean;
  /** Hidden `--timings FILE`: write per-file latencies as JSON (for `npm run bench`). */
  timingsFile?: string;
}

export interface ChecklistArgs {
  command: 'checklist';
  path: string;
  format: 'text' | 'json' | 'markdown';
  linkBase?: string;
  includeVendored: boolean;
  configPath?: string;
  jobs: number;
  color: boolean;
}

export type ParsedArgs = CheckArgs | ChecklistArgs | { command: 'lsp' } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  twelve-factor check [paths…] [--format text|json|sarif] [--fail-on error|warning|never]
                      [--config FILE] [--changed[=REF] | --staged] [--diff-lines] [--jobs N]
                      [--include-vendored] [--print-accepted] [--quiet] [--no-color]
  twelve-factor checklist [path] [--format text|json|markdown] [--link-base URL] [--include-vendored]
  twelve-factor lsp --stdio        serve the language server to any editor
  twelve-factor --help | --version

Exit codes: 0 nothing at the failing severity, 1 findings at it, 2 bad usage, a bad config or an internal error.`;

export function parseCliArgs(argv: string[], isTty = process.stdout.isTTY === true): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'lsp') return { command: 'lsp' };
  if (command === 'checklist') return parseChecklistArgs(rest, isTty);
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  // `--changed` takes an optional value, which parseArgs cannot express: a bare `--changed` means HEAD.
  const args = rest.map((a) => (a === '--changed' ? '--changed=HEAD' : a));
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        config: { type: 'string', short: 'c' },
        changed: { type: 'string' },
        staged: { type: 'boolean', default: false },
        'diff-lines': { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        'include-vendored': { type: 'boolean', default: false },
        'print-accepted': { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        timings: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  const format = v.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
  }
  const failOn = v['fail-on'] as string;
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new UsageError(`--fail-on must be error, warning or never (got "${failOn}")`);
  }
  if (v.changed !== undefined && v.staged) throw new UsageError('--changed and --staged cannot be combined');
  const changes: ChangeMode | undefined = v.staged ? { kind: 'staged' } : v.changed !== undefined ? { kind: 'changed', ref: v.changed } : undefined;
  if (changes?.kind === 'changed' && !isValidRef(changes.ref)) throw new UsageError(`--changed: not a valid git ref "${changes.ref}"`);
  if (v['diff-lines'] && !changes) throw new UsageError('--diff-lines needs --changed or --staged');
  let jobs = availableParallelism();
  if (v.jobs !== undefined) {
    if (!/^\d{1,3}$/.test(v.jobs) || Number(v.jobs) < 1 || Number(v.jobs) > 256) {
      throw new UsageError(`--jobs must be a whole number from 1 to 256 (got "${v.jobs}")`);
    }
    jobs = Number(v.jobs);
  }
  return {
    command: 'check',
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    format,
    failOn,
    includeVendored: v['include-vendored'] === true,
    quiet: v.quiet === true,
    color: v['no-color'] !== true && !process.env.NO_COLOR && isTty,
    configPath: v.config,
    changes,
    diffLines: v['diff-lines'] === true,
    jobs,
    printAccepted: v['print-accepted'] === true,
    timingsFile: v.timings,
  };
}

function parseChecklistArgs(rest: string[], isTty: boolean): ChecklistArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        'link-base': { type: 'string' },
        config: { type: 'string', short: 'c' },
        jobs: { type: 'string', short: 'j' },
        'include-vendored': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  const format = v.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format must be text, json or markdown (got "${format}")`);
  }
  if (parsed.positionals.length > 1) throw new UsageError('checklist takes one project folder');
  if (v.jobs !== undefined && (!/^\d{1,3}$/.test(v.jobs) || Number(v.jobs) < 1)) throw new UsageError(`--jobs must be a whole number from 1 to 256 (got "${v.jobs}")`);
  return {
    command: 'checklist',
    path: parsed.positionals[0] ?? '.',
    format,
    linkBase: v['link-base'],
    includeVendored: v['include-vendored'] === true,
    configPath: v.config,
    jobs: v.jobs !== undefined ? Number(v.jobs) : availableParallelism(),
    color: v['no-color'] !== true && !process.env.NO_COLOR && isTty,
  };
}
