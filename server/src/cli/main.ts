import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { onRuleError } from '../core';
import { parseCliArgs, USAGE, UsageError, type CheckArgs } from './args';
import { runChecklist } from './checklist';
import { failsAt, formatAccepted, formatJson, formatSarif, formatText } from './format';
import { GitError } from './git';
import { runChecks } from './pool';
import { Progress } from './progress';
import { assertConfigsValid, FatalError, filterToChangedLines, mergeResults, planScan, type ScanResult } from './scan';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';


/**
 * The script scan workers run: the worker bundle built beside the CLI's (dist/scanWorker.js), or else the CLI
 * bundle itself, which starts as a worker when it sees the worker flag (see cli.ts).
 */
function defaultWorkerScript(): string {
  const lean = join(__dirname, 'scanWorker.js');
  return existsSync(lean) ? lean : __filename;
}

/** The CLI: returns the exit code (0 clean, 1 findings at the failing severity, 2 usage, config or internal error). */
export async function runCli(argv: string[], workerScript: string | undefined = defaultWorkerScript()): Promise<number> {
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
      case 'check':
        return await check(args, workerScript);
      case 'checklist': {
        const r = await runChecklist(args, workerScript?.endsWith('.js') ? workerScript : undefined);
        for (const line of r.skipped) process.stderr.write(`twelve-factor: skipped ${line}\n`);
        process.stdout.write(r.output);
        return r.code;
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`twelve-factor: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof FatalError || err instanceof GitError) {
      process.stderr.write(`twelve-factor: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`twelve-factor: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}

async function check(args: CheckArgs, workerScript: string | undefined): Promise<number> {
  const cwd = process.cwd();
  onRuleError((ruleId, path, err) => process.stderr.write(`twelve-factor: rule ${ruleId} failed on ${path}: ${(err as Error)?.message ?? err}\n`));
  const plan = planScan(args, cwd);
  const progress = new Progress(process.stderr.isTTY === true && !args.quiet);
  let parts;
  try {
    parts = await runChecks(plan.setup, plan.source, {
      jobs: args.jobs,
      timings: args.timingsFile !== undefined,
      workerScript: workerScript?.endsWith('.js') ? workerScript : undefined,
      onProgress: (done, total, final) => progress.update(done, total, final),
      beforeBatch: (batch) => assertConfigsValid(plan, cwd, batch),
    });
  } finally {
    progress.done();
  }
  assertConfigsValid(plan, cwd);
  const result: ScanResult = mergeResults(parts, plan.skipped);
  if (plan.lineFilter) result.findings = filterToChangedLines(result.findings, cwd, plan.lineFilter);
  for (const s of result.skipped) process.stderr.write(`twelve-factor: skipped ${relative(cwd, s.path) || s.path}: ${s.reason}\n`);
  if (args.timingsFile) {
    const usage = process.resourceUsage(); // worker threads are in this process: their memory and CPU count too
    writeFileSync(
      args.timingsFile,
      JSON.stringify({
        files: result.filesChecked,
        bytes: result.bytes,
        maxRssKb: usage.maxRSS,
        cpuUserMs: usage.userCPUTime / 1000,
        cpuSystemMs: usage.systemCPUTime / 1000,
        timingsMs: result.timings ?? [],
        slowest: (result.slow ?? []).sort((a, b) => b.ms - a.ms).slice(0, 20),
      }),
    );
  }
  let out: string;
  if (args.printAccepted) out = formatAccepted(result);
  else if (args.format === 'json') out = formatJson(result);
  else if (args.format === 'sarif') out = formatSarif(result, VERSION, cwd);
  else out = formatText(result, args.color);
  if (!(args.quiet && args.format === 'text' && !args.printAccepted && result.findings.length === 0)) process.stdout.write(out);
  return failsAt(result, args.failOn) ? 1 : 0;
}
