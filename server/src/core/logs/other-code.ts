import { lineEndNear, lineStartNear, matchBracket, splitArgs, stringValue } from '../services/syntax';
import { isLogLikePath, literalsIn } from './paths';
import { isStdStream, scan, type LogSite, type SinkDetector } from './site';

/** java.util.logging `new FileHandler("app.log")`; log4j/logback/log4net appenders built in code. */
const jvmCode: SinkDetector = {
  languages: ['java', 'kotlin', 'csharp'],
  keywords: ['filehandler', 'fileappender'],
  find({ text, language }) {
    const jul = language === 'csharp'
      ? []
      : scan(text, /(?<![\w.])(new\s+)?(?:java\.util\.logging\.)?FileHandler\s*\(/, (m) => {
          const lineStart = lineStartNear(text, m.index);
          if (/\bclass\s+$|\bfun\s+$/.test(text.slice(lineStart, m.index))) return undefined;
          if (language === 'java' && !m[1]) return undefined;
          return { start: m.index, end: m.index + m[0].length - 1, what: 'java.util.logging FileHandler' };
        });
    const appenders = scan(
      text,
      /(\bnew\s+(?:[\w.]{1,100}\.)?|(?<![\w.]))((?:Rolling|DailyRolling|RollingRandomAccess)?FileAppender)\b(?=\s*(?:<[\w<>, ]{0,100}>)?\s*\()|\b((?:Rolling|RollingRandomAccess)?FileAppender)\.(?:newBuilder|createAppender)\s*\(/,
      (m): LogSite | undefined => {
        if (m[2] && !m[1] && language !== 'kotlin') return undefined;
        if (m[2] && !m[1] && /\b(?:class|fun)\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) return undefined;
        return { start: m.index, end: m.index + m[0].length, what: m[2] ?? m[3] };
      },
    );
    return [...jul, ...appenders];
  },
};

/** Ruby `Logger.new('log/app.log')`, `Logger.new(Rails.root.join('log', …))`, `ActiveSupport::Logger.new(path)`. */
const rubyLogger: SinkDetector = {
  languages: ['ruby'],
  keywords: ['logger.new'],
  find({ text }) {
    return scan(text, /\b(?:ActiveSupport::)?Logger\.new(?:\s*\(|[ \t]+(?=["']))/, (m): LogSite | undefined => {
      const paren = m[0].endsWith('(');
      let argText: string;
      let fix: LogSite['fix'];
      if (paren) {
        const open = m.index + m[0].length - 1;
        const close = matchBracket(text, open);
        if (close < 0) return undefined;
        const args = splitArgs(text, open, close);
        if (args.length === 0) return undefined;
        argText = args[0].text;
        fix = { title: 'Log to $stdout', edits: [{ start: open + 1, end: close, newText: '$stdout' }] };
      } else {
        argText = text.slice(m.index + m[0].length, lineEndNear(text, m.index)).trim();
      }
      if (/^(?:\$std(?:out|err)|STD(?:OUT|ERR)|nil|IO::NULL|File::NULL)\b/.test(argText)) return undefined;
      const literal = /^(["'])([^"'\n]{0,300})\1/.exec(argText);
      if (literal) {
        if (isStdStream(literal[2])) return undefined;
      } else if (!/^(?:Rails\.root|File\.(?:join|open|expand_path)|Pathname|["'])/.test(argText)) {
        return undefined;
      }
      const end = text.indexOf('(', m.index) >= 0 && paren ? m.index + m[0].length - 1 : m.index + m[0].trimEnd().length;
      return { start: m.index, end, what: 'Logger writing to a file', fix };
    });
  },
};

/** Puma `stdout_redirect "log/puma.stdout.log", "log/puma.stderr.log"`: the server's own output into files. */
const pumaRedirect: SinkDetector = {
  languages: ['ruby'],
  keywords: ['stdout_redirect'],
  find({ text }) {
    return scan(text, /^[ \t]*stdout_redirect\b[ \t(]*(["'])([^"'\n]{1,300})\1/m, (m): LogSite | undefined =>
      isStdStream(m[2]) ? undefined : { start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].length, what: 'Puma stdout_redirect' },
    );
  },
};

/** PHP: Monolog StreamHandler to a path, RotatingFileHandler, `error_log($m, 3, $file)`, `ini_set('error_log', $file)`. */
const php: SinkDetector = {
  languages: ['php'],
  keywords: ['streamhandler', 'rotatingfilehandler', 'error_log'],
  find({ text }) {
    const stream = scan(text, /\bnew\s+(?:\\?Monolog\\Handler\\)?StreamHandler\s*\(/, (m): LogSite | undefined => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const first = splitArgs(text, open, close)[0];
      if (!first) return undefined;
      const literal = stringValue(first.text);
      if (literal !== undefined ? isStdStream(literal) || /^php:\/\//.test(literal) : !literalsIn(first.text).some(isLogLikePath)) return undefined;
      return {
        start: m.index,
        end: open,
        what: 'Monolog StreamHandler to a file',
        fix: { title: "Log to 'php://stdout'", edits: [{ start: first.start, end: first.end, newText: "'php://stdout'" }] },
      };
    });
    const rotating = scan(text, /\bnew\s+(?:\\?Monolog\\Handler\\)?RotatingFileHandler\s*\(/, (m) => ({
      start: m.index,
      end: m.index + m[0].length - 1,
      what: 'Monolog RotatingFileHandler',
    }));
    const errorLog = scan(text, /(?<![\w>:$])error_log\s*\(/, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const args = splitArgs(text, open, close);
      return args.length >= 3 && args[1].text === '3' ? { start: m.index, end: close + 1, what: 'error_log to a file (type 3)' } : undefined;
    });
    const iniSet = scan(text, /\bini_set\s*\(\s*(["'])error_log\1\s*,/, (m) => {
      const open = text.indexOf('(', m.index);
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const value = splitArgs(text, open, close)[1];
      const literal = value ? stringValue(value.text) : undefined;
      if (!value || (literal !== undefined && (isStdStream(literal) || /^syslog$/i.test(literal)))) return undefined;
      return { start: m.index, end: close + 1, what: "ini_set('error_log', file)" };
    });
    return [...stream, ...rotating, ...errorLog, ...iniSet];
  },
};

/** C#: Serilog `.WriteTo.File(…)` / `.WriteTo.RollingFile(…)` (fixable to `.WriteTo.Console()`), `logging.AddFile(…)`. */
const csharp: SinkDetector = {
  languages: ['csharp'],
  keywords: ['writeto', 'addfile'],
  find({ text }) {
    const serilog = scan(text, /\.WriteTo\s*\.\s*(File|RollingFile)\s*\(/, (m): LogSite | undefined => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const nameStart = m.index + m[0].lastIndexOf(m[1]);
      return {
        start: m.index + 1,
        end: open,
        what: `Serilog ${m[1]} sink`,
        fix: { title: 'Write to the console (stdout) instead', edits: [{ start: nameStart, end: close + 1, newText: 'Console()' }] },
      };
    });
    // Sub-logger lambdas: `.WriteTo.Async(a => a.File(…))`, `.WriteTo.Logger(l => l.WriteTo.File(…))` is covered above.
    const lambda = scan(text, /\b([A-Za-z_]\w{0,20})\s*=>\s*\1\s*\.\s*(File|RollingFile)\s*\(/, (m): LogSite | undefined => {
      if (!/\.WriteTo\s*\.\s*\w{1,30}\s*\(\s*$/.test(text.slice(Math.max(0, m.index - 100), m.index))) return undefined;
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const nameStart = m.index + m[0].lastIndexOf(m[2]);
      return {
        start: nameStart,
        end: open,
        what: `Serilog ${m[2]} sink`,
        fix: { title: 'Write to the console (stdout) instead', edits: [{ start: nameStart, end: close + 1, newText: 'Console()' }] },
      };
    });
    const addFile = scan(text, /\.AddFile\s*\(/, (m) => {
      const from = Math.max(0, m.index - 300);
      const window = text.slice(from, m.index);
      const stmt = Math.max(window.lastIndexOf(';'), window.lastIndexOf('{'), window.lastIndexOf('}'));
      const before = window.slice(stmt + 1);
      return /logg/i.test(before) ? { start: m.index + 1, end: m.index + m[0].length - 1, what: 'file logging provider' } : undefined;
    });
    return [...serilog, ...lambda, ...addFile];
  },
};

export const OTHER_CODE_SINKS: readonly SinkDetector[] = [jvmCode, rubyLogger, pumaRedirect, php, csharp];
