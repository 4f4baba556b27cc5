/** Factor IX (Disposability): graceful shutdown on SIGTERM, and no long waits at start-up. */
import type { RunCommand } from './commands';
import type { ChecklistCheck, ChecklistFinding, ProjectSnapshot } from './types';
import { appCodeFiles, basename, check, findingAt, isOutsideApp, matchesOf, plural, type TextCache } from './util';

/** Signs that the code handles SIGTERM (or uses a framework hook that does), per kind of file. */
const SHUTDOWN: { file: RegExp; re: RegExp; also?: RegExp }[] = [
  { file: /\.[cm]?[jt]sx?$/i, re: /\bprocess\.(?:on|once|addListener|prependListener)\([ \t]{0,8}['"`]SIGTERM['"`]/ },
  { file: /\.py$/i, re: /\b(?:signal\.signal|add_signal_handler)\([ \t]{0,8}(?:signal\.)?(?:Signals\.)?SIGTERM\b/ },
  { file: /\.go$/i, re: /\bsignal\.Notify(?:Context)?\(/, also: /\bSIGTERM\b/ },
  { file: /\.(?:java|kt|kts|scala|groovy)$/i, re: /\baddShutdownHook\b|@PreDestroy\b|\bContextClosedEvent\b/ },
  { file: /\.rb$/i, re: /\btrap\([ \t]{0,8}(?:['"](?:SIG)?TERM['"]|:TERM\b)/ },
  { file: /\.cs$/i, re: /\bApplicationStopping\b|\bProcessExit\b|\bStopAsync\(/ },
  { file: /\.rs$/i, re: /\bSignalKind::terminate\(\)|\bSIGTERM\b/ },
  { file: /\.php$/i, re: /\bpcntl_signal\([ \t]{0,8}SIGTERM\b/ },
  { file: /\.exs?$/i, re: /\bSystem\.trap_signal\(|:sigterm\b/ },
  { file: /(?:^|\/)application[\w-]{0,40}\.properties$/i, re: /^[ \t]{0,8}server\.shutdown[ \t]{0,8}[=:][ \t]{0,8}graceful\b/m },
  { file: /(?:^|\/)application[\w-]{0,40}\.ya?ml$/i, re: /^[ \t]{0,40}shutdown[ \t]{0,8}:[ \t]{0,8}['"]?graceful\b/m },
  { file: /\.sh$/i, re: /\btrap\b[^\n]{0,200}\b(?:SIG)?TERM\b/ },
];

/** npm packages whose whole point is graceful shutdown. */
const SHUTDOWN_PACKAGES = /"(?:@godaddy\/terminus|http-terminator|lightship|stoppable|close-with-grace|@hapi\/hapi|graceful-shutdown|http-graceful-shutdown)"[ \t]{0,8}:/;

function shutdownEvidence(snapshot: ProjectSnapshot, texts: TextCache): string | undefined {
  const candidates = appCodeFiles(snapshot).concat(
    snapshot.files.filter((f) => !isOutsideApp(f) && (/(?:^|\/)application[\w-]{0,40}\.(?:properties|ya?ml)$/i.test(f) || /\.sh$/i.test(f))),
  );
  for (const path of candidates) {
    const rule = SHUTDOWN.find((r) => r.file.test(path));
    if (!rule) continue;
    const file = texts.get(path);
    if (!file || !/TERM|Shutdown|shutdown|Stop|PreDestroy|Closed|sigterm|trap/.test(file.text)) continue;
    const m = rule.re.exec(file.text);
    if (m && (!rule.also || rule.also.test(file.text))) return `${path}:${file.lines.positionAt(m.index).line + 1}`;
  }
  for (const path of snapshot.files) {
    if (basename(path) !== 'package.json' || isOutsideApp(path)) continue;
    const m = texts.get(path)?.text.match(SHUTDOWN_PACKAGES);
    if (m) return `${path} (${m[0].slice(1, m[0].indexOf('"', 1))})`;
  }
  return undefined;
}

/** Waits at start-up: `sleep N`, wait-for-it scripts, dockerize -wait. */
const STARTUP_WAIT = /\bsleep[ \t]{1,8}\d{1,6}\b|\bwait-for(?:-it)?(?:\.sh)?\b|\bdockerize\b[^\n]{0,200}?-wait\b/;

/** Servers that drain in-flight requests on SIGTERM by themselves when they run the app. */
const GRACEFUL_SERVER = /\b(?:gunicorn|uvicorn|hypercorn|puma)\b/;

function gracefulServer(commands: RunCommand[]): string | undefined {
  for (const c of commands) {
    const m = GRACEFUL_SERVER.exec(c.text);
    if (m) return `${m[0]} drains on SIGTERM, ${c.file.path}:${c.file.lines.positionAt(c.start + m.index).line + 1}`;
  }
  return undefined;
}

export function disposabilityChecks(snapshot: ProjectSnapshot, texts: TextCache, commands: RunCommand[]): ChecklistCheck[] {
  const evidence = shutdownEvidence(snapshot, texts) ?? gracefulServer(commands);
  const shutdown = evidence
    ? check('disposability/graceful-shutdown', 'The app shuts down gracefully on SIGTERM', 'pass', evidence.includes('drains') ? evidence : `SIGTERM handled (${evidence})`)
    : check(
        'disposability/graceful-shutdown',
        'Does the app stop accepting work and finish in-flight requests on SIGTERM?',
        'review',
        'no SIGTERM handling found',
      );
  const waits: ChecklistFinding[] = [];
  for (const c of commands) {
    for (const m of matchesOf(c.text, STARTUP_WAIT)) {
      // Only the fixed words are quoted: the arguments between `dockerize` and `-wait` may hold anything.
      const what = m[0].startsWith('dockerize') ? 'dockerize … -wait' : m[0];
      waits.push(findingAt(c.file, c.start + m.index, c.start + m.index + m[0].length, 9, 'info', `\`${what}\` at start-up: start-up should take seconds; let the platform retry instead of waiting for dependencies.`));
    }
  }
  const startup =
    waits.length === 0
      ? check('disposability/fast-startup', 'Start-up takes seconds, not minutes', 'pass', 'no waits at start-up')
      : check('disposability/fast-startup', 'Does start-up take seconds, not minutes?', 'review', plural(waits.length, 'wait') + ' at start-up', waits);
  return [shutdown, startup];
}
