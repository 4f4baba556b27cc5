import { matchBracket, splitArgs, yamlScalars } from '../services/syntax';
import { isServerPort, resolveConstant, type PortDetector, type PortSite } from './site';

const FIX_TITLE = 'Read the port from PORT, with this one as default';

function site(start: number, value: string, what: string, newText?: string): PortSite {
  return { start, end: start + value.length, port: Number(value), what, fix: newText ? { title: FIX_TITLE, edits: [{ start, end: start + value.length, newText }] } : undefined };
}

/** The start of group `g` inside match `m`, found after `from` characters of the match. */
function groupStart(m: RegExpMatchArray, g: number): number {
  return (m.index ?? 0) + m[0].lastIndexOf(m[g]);
}

/**
 * Go: `http.ListenAndServe(":8080", …)`, Gin `r.Run(":8080")`, Echo `e.Start(":1323")`, Fiber `app.Listen(":3000")`,
 * `net.Listen("tcp", ":8080")`, `http.Server{Addr: ":8080"}`, and an `addr := ":8080"` passed to them. No quick
 * fix: Go has no one-expression env default (see the rule's docs for the manual fix).
 */
export const GO_PORTS: PortDetector = {
  languages: ['go'],
  find({ text, language }) {
    const out: PortSite[] = [];
    const call = /\b(ListenAndServe(?:TLS)?|RunTLS|Run|StartTLS|Start|Listen|ListenTLS)\s*\(\s*(?:"(?:tcp|tcp4|tcp6)"\s*,\s*)?(?:"([\w.\[\]-]{0,100}):(\d{2,5})"|([A-Za-z_]\w{0,60})\s*[,)])/g;
    for (const m of text.matchAll(call)) {
      // Loopback-only listeners (`"localhost:6060"` for pprof) are diagnostics, not the exported service.
      if (m[3] && isServerPort(m[3]) && !/^(?:localhost|127\.0\.0\.1|\[::1\])$/.test(m[2])) out.push(site(groupStart(m, 3), m[3], m[1]));
      else if (m[4]) {
        const c = resolveConstant(text, m[4], language);
        const p = c ? /:(\d{2,5})$/.exec(c.value) : null;
        if (c && p && isServerPort(p[1])) out.push(site(c.end - p[1].length, p[1], m[1]));
      }
    }
    for (const m of text.matchAll(/\bAddr\s*:\s*"([\w.\[\]-]{0,100}):(\d{2,5})"/g)) {
      if (isServerPort(m[2]) && !/^(?:localhost|127\.0\.0\.1|\[::1\])$/.test(m[1])) out.push(site(groupStart(m, 2), m[2], 'http.Server Addr'));
    }
    return out;
  },
};

/** Ruby: Puma `port 3000` / `bind "tcp://0.0.0.0:3000"`, Sinatra `set :port, 4567`, Rack `Port: 9292`. */
export const RUBY_PORTS: PortDetector = {
  languages: ['ruby'],
  find({ text }) {
    const out: PortSite[] = [];
    const fix = (v: string) => `ENV.fetch("PORT", ${v})`;
    for (const m of text.matchAll(/^[ \t]*port[ \t]+(\d{2,5})[ \t]*(?:#[^\n]{0,300})?$/gm)) {
      if (isServerPort(m[1])) out.push(site(groupStart(m, 1), m[1], 'Puma port', fix(m[1])));
    }
    for (const m of text.matchAll(/^[ \t]*bind[ \t]+(["'])tcp:\/\/[^"'\n]{0,100}:(\d{2,5})\1/gm)) {
      if (isServerPort(m[2])) out.push(site(groupStart(m, 2), m[2], 'Puma bind'));
    }
    for (const m of text.matchAll(/\bset[ \t]+:port[ \t]*,[ \t]*(\d{2,5})\b/g)) {
      if (isServerPort(m[1])) out.push(site(groupStart(m, 1), m[1], 'Sinatra port', fix(m[1])));
    }
    for (const m of text.matchAll(/(?:\bPort:|:Port[ \t]*=>)[ \t]*(\d{2,5})\b/g)) {
      if (isServerPort(m[1])) out.push(site(groupStart(m, 1), m[1], 'Rack server Port', fix(m[1])));
    }
    return out;
  },
};

/** C#: `UseUrls("http://*:5000")`, `app.Run("http://0.0.0.0:5000")`, `app.Urls.Add(…)`, Kestrel `ListenAnyIP(5000)`. */
export const CSHARP_PORTS: PortDetector = {
  languages: ['csharp'],
  find({ text }) {
    const out: PortSite[] = [];
    const env = 'Environment.GetEnvironmentVariable("PORT")';
    for (const m of text.matchAll(/\b(UseUrls|Run|Urls\.Add)\s*\(/g)) {
      const open = m.index! + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) continue;
      for (const a of splitArgs(text, open, close)) {
        const u = /^"(https?:\/\/[^";\s]{1,100}:)(\d{2,5})(\/?)"$/.exec(a.text);
        if (u && isServerPort(u[2])) {
          out.push({ start: a.start, end: a.end, port: Number(u[2]), what: m[1], fix: { title: FIX_TITLE, edits: [{ start: a.start, end: a.end, newText: `"${u[1]}" + (${env} ?? "${u[2]}")${u[3] ? ' + "/"' : ''}` }] } });
        } else {
          const many = /^"[^"]{0,300}"$/.test(a.text) ? /https?:\/\/[^";\s]{1,100}:(\d{2,5})/.exec(a.text) : null;
          if (many && isServerPort(many[1])) out.push({ start: a.start, end: a.end, port: Number(many[1]), what: m[1] });
        }
      }
    }
    for (const m of text.matchAll(/\.(ListenAnyIP|ListenLocalhost|Listen)\s*\(\s*(?:IPAddress\.\w{1,20}\s*,\s*)?(\d{2,5})\b/g)) {
      if (isServerPort(m[2])) out.push(site(groupStart(m, 2), m[2], `Kestrel ${m[1]}`, `int.Parse(${env} ?? "${m[2]}")`));
    }
    return out;
  },
};

/**
 * Java / Kotlin: `new ServerSocket(8080)`, `HttpServer.create(new InetSocketAddress(8000), 0)`, Javalin
 * `.start(7000)`, Spark `port(4567)`, Vert.x `.listen(8888)`, Ktor `embeddedServer(Netty, port = 8080)`.
 */
export const JVM_PORTS: PortDetector = {
  languages: ['java', 'kotlin'],
  find({ text, language }) {
    const out: PortSite[] = [];
    const fix = (v: string) => (language === 'kotlin' ? `(System.getenv("PORT")?.toIntOrNull() ?: ${v})` : `Integer.parseInt(System.getenv().getOrDefault("PORT", "${v}"))`);
    const re = /\b(ServerSocket|InetSocketAddress|forPort)\s*\(\s*(?:"[^"\n]{0,100}"\s*,\s*)?(\d{2,5})\s*\)|\.(start|listen)\s*\(\s*(\d{2,5})\s*[,)]|^[ \t]*(port)\s*\(\s*(\d{2,5})\s*\)|\b(embeddedServer)\s*\([^()\n]{0,200}?\bport\s*=\s*(\d{2,5})\b/gm;
    for (const m of text.matchAll(re)) {
      const g = m[2] ? 2 : m[4] ? 4 : m[6] ? 6 : 8;
      if (isServerPort(m[g])) out.push(site(groupStart(m, g), m[g], m[g - 1], fix(m[g])));
    }
    return out;
  },
};

/** Spring Boot `server.port=8080` in application*.properties / application*.yml (fix: `${PORT:8080}`). */
export const SPRING_PORTS: PortDetector = {
  languages: ['properties', 'yaml'],
  find({ text, language, path }) {
    const base = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
    if (!/(?:^|[-_.])(?:application|bootstrap)[\w.-]{0,60}\.(?:properties|ya?ml)$/.test(base)) return [];
    if (language === 'properties') {
      return [...text.matchAll(/^[ \t]*((?:management\.)?server\.port)[ \t]*[=:][ \t]*(\d{2,5})[ \t]*$/gm)]
        .filter((m) => isServerPort(m[2]))
        .map((m) => site(groupStart(m, 2), m[2], m[1], m[1] === 'server.port' ? `\${PORT:${m[2]}}` : undefined));
    }
    return yamlScalars(text)
      .filter((s) => /^(?:management\.)?server\.port$/.test(s.path.join('.')) && /^\d{2,5}$/.test(text.slice(s.start, s.end)) && isServerPort(s.value))
      .map((s) => site(s.start, s.value, s.path.join('.'), s.path[0] === 'server' ? `\${PORT:${s.value}}` : undefined));
  },
};

/** Procfile `web:` commands binding a literal port: `--port 8000`, `-p 3000`, `--bind 0.0.0.0:8000`, `php -S 0.0.0.0:8000`. */
export const PROCFILE_PORTS: PortDetector = {
  languages: ['procfile'],
  find({ text }) {
    const out: PortSite[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      if (/^[ \t]*web[ \t]*:/.test(line)) {
        for (const m of line.matchAll(/(?:^|\s)(?:--port|--bind|--listen|-p|-b|-S)(?:=|[ \t]{1,4})["']?(?:[\w.*\[\]-]{0,100}:)?(\d{2,5})\b(?![.\w])/g)) {
          if (isServerPort(m[1])) out.push(site(offset + groupStart(m, 1), m[1], 'web process', `\${PORT:-${m[1]}}`));
        }
      }
      offset += line.length + 1;
    }
    return out;
  },
};
