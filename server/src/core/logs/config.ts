import { matchBracket, yamlScalars } from '../services/syntax';
import { zapOutputPaths } from './go';
import { isStdStream, scan, type LogSite, type SinkDetector } from './site';

/** `${LOG_FILE}` or `${LOG_FILE:}`: a file only when the environment names one. `${LOG_FILE:app.log}` defaults to a file. */
function isEnvWithoutDefault(value: string): boolean {
  return /^\$\{[\w.-]{1,100}:?\}\s*$/.test(value.trim());
}

const LOG4J1_FILE_APPENDER = /org\.apache\.log4j\.(?:rolling\.)?(?:Daily)?(?:Rolling)?FileAppender\b/;

/** XML logging configs: logback, log4j 2 (`<RollingFile …>`), log4j 1, NLog file targets, log4net file appenders. */
const xml: SinkDetector = {
  languages: ['xml'],
  keywords: ['fileappender', 'appenders', 'nlog', 'log4net'],
  find({ text }) {
    const out: LogSite[] = [];
    out.push(
      ...scan(text, /\bclass\s*=\s*"(ch\.qos\.logback\.core\.(?:rolling\.)?(?:Rolling)?FileAppender)"/, (m) => ({ start: m.index, end: m.index + m[0].length, what: `logback ${m[1].slice(m[1].lastIndexOf('.') + 1)}` })),
      ...scan(text, new RegExp(`\\bclass\\s*=\\s*"${LOG4J1_FILE_APPENDER.source}"`), (m) => ({ start: m.index, end: m.index + m[0].length, what: 'log4j FileAppender' })),
      ...scan(text, /\btype\s*=\s*"log4net\.Appender\.(?:Rolling)?FileAppender\b[^"]{0,200}"/, (m) => ({ start: m.index, end: m.index + m[0].length, what: 'log4net file appender' })),
    );
    if (/<Appenders\b/i.test(text)) {
      out.push(...scan(text, /<(File|RollingFile|RollingRandomAccessFile|RandomAccessFile|MemoryMappedFile)(?=[\s>\/])/, (m) => ({ start: m.index, end: m.index + m[0].length, what: `log4j2 ${m[1]} appender` })));
    }
    if (/<nlog\b/i.test(text)) {
      out.push(...scan(text, /\b(?:xsi:)?type\s*=\s*"File"/, (m) => ({ start: m.index, end: m.index + m[0].length, what: 'NLog File target' })));
    }
    return out;
  },
};

/** .properties: log4j 1 / log4j 2 file appenders and Spring Boot's `logging.file.name` / `logging.file.path`. */
const properties: SinkDetector = {
  languages: ['properties'],
  keywords: ['fileappender', 'appender.', 'logging.file', 'logging.path'],
  find({ text }) {
    return [
      ...scan(text, new RegExp(`^[ \\t]*log4j\\.appender\\.[\\w.-]{1,100}[ \\t]*[=:][ \\t]*${LOG4J1_FILE_APPENDER.source}`, 'm'), (m) => ({ start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].length, what: 'log4j FileAppender' })),
      ...scan(text, /^[ \t]*appender\.[\w-]{1,100}\.type[ \t]*[=:][ \t]*(File|RollingFile|RollingRandomAccessFile|RandomAccessFile)[ \t]*$/m, (m) => ({ start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].trimEnd().length, what: `log4j2 ${m[1]} appender` })),
      ...scan(text, /^[ \t]*(logging\.(?:file(?:\.name|\.path)?|path))[ \t]*[=:][ \t]*([^\s#][^\n]{0,300})?$/m, (m): LogSite | undefined =>
        m[2] && !isEnvWithoutDefault(m[2]) ? { start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].trimEnd().length, what: `Spring ${m[1]}` } : undefined,
      ),
    ];
  },
};

const PY_FILE_HANDLER = /^(?:logging\.)?(?:handlers\.)?(?:Rotating|TimedRotating|Watched)?FileHandler$|ConcurrentRotatingFileHandler$/;

/** YAML: Spring `logging.file.name`, Python logging configs (`class: logging.FileHandler`), log4j2 YAML file appenders, zap `outputPaths`. */
const yaml: SinkDetector = {
  languages: ['yaml'],
  keywords: ['filehandler', 'logging:', 'logging.file', 'logging.path', 'appenders', 'outputpaths'],
  find({ text }) {
    const out: LogSite[] = [];
    for (const s of yamlScalars(text)) {
      const dotted = s.path.join('.');
      const last = s.path[s.path.length - 1] ?? '';
      if (/(?:^|\.)logging\.(?:file\.(?:name|path)|file|path)$/.test(dotted) && s.value.trim() !== '' && !isEnvWithoutDefault(s.value)) {
        out.push({ start: s.start, end: s.end, what: `Spring ${dotted.slice(dotted.lastIndexOf('logging.'))}` });
      } else if (last === 'class' && PY_FILE_HANDLER.test(s.value)) {
        out.push({ start: s.start, end: s.end, what: `logging config handler ${s.value}` });
      } else if (last === 'fileName' && s.path.some((p, i) => /^appenders$/i.test(p) && /^(?:File|RollingFile|RollingRandomAccessFile|RandomAccessFile)$/.test(s.path[i + 1] ?? ''))) {
        out.push({ start: s.start, end: s.end, what: 'log4j2 file appender' });
      } else if (/^(?:error)?outputPaths$/i.test(s.path[s.path.length - 2] ?? '') && !isStdStream(s.value)) {
        out.push({ start: s.start, end: s.end, what: 'zap output path' });
      }
    }
    return out;
  },
};

/** INI: Python `fileConfig` handlers (`class=handlers.RotatingFileHandler`), php.ini `error_log = /var/log/php.log`. */
const ini: SinkDetector = {
  languages: ['ini'],
  keywords: ['filehandler', 'error_log'],
  find({ text }) {
    return [
      ...scan(text, /^[ \t]*class[ \t]*=[ \t]*((?:logging\.)?(?:handlers\.)?(?:Rotating|TimedRotating|Watched)?FileHandler)\b/m, (m) => ({ start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].length, what: `logging config handler ${m[1]}` })),
      ...scan(text, /^[ \t]*error_log[ \t]*=[ \t]*"?([^\s";][^\n";]{0,300})"?/m, (m): LogSite | undefined =>
        isStdStream(m[1]) || /^syslog$/i.test(m[1].trim()) ? undefined : { start: m.index + m[0].length - m[0].trimStart().length, end: m.index + m[0].length, what: 'php.ini error_log file' },
      ),
    ];
  },
};

/** JSON: Serilog `"Name": "File"` sinks, NLog JSON file targets, zap `"outputPaths"`. (dictConfig / log4js JSON live with their families.) */
const json: SinkDetector = {
  languages: ['json'],
  keywords: ['serilog', 'nlog', 'outputpaths'],
  find({ text }) {
    const out: LogSite[] = [];
    if (/serilog/i.test(text)) {
      scan(text, /"WriteTo[\w:]{0,40}"\s*:\s*\[/, (w) => {
        const open = w.index + w[0].length - 1;
        const close = matchBracket(text, open);
        const block = text.slice(open, close < 0 ? open : close);
        out.push(...scan(block, /"Name"\s*:\s*"(File|RollingFile)"/, (m) => ({ start: open + m.index, end: open + m.index + m[0].length, what: `Serilog ${m[1]} sink` })));
        return undefined;
      });
    }
    if (/"nlog"/i.test(text)) out.push(...scan(text, /"type"\s*:\s*"File"/, (m) => ({ start: m.index, end: m.index + m[0].length, what: 'NLog File target' })));
    out.push(...zapOutputPaths(text, /"(?:error)?[oO]utputPaths"\s*:\s*\[/));
    return out;
  },
};

export const CONFIG_SINKS: readonly SinkDetector[] = [xml, properties, yaml, ini, json];
