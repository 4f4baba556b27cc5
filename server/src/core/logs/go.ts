import { matchBracket, splitArgs, stringValue } from '../services/syntax';
import { isLogLikePath } from './paths';
import { isStdStream, scan, type LogSite, type SinkDetector } from './site';

/** lumberjack rotating files: `&lumberjack.Logger{Filename: …}`. */
const lumberjack: SinkDetector = {
  languages: ['go'],
  keywords: ['lumberjack'],
  find({ text }) {
    return scan(text, /\blumberjack\.Logger\s*\{/, (m) => ({ start: m.index, end: m.index + m[0].length - 1, what: 'lumberjack rotating log file' }));
  },
};

/**
 * The entries of a zap output-path list that are files (not stdout/stderr): `re` matches up to and including the
 * list's opening bracket (Go `OutputPaths: []string{`, JSON `"outputPaths": [`).
 */
export function zapOutputPaths(text: string, re: RegExp): LogSite[] {
  return scan(text, re, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchBracket(text, open);
    if (close < 0) return undefined;
    return splitArgs(text, open, close)
      .filter((a) => {
        const v = stringValue(a.text);
        return v !== undefined && !isStdStream(v);
      })
      .map((a): LogSite => ({ start: a.start, end: a.end, what: 'zap output path' }));
  });
}

/** zap `Config{OutputPaths: []string{"stdout", "/var/log/app.log"}}`: each entry that is not stdout/stderr. */
const zapPaths: SinkDetector = {
  languages: ['go'],
  keywords: ['outputpaths'],
  find({ text }) {
    return zapOutputPaths(text, /\b(?:Error)?OutputPaths\s*:\s*\[\]string\s*\{/);
  },
};

/**
 * `os.OpenFile`/`os.Create` of a `*.log` path, or of any path whose file is handed to a logger: `log.SetOutput(f)`,
 * `logger.SetOutput(f)` (logrus), `slog.NewJSONHandler(f, …)`, `log.New(f, …)`, `io.MultiWriter(os.Stdout, f)`,
 * `zerolog.New(f)`, `logrus.Logger{Out: f}`, `zapcore.AddSync(f)`.
 */
const openedFiles: SinkDetector = {
  languages: ['go'],
  keywords: ['os.openfile', 'os.create'],
  find({ text }) {
    return scan(text, /(?:\b([A-Za-z_]\w{0,60})\s*(?:,\s*[A-Za-z_]\w{0,60}\s*)?:?=\s*)?\bos\.(?:OpenFile|Create)\s*\(/, (m) => {
      const callStart = text.indexOf('os.', m.index);
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const first = splitArgs(text, open, close)[0];
      const value = first ? stringValue(first.text) : undefined;
      if (value !== undefined && isLogLikePath(value)) return { start: callStart, end: close + 1, what: 'log file opened with os.OpenFile' };
      const v = m[1];
      if (!v || v === '_' || v === 'err') return undefined;
      const uses = new RegExp(
        `\\bSetOutput\\(\\s*${v}\\s*\\)|\\bslog\\.New(?:JSON|Text)Handler\\(\\s*${v}\\b|\\b(?:log|zerolog|logrus|slog)\\.New\\w{0,20}\\(\\s*${v}\\b|\\bMultiWriter\\([^)\\n]{0,200}\\b${v}\\b|\\bOut\\s*[:=]\\s*${v}\\b|\\bAddSync\\(\\s*${v}\\s*\\)`,
      );
      return uses.test(text) ? { start: callStart, end: close + 1, what: 'file handed to a logger' } : undefined;
    });
  },
};

export const GO_SINKS: readonly SinkDetector[] = [lumberjack, zapPaths, openedFiles];
