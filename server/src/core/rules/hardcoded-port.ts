import { JS_PORTS, PYTHON_PORTS } from '../ports/js-python';
import { CSHARP_PORTS, GO_PORTS, JVM_PORTS, PROCFILE_PORTS, RUBY_PORTS, SPRING_PORTS } from '../ports/others';
import { PORT_WORDS, type PortDetector, type PortWord } from '../ports/site';
import { defineRule } from '../rule';
import { isEnvFallback } from '../services/env-fallback';
import { isDevOrTestPath, isTestPath } from '../services/paths';
import { inComment } from '../services/syntax';
import type { Finding, LanguageId } from '../types';

const ID = 'port-binding/hardcoded-port';

const DETECTORS: readonly PortDetector[] = [JS_PORTS, PYTHON_PORTS, GO_PORTS, RUBY_PORTS, CSHARP_PORTS, JVM_PORTS, SPRING_PORTS, PROCFILE_PORTS];
const LANGUAGES: readonly LanguageId[] = [...new Set(DETECTORS.flatMap((d) => d.languages))];
const CONFIG_LANGUAGES: readonly LanguageId[] = ['properties', 'yaml'];

/**
 * Reports app code that binds a literal port instead of the one the environment assigns: `app.listen(3000)`,
 * `const PORT = 3000; app.listen(PORT)`, `http.ListenAndServe(":8080", …)`, Gin `r.Run(":8080")`, Echo
 * `e.Start(":1323")`, Flask `app.run(port=5000)`, `uvicorn.run(app, port=8000)`, Kestrel `UseUrls("http://*:5000")` /
 * `ListenAnyIP(5000)`, Puma `port 3000`, Sinatra `set :port, 4567`, `new ServerSocket(8080)`,
 * `HttpServer.create(new InetSocketAddress(8000), 0)`, Spring `server.port=8080`, and `web:` Procfile commands
 * with `--port 8000` / `--bind 0.0.0.0:8000` / `php -S 0.0.0.0:8000`.
 *
 * Not reported: env lookups with literal defaults (`process.env.PORT || 3000`, `os.getenv("PORT", "5000")`,
 * `port ENV.fetch("PORT") { 3000 }`, `${PORT:8080}`), `listen(0)` and small numbers (backlogs), Dockerfile
 * `EXPOSE`, Kubernetes `containerPort`, compose port mappings, IDE launch profiles, test code and dev-only
 * config files. `php -S` outside a Procfile is PHP's development server and stays quiet.
 *
 * **Why:** a twelve-factor app is self-contained and exports its service by binding to a port it is given
 * (factor VII). Platforms assign that port through the `PORT` variable; a fixed port collides with other
 * processes on the same host and breaks on platforms that pick the port.
 *
 * **Example:**
 * ```js
 * app.listen(3000);
 * ```
 *
 * **Use instead:** take the port from the environment, keeping the old one as the local default:
 * ```js
 * app.listen(Number(process.env.PORT) || 3000);
 * ```
 * Quick fixes write this for JS/TS, Python (`int(os.environ.get("PORT", "5000"))`, adding `import os`), Ruby
 * (`ENV.fetch("PORT", 3000)`), C# (`Environment.GetEnvironmentVariable("PORT") ?? "5000"`), Java/Kotlin
 * (`System.getenv("PORT")` with a default), Spring (`${PORT:8080}`) and Procfiles (`${PORT:-8000}`). Go by hand:
 * `port := os.Getenv("PORT"); if port == "" { port = "8080" }; http.ListenAndServe(":"+port, mux)` (or
 * `":" + cmp.Or(os.Getenv("PORT"), "8080")` on Go 1.22+). For a gunicorn `bind = "0.0.0.0:8000"`, delete the
 * line: gunicorn binds to `$PORT` when it is set.
 */
export const rule = defineRule({
  id: ID,
  factor: 7,
  title: 'Hardcoded port',
  description: 'The app binds a literal port instead of the port the environment assigns (PORT).',
  defaultSeverity: 'warning',
  runtimeCode: true,
  fixable: true,
  keywords: [
    'listen', 'serve(', "'port'", '"port"', 'port=', 'port =', 'port:', 'bind', 'run(', 'start(', 'addr:', 'useurls', 'urls.add',
    'serversocket', 'inetsocketaddress', 'server.port', ':port', 'web:',
    ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `port ${d}`),
  ],
  languages: LANGUAGES,
  // `listen` and `serve` are hit group 0, `server` group 1: their patterns are tried where they end.
  scan: { words: PORT_WORDS, groups: PORT_WORDS.map((w) => (w === 'listen' || w === 'serve' ? 1 : w === 'server' ? 2 : 0)) },
  detect({ file, lines, scan }) {
    const found = scan && new Set(scan.found.map((i) => PORT_WORDS[i]));
    const occurs = found && ((w: PortWord) => found.has(w));
    const ends = scan && { listenOrServe: scan.hits[0], server: scan.hits[1] };
    if (isTestPath(file.path)) return [];
    if (CONFIG_LANGUAGES.includes(file.language) && isDevOrTestPath(file.path)) return [];
    const findings: Finding[] = [];
    const seen = new Set<number>();
    for (const d of DETECTORS) {
      if (!d.languages.includes(file.language)) continue;
      for (const s of d.find({ text: file.text, language: file.language, path: file.path, occurs, ends })) {
        if (seen.has(s.start) || inComment(file.language, lines, s.start) || isEnvFallback(file.text, s.start)) continue;
        seen.add(s.start);
        const finding: Finding = {
          ruleId: ID,
          range: { start: lines.positionAt(s.start), end: lines.positionAt(s.end) },
          message: `Port ${s.port} is hardcoded (${s.what}). Bind to the port in the PORT environment variable, keeping ${s.port} as the local default.`,
          data: { port: s.port },
        };
        if (s.fix) {
          finding.fixes = [{ title: s.fix.title, safe: false, edits: s.fix.edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText })) }];
        }
        findings.push(finding);
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
});
