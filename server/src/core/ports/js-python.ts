import { matchesAtStarts, type StartsOf } from '../anchored';
import { pythonImportEdit } from '../logs/python';
import { isIdentChar, runStartBefore } from '../text';
import { matchBracket, splitArgs } from '../services/syntax';
import { isServerPort, resolveConstant, type PortDetector, type PortSite } from './site';

const jsFix = (start: number, end: number, port: string): PortSite['fix'] => ({
  title: 'Read the port from PORT, with this one as default',
  edits: [{ start, end, newText: `Number(process.env.PORT) || ${port}` }],
});

const LISTEN_OR_SERVE = /\.(listen|serve)\s*\(|\b(serve)\s*\(\s*\{/g;

/** Where LISTEN_OR_SERVE can start, given where a `listen` or a `serve` ends: at the `.` before it, or at `serve`. */
const callStarts: StartsOf = (_text, h, add) => {
  add(h - 6);
  add(h - 5);
  add(h - 4);
};

const NEW_SERVER = /\bnew\s+(?:[\w$]{1,60}\.)?([\w$]{0,60}Server)\s*\(\s*\{/g;

/**
 * Where NEW_SERVER can start, given where a `server` ends: the class name is the whole run of `[\w$]` ending there
 * (white space or `(` must follow it), maybe after one `qualifier.`, and `new` and white space come before.
 */
const newServerStart: StartsOf = (text, h, add) => {
  let p = runStartBefore(text, h + 1, isIdentChar);
  if (text.charCodeAt(p - 1) === 46) p = runStartBefore(text, p - 1, isIdentChar);
  let w = p;
  while (w > 0 && /\s/.test(text[w - 1])) w--;
  if (w < p) add(w - 3);
};

/**
 * JS/TS: `app.listen(3000)`, `server.listen(PORT)` with `const PORT = 3000`, `fastify.listen({ port: 3000 })`,
 * `serve({ port: 8787 })` / `Bun.serve({ port })`, `app.set('port', 3000)`.
 */
export const JS_PORTS: PortDetector = {
  languages: ['javascript', 'typescript'],
  find({ text, language, occurs = () => true, ends }) {
    const out: PortSite[] = [];
    const seen = new Set<number>();
    const push = (start: number, end: number, value: string, what: string) => {
      if (seen.has(start) || !isServerPort(value)) return;
      seen.add(start);
      out.push({ start, end, port: Number(value), what, fix: jsFix(start, end, value) });
    };
    const listenOrServe = occurs('listen') || occurs('serve');
    const calls = !listenOrServe ? [] : ends ? matchesAtStarts(LISTEN_OR_SERVE, text, ends.listenOrServe, callStarts) : text.matchAll(LISTEN_OR_SERVE);
    for (const m of calls) {
      const open = text.indexOf('(', m.index);
      const close = matchBracket(text, open);
      if (close < 0) continue;
      const first = splitArgs(text, open, close)[0];
      if (!first) continue;
      const what = m[1] === 'listen' ? 'listen()' : 'serve()';
      if (/^\d{2,5}$/.test(first.text)) push(first.start, first.end, first.text, what);
      else if (first.text.startsWith('{')) {
        const p = /(?:^|[{,\s])port\s*:\s*(\d{2,5})\b/.exec(first.text);
        if (p) {
          const s = first.start + p.index + p[0].length - p[1].length;
          push(s, s + p[1].length, p[1], what);
        } else {
          const short = /(?:^|[{,\s])port\s*[,}]/.exec(first.text) ? 'port' : /\bport\s*:\s*([A-Za-z_$][\w$]{0,60})\s*[,}]/.exec(first.text)?.[1];
          const c = short ? resolveConstant(text, short, language) : undefined;
          if (c) push(c.start, c.end, c.value, what);
        }
      } else if (/^[A-Za-z_$][\w$]{0,60}$/.test(first.text)) {
        const c = resolveConstant(text, first.text, language);
        if (c) push(c.start, c.end, c.value, what);
      }
    }
    // `new WebSocketServer({ port: 8090 })`, `new ApolloServer(…)`-style servers configured with a port.
    const servers = !occurs('server') ? [] : ends ? matchesAtStarts(NEW_SERVER, text, ends.server, newServerStart) : text.matchAll(NEW_SERVER);
    for (const m of servers) {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) continue;
      const p = /(?:^|[{,\s])port\s*:\s*(\d{2,5})\b/.exec(text.slice(open, close));
      if (p) {
        const s = open + p.index + p[0].length - p[1].length;
        push(s, s + p[1].length, p[1], `new ${m[1]}`);
      }
    }
    const quotedPort = occurs("'port'") || occurs('"port"');
    for (const m of quotedPort ? text.matchAll(/\.set\s*\(\s*(["'])port\1\s*,\s*(\d{2,5})\s*\)/g) : []) {
      const s = m.index + m[0].lastIndexOf(m[2]);
      push(s, s + m[2].length, m[2], "app.set('port')");
    }
    return out;
  },
};

const pyFix = (text: string, start: number, end: number, port: string): PortSite['fix'] => {
  const edits = [{ start, end, newText: `int(os.environ.get("PORT", "${port}"))` }];
  const imp = pythonImportEdit(text, ['os']);
  if (imp) edits.push(imp);
  return { title: 'Read the port from PORT, with this one as default', edits };
};

/**
 * Python: `app.run(port=5000)` (Flask, Sanic, socketio), `uvicorn.run(app, port=8000)`, `web.run_app(app, port=…)`,
 * waitress `serve(app, port=…)`, `HTTPServer(("", 8000), …)`, `socket.bind(("0.0.0.0", PORT))`,
 * `make_server("", 8000, app)`, gunicorn config `bind = "0.0.0.0:8000"`.
 */
export const PYTHON_PORTS: PortDetector = {
  languages: ['python'],
  find({ text, language }) {
    const out: PortSite[] = [];
    const seen = new Set<number>();
    const push = (start: number, end: number, value: string, what: string, fix = true) => {
      if (seen.has(start) || !isServerPort(value)) return;
      seen.add(start);
      out.push({ start, end, port: Number(value), what, fix: fix ? pyFix(text, start, end, value) : undefined });
    };
    for (const m of text.matchAll(/\b(run|run_app|serve|run_simple|run_server)\s*\(/g)) {
      const open = m.index + m[0].length - 1;
      const close = matchBracket(text, open);
      if (close < 0) continue;
      for (const a of splitArgs(text, open, close)) {
        const p = /^port\s*=\s*(\d{2,5}|[A-Z_][A-Z0-9_]{0,60})$/.exec(a.text);
        if (!p) continue;
        if (/^\d/.test(p[1])) push(a.end - p[1].length, a.end, p[1], `${m[1]}(port=…)`);
        else {
          const c = resolveConstant(text, p[1], language);
          if (c) push(c.start, c.end, c.value, `${m[1]}(port=…)`);
        }
      }
    }
    const tuple = /\b(HTTPServer|ThreadingHTTPServer|TCPServer|ThreadingTCPServer|UDPServer|bind|make_server)\s*\(\s*\(?\s*(?:(["'])[^"'\n]{0,100}\2|[A-Za-z_][\w.]{0,60})\s*,\s*(\d{2,5}|[A-Z_][A-Z0-9_]{0,60})\b/g;
    for (const m of text.matchAll(tuple)) {
      const v = m[3];
      if (/^\d/.test(v)) {
        const s = m.index + m[0].length - v.length;
        push(s, s + v.length, v, m[1]);
      } else {
        const c = resolveConstant(text, v, language);
        if (c) push(c.start, c.end, c.value, m[1]);
      }
    }
    // gRPC: `server.add_insecure_port("[::]:50051")`.
    for (const m of text.matchAll(/\.add_(?:insecure|secure)_port\s*\(\s*(["'])([^"'\n]{0,100}):(\d{2,5})\1/g)) {
      const s = m.index + m[0].indexOf(m[1]);
      const end = s + m[2].length + m[3].length + 3;
      if (seen.has(s) || !isServerPort(m[3])) continue;
      seen.add(s);
      const fix = pyFix(text, s, end, m[3]);
      if (fix) fix.edits[0].newText = `f"${m[2]}:{os.environ.get('PORT', '${m[3]}')}"`;
      out.push({ start: s, end, port: Number(m[3]), what: 'gRPC add_insecure_port', fix });
    }
    for (const m of text.matchAll(/^bind[ \t]*=[ \t]*\[?[ \t]*(["'])[^"'\n]{0,100}:(\d{2,5})\1/gm)) {
      const s = m.index + m[0].length - 1 - m[2].length;
      push(s, s + m[2].length, m[2], 'gunicorn bind', false);
    }
    return out;
  },
};
