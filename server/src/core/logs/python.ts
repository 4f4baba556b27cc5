import { lineStartNear, matchBracket, pythonImportInsertOffset, pythonImports, splitArgs, stringValue } from '../services/syntax';
import { isStdStream, scan, type LogSite, type OffsetEdit, type SinkDetector } from './site';

const FILE_HANDLER = /(?<![\w.])((?:logging\.)?(?:handlers\.)?)(Rotating|TimedRotating|Watched|ConcurrentRotating|ConcurrentTimedRotating)?FileHandler\s*\(/;

let memo: { text: string; key: string; edit: OffsetEdit | undefined } | undefined;

/** The edit that adds `import …` lines for the modules the file lacks, or undefined when none is missing (memoised per text). */
export function pythonImportEdit(text: string, modules: readonly string[]): OffsetEdit | undefined {
  const key = modules.join(',');
  if (memo && memo.text === text && memo.key === key) return memo.edit;
  const edit = computeImportEdit(text, modules);
  memo = { text, key, edit };
  return edit;
}

function computeImportEdit(text: string, modules: readonly string[]): OffsetEdit | undefined {
  const missing = modules.filter((m) => !pythonImports(text, m));
  if (missing.length === 0) return undefined;
  const at = pythonImportInsertOffset(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return { start: at, end: at, newText: lead + missing.map((m) => `import ${m}${eol}`).join('') };
}

/** `logging.FileHandler("app.log")` and the rotating / watched variants: fixable to `logging.StreamHandler(sys.stdout)`. */
const handlers: SinkDetector = {
  languages: ['python'],
  keywords: ['filehandler'],
  find({ text }) {
    return scan(text, FILE_HANDLER, (m) => {
      const lineStart = lineStartNear(text, m.index);
      if (/^\s*(?:class|def)\s/.test(text.slice(lineStart, m.index))) return undefined;
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const edits: OffsetEdit[] = [{ start: m.index, end: close + 1, newText: 'logging.StreamHandler(sys.stdout)' }];
      const imports = pythonImportEdit(text, ['logging', 'sys']);
      if (imports) edits.push(imports);
      return {
        start: m.index,
        end: open,
        what: `logging ${m[2] ?? ''}FileHandler`,
        fix: { title: 'Log to stdout with logging.StreamHandler(sys.stdout)', edits },
      };
    });
  },
};

/** `logging.basicConfig(filename=…)`. */
const basicConfig: SinkDetector = {
  languages: ['python'],
  keywords: ['basicconfig'],
  find({ text }) {
    return scan(text, /\bbasicConfig\s*\(/, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const arg = splitArgs(text, open, close).find((a) => /^filename\s*=/.test(a.text));
      return arg ? { start: m.index, end: close + 1, what: 'logging.basicConfig(filename=…)' } : undefined;
    });
  },
};

/** dictConfig dictionaries (also JSON logging configs): `'class': 'logging.handlers.RotatingFileHandler'`. */
const dictConfig: SinkDetector = {
  languages: ['python', 'json'],
  keywords: ['filehandler'],
  find({ text }) {
    return scan(
      text,
      /(["'])class\1\s*:\s*(["'])((?:logging\.(?:handlers\.)?)?(?:Rotating|TimedRotating|Watched)?FileHandler|[\w.]{0,100}Concurrent(?:Timed)?RotatingFileHandler)\2/,
      (m) => ({ start: m.index, end: m.index + m[0].length, what: `logging config handler ${m[3]}` }),
    );
  },
};

/** loguru: `logger.add("file_{time}.log")` (a string sink is a file path). */
const loguru: SinkDetector = {
  languages: ['python'],
  keywords: ['loguru'],
  find({ text }) {
    if (!/\bloguru\b/.test(text)) return [];
    return scan(text, /\blogger\.add\s*\(/, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const first = splitArgs(text, open, close)[0];
      const value = first ? stringValue(first.text) : undefined;
      if (value === undefined || isStdStream(value)) return undefined;
      return { start: m.index, end: close + 1, what: 'loguru file sink' };
    });
  },
};

/** gunicorn config files: `accesslog = "/var/log/gunicorn/access.log"`, `errorlog = …` (not `"-"`). */
const gunicornConf: SinkDetector = {
  languages: ['python'],
  keywords: ['accesslog', 'errorlog'],
  find({ text }) {
    return scan(text, /^(accesslog|errorlog)[ \t]*=[ \t]*(["'])([^"'\n]{1,300})\2/m, (m): LogSite | undefined =>
      isStdStream(m[3]) ? undefined : { start: m.index, end: m.index + m[0].length, what: `gunicorn ${m[1]} file` },
    );
  },
};

/** structlog `WriteLoggerFactory(file=open("app.log", "a"))` / `PrintLoggerFactory(file=…)` with a file other than sys.stdout/stderr. */
const structlogFile: SinkDetector = {
  languages: ['python'],
  keywords: ['loggerfactory'],
  find({ text }) {
    return scan(text, /\b(?:Write|Print|Bytes)LoggerFactory\s*\(\s*file\s*=\s*(?!sys\.std(?:out|err)\b)/, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      what: 'structlog logger factory writing to a file',
    }));
  },
};

export const PYTHON_SINKS: readonly SinkDetector[] = [handlers, basicConfig, dictConfig, loguru, gunicornConf, structlogFile];
