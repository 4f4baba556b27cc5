import { matchBracket, splitArgs, stringValue } from '../services/syntax';
import { isLogLikePath, literalsIn } from './paths';
import { isStdStream, scan, type LogSite, type SinkDetector } from './site';

const JS = ['javascript', 'typescript'] as const;

/** winston: `new winston.transports.File({...})` (fixable to Console) and `new DailyRotateFile({...})`. */
const winston: SinkDetector = {
  languages: JS,
  keywords: ['transports.file', 'dailyrotatefile'],
  find({ text }) {
    const file = scan(text, /\bnew\s+((?:[\w$]{1,100}\.)?transports\.)File\s*\(/, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      return {
        start: m.index,
        end: close + 1,
        what: 'winston File transport',
        fix: {
          title: 'Log to the console (stdout) instead',
          edits: [{ start: m.index, end: close + 1, newText: `new ${m[1]}Console()` }],
        },
      };
    });
    const daily = scan(text, /\bnew\s+(?:[\w$]{1,100}\.){0,2}DailyRotateFile\s*\(/, (m) => ({
      start: m.index,
      end: m.index + m[0].length - 1,
      what: 'winston daily-rotate-file transport',
    }));
    return [...file, ...daily];
  },
};

/** pino: `pino.destination('./app.log')`, `destination({ dest: … })`, `transport({ target: 'pino/file', options: { destination: … } })`. */
const pino: SinkDetector = {
  languages: JS,
  keywords: ['pino'],
  find({ text }) {
    if (!/\bpino\b/.test(text)) return [];
    const dest = scan(text, /\bdestination\s*\(/, (m) => {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) return undefined;
      const [first] = splitArgs(text, open, close);
      if (!first) return undefined;
      const literal = stringValue(first.text);
      if (literal !== undefined) return isStdStream(literal) ? undefined : site(m.index, close + 1, 'pino destination file');
      const objDest = /\bdest\s*:\s*([^,}\n]{1,300})/.exec(first.text);
      if (first.text.startsWith('{') && objDest && !isStdStream(objDest[1]) && !/process\.std(?:out|err)/.test(objDest[1])) {
        return site(m.index, close + 1, 'pino destination file');
      }
      return undefined;
    });
    const transport = scan(text, /\btarget\s*:\s*(['"])(pino\/file|pino-roll)\1/, (m) => {
      if (m[2] === 'pino-roll') return site(m.index, m.index + m[0].length, 'pino-roll transport');
      const window = text.slice(m.index, m.index + 400);
      const d = /\bdestination\s*:\s*([^,}\n]{1,300})/.exec(window);
      if (!d || isStdStream(d[1]) || /process\.std(?:out|err)/.test(d[1])) return undefined;
      return site(m.index, m.index + m[0].length, 'pino/file transport');
    });
    return [...dest, ...transport];
  },
};

/** log4js appenders of type file, dateFile, fileSync or multiFile. */
const log4js: SinkDetector = {
  languages: [...JS, 'json'],
  keywords: ['log4js', 'appenders'],
  find({ text, language }) {
    if (language === 'json' ? !/"appenders"/.test(text) : !/\blog4js\b/.test(text)) return [];
    return scan(text, /(["']?)type\1\s*:\s*(["'])(file|dateFile|fileSync|multiFile)\2/, (m) =>
      site(m.index, m.index + m[0].length, `log4js ${m[3]} appender`),
    );
  },
};

/** bunyan streams with a `path:` (or `type: 'rotating-file'`). */
const bunyan: SinkDetector = {
  languages: JS,
  keywords: ['bunyan'],
  find({ text }) {
    if (!/\bbunyan\b/.test(text)) return [];
    return scan(text, /\bpath\s*:\s*(["'`])([^"'`\n]{1,300})\1/, (m) => {
      const before = text.slice(Math.max(0, m.index - 300), m.index);
      if (!isLogLikePath(m[2]) && !/\bstreams\s*:/.test(before)) return undefined;
      return site(m.index, m.index + m[0].length, 'bunyan file stream');
    });
  },
};

/**
 * `fs.createWriteStream(…)` of a log-like path (`access.log`, `logs/…`), or of any path when the stream is given
 * to morgan as `{ stream: … }`; `fs.appendFile(Sync)` to a log-like path.
 */
const writeStreams: SinkDetector = {
  languages: JS,
  keywords: ['createwritestream', 'appendfile'],
  find({ text }) {
    const out: LogSite[] = [];
    const seen = new Set<number>();
    const add = (s: LogSite | undefined) => {
      if (s && !seen.has(s.start)) {
        seen.add(s.start);
        out.push(s);
      }
    };
    const callAt = (index: number, name: string): { close: number; args: string } | undefined => {
      const open = text.indexOf('(', index + name.length);
      if (open < 0) return undefined;
      const close = matchBracket(text, open);
      return close < 0 ? undefined : { close, args: text.slice(open + 1, close) };
    };
    scan(text, /\b(createWriteStream|appendFileSync|appendFile)\s*\(/, (m) => {
      const call = callAt(m.index, m[1]);
      if (!call) return undefined;
      const firstArg = splitArgs(text, text.indexOf('(', m.index), call.close)[0]?.text ?? '';
      if (literalsIn(firstArg).some(isLogLikePath)) add(site(m.index, call.close + 1, m[1] === 'createWriteStream' ? 'write stream to a log file' : 'append to a log file'));
      return undefined;
    });
    if (/\bmorgan\s*\(/.test(text)) {
      scan(text, /\bstream\s*:\s*([\w$.]{1,100})/, (m) => {
        const value = m[1];
        if (/^process\.std(?:out|err)$/.test(value)) return undefined;
        if (/createWriteStream$/.test(value)) {
          const at = m.index + m[0].length - 'createWriteStream'.length;
          const call = callAt(at, 'createWriteStream');
          if (call) add(site(at, call.close + 1, 'morgan access log written to a file'));
          return undefined;
        }
        const name = value.replace(/[^\w$]/g, '\\$&');
        const decl = new RegExp(`\\b(?:const|let|var)\\s+${name}\\s*=\\s*(?:[\\w$]{1,50}\\.)?createWriteStream\\s*\\(`).exec(text);
        if (decl) {
          const at = text.indexOf('createWriteStream', decl.index);
          const call = callAt(at, 'createWriteStream');
          if (call) add(site(at, call.close + 1, 'morgan access log written to a file'));
        }
        return undefined;
      });
    }
    return out;
  },
};

function site(start: number, end: number, what: string): LogSite {
  return { start, end, what };
}

export const JS_SINKS: readonly SinkDetector[] = [winston, pino, log4js, bunyan, writeStreams];
