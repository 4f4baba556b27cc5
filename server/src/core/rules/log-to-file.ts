import { pushAll } from '../arrays';
import { CONFIG_SINKS } from '../logs/config';
import { GO_SINKS } from '../logs/go';
import { JS_SINKS } from '../logs/js';
import { OTHER_CODE_SINKS } from '../logs/other-code';
import { PYTHON_SINKS } from '../logs/python';
import { REDIRECT_SINKS } from '../logs/redirects';
import type { LogSite, SinkDetector } from '../logs/site';
import { defineRule } from '../rule';
import { isDevOrTestPath } from '../services/paths';
import { inComment } from '../services/syntax';
import type { Finding, LanguageId } from '../types';

const ID = 'logs/log-to-file';

const DETECTORS: readonly SinkDetector[] = [...JS_SINKS, ...PYTHON_SINKS, ...GO_SINKS, ...OTHER_CODE_SINKS, ...CONFIG_SINKS, ...REDIRECT_SINKS];
const LANGUAGES: readonly LanguageId[] = [...new Set(DETECTORS.flatMap((d) => d.languages))];
const KEYWORDS: readonly string[] = [...new Set(DETECTORS.flatMap((d) => d.keywords))];

/** Short words most keywords contain: when one is missing from a file, every keyword containing it is too. */
const CORES = ['log', 'file', 'append'];
const KEYWORD_RES = new Map([...KEYWORDS, ...CORES].map((k) => [k, new RegExp(k.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'), 'i')]));
const CORES_OF = new Map(KEYWORDS.map((k) => [k, CORES.filter((c) => c !== k && k.includes(c))]));

/**
 * Does the lower-cased text contain the keyword `k`? Answered once per keyword and file. Only `İ` (U+0130) and
 * the Kelvin sign (U+212A) lower-case to ASCII letters, so without them a case-insensitive search of the text
 * itself gives the same answer as searching `text.toLowerCase()`, without building that copy; and so does the
 * engine's keyword pass (ASCII case folding), whose answer (`found`) is then used as it is.
 */
function keywordTester(text: string, found?: ReadonlySet<string>): (k: string) => boolean {
  const special = /[\u0130\u212a]/.test(text);
  if (found && !special) return (k) => found.has(k);
  const known = new Map<string, boolean>();
  let lower: string | undefined;
  const has = (k: string): boolean => {
    let v = known.get(k);
    if (v === undefined) {
      if (CORES_OF.get(k)?.some((c) => !has(c))) v = false;
      else {
        const re = KEYWORD_RES.get(k);
        if (special || !re) v = (lower ??= text.toLowerCase()).includes(k);
        else v = re.test(text);
      }
      known.set(k, v);
    }
    return v;
  };
  return has;
}

/**
 * Reports application logs written to files instead of the process's output stream: file transports, handlers,
 * appenders and sinks of the common logging libraries, logging config files that declare them, and process
 * output redirected into log files where the process is started.
 *
 * Covered: winston `transports.File` and `DailyRotateFile`, pino file destinations and `pino/file` / `pino-roll`
 * transports, log4js `file`/`dateFile`/`fileSync` appenders, bunyan `path:` streams, `fs.createWriteStream` of a
 * log file or one given to morgan; Python `FileHandler` and its rotating / watched variants, `basicConfig(filename=)`,
 * dictConfig / YAML / fileConfig handler classes, loguru file sinks, gunicorn `accesslog`/`errorlog`; Go
 * lumberjack, zap `OutputPaths` files, `os.OpenFile` of a `.log` file or of a file handed to a logger; logback,
 * log4j 1/2 (XML, properties, YAML), java.util.logging `FileHandler`, Spring `logging.file.name`/`logging.file.path`;
 * Ruby `Logger.new(path)`, Puma `stdout_redirect`; PHP Monolog `StreamHandler(path)`/`RotatingFileHandler`, `error_log(…, 3, file)`,
 * `ini_set('error_log', …)`, php.ini `error_log`; Serilog `WriteTo.File`, NLog file targets, log4net file
 * appenders; `>> app.log`, `2> err.txt`, `| tee app.log`, `--logfile=…`, `--access-logfile …` in Procfiles,
 * Dockerfiles, shell scripts, package.json scripts and compose/manifest commands. Not reported: console and
 * stdout/stderr sinks, files that are not logs (reports, exports), reading or deleting log files, test code
 * (`*.test.*`, `test_*.py`, `*_test.go`, files under `test/`, `spec/`, `__tests__/`…) and development-only
 * config (`config/environments/development.rb`, `settings/dev.py`, `logback-local.xml`,
 * `appsettings.Development.json`), whose logs never reach a deploy.
 *
 * **Why:** a twelve-factor app treats logs as an event stream (factor XI). It writes them, unbuffered, to stdout
 * and lets the execution environment capture, route, store and rotate them. Log files fill disks, vanish with
 * containers, and stay invisible to the platform's log tooling.
 *
 * **Example:**
 * ```python
 * handler = logging.handlers.RotatingFileHandler("logs/app.log", maxBytes=10_000_000)
 * ```
 *
 * **Use instead:** log to stdout:
 * ```python
 * handler = logging.StreamHandler(sys.stdout)
 * ```
 * Quick fixes (review them: they change where logs go) exist for winston (`new winston.transports.Console()`),
 * Python handlers (`logging.StreamHandler(sys.stdout)`, adding `import sys`), Ruby (`Logger.new($stdout)`),
 * Monolog (`new StreamHandler('php://stdout')`) and Serilog (`.WriteTo.Console()`). By hand elsewhere:
 * - pino: `pino()` or `pino.destination(1)`; transports: drop `pino/file` / `pino-roll` or set `destination: 1`.
 * - log4js: an appender `{ type: 'stdout' }`; bunyan: `{ stream: process.stdout }`; morgan: omit `stream`.
 * - Python config files: `class: logging.StreamHandler` with `stream: ext://sys.stdout`; drop `filename=` from
 *   `basicConfig` (it logs to stderr); loguru: `logger.add(sys.stdout)`; gunicorn: `accesslog = "-"`.
 * - Go: `log.SetOutput(os.Stdout)`, `slog.NewJSONHandler(os.Stdout, nil)`, zap `OutputPaths: []string{"stdout"}`;
 *   drop lumberjack.
 * - logback: `ch.qos.logback.core.ConsoleAppender`; log4j 2: `<Console name="out" target="SYSTEM_OUT">`;
 *   log4j 1: `org.apache.log4j.ConsoleAppender`; Spring: remove `logging.file.name` / `logging.file.path`
 *   (Spring Boot logs to the console by default).
 * - NLog: `xsi:type="Console"`; log4net: `log4net.Appender.ConsoleAppender`; php.ini: `error_log = /dev/stderr`.
 * - Procfile / Dockerfile / scripts: drop the redirect, `tee` or `--logfile` (use `--logfile=-` or
 *   `--access-logfile -` where the tool needs a value); the platform captures the output.
 */
export const rule = defineRule({
  id: ID,
  factor: 11,
  title: 'Logging to a file',
  description: 'Application logs are written to a file instead of the stdout event stream.',
  defaultSeverity: 'warning',
  runtimeCode: true,
  fixable: true,
  keywords: KEYWORDS,
  languages: LANGUAGES,
  scan: { words: KEYWORDS },
  detect({ file, lines, scan }) {
    if (isDevOrTestPath(file.path)) return [];
    const has = keywordTester(file.text, scan && new Set(scan.found.map((i) => KEYWORDS[i])));
    const sites: LogSite[] = [];
    for (const d of DETECTORS) {
      if (!d.languages.includes(file.language) || !d.keywords.some(has)) continue;
      pushAll(sites, d.find({ text: file.text, language: file.language, path: file.path }));
    }
    const seen = new Set<number>();
    const findings: Finding[] = [];
    for (const s of sites.sort((a, b) => a.start - b.start)) {
      if (seen.has(s.start) || inComment(file.language, lines, s.start)) continue;
      seen.add(s.start);
      const finding: Finding = {
        ruleId: ID,
        range: { start: lines.positionAt(s.start), end: lines.positionAt(s.end) },
        message: `Logs go to a file (${s.what}). Write them to stdout and let the platform route them.`,
      };
      if (s.fix) {
        finding.fixes = [
          {
            title: s.fix.title,
            safe: false,
            edits: s.fix.edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText })),
          },
        ];
      }
      findings.push(finding);
    }
    return findings;
  },
});
