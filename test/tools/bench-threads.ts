/**
 * Where a CLI scan's CPU time goes, thread by thread (Linux only): the CLI runs once more while its threads' CPU
 * counters are read from `/proc/<pid>/task/<tid>/stat` every 20 ms; the last reading of each thread is kept (a
 * worker's thread is gone once the scan ends). The main thread is the one whose id is the process id; the
 * scan's `jobs` workers are the busiest of the others; what remains is V8's and libuv's own threads (optimising
 * compilation, garbage collection).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  main: number;
  workers: number[];
  other: number;
}

/** Clock ticks per second of the `/proc` counters. */
function ticksPerSecond(): number {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout?.trim()) || 100;
}

/** CPU milliseconds by thread of one `node <args>` run in `cwd`, or undefined where `/proc` has no thread counters. */
export function threadCpu(args: string[], cwd: string, jobs: number): Promise<ThreadCpu | undefined> {
  if (!existsSync(`/proc/${process.pid}/task`)) return Promise.resolve(undefined);
  const msPerTick = 1000 / ticksPerSecond();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    const last = new Map<number, number>();
    const read = () => {
      try {
        for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
          const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
          // The fields after the thread's name (which may hold spaces) start after its closing parenthesis.
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          last.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * msPerTick);
        }
      } catch {
        // The process or a thread ended between two readings.
      }
    };
    const timer = setInterval(read, 20);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`the CLI exited with ${code}`));
      const main = last.get(child.pid!) ?? 0;
      const others = [...last].filter(([tid]) => tid !== child.pid).map(([, ms]) => ms).sort((a, b) => b - a);
      const workers = others.slice(0, jobs);
      resolve({ main, workers, other: others.slice(jobs).reduce((n, ms) => n + ms, 0) });
    });
  });
}
