import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkRule, checkRuleAlone } from './helpers/rules';
import { resolveConstant } from '../../server/src/core/ports/site';

const ID = 'port-binding/hardcoded-port';

/** This rule alone, for timing. */
const checkAlone = (path: string, text: string) => checkRuleAlone(ID, path, text);
const check = (path: string, text: string) => checkRule(ID, path, text);

describe(ID, () => {
  it('puts the finding on the literal and names the port', () => {
    const [f] = check('src/server.js', 'const app = express();\napp.listen(8080);\n');
    assert.deepEqual(f.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 15 } });
    assert.match(f.message, /8080/);
    assert.equal(f.data?.port, 8080);
    assert.equal(f.factor, 7);
  });

  it('leaves env lookups with literal defaults alone, in every language it reads', () => {
    const quiet: [string, string][] = [
      ['a.js', 'app.listen(process.env.PORT || 3000);'],
      ['a.js', 'const PORT = process.env.PORT ?? 3000;\napp.listen(PORT);'],
      ['a.py', 'app.run(port=int(os.getenv("PORT", "5000")))'],
      ['config/puma.rb', 'port ENV.fetch("PORT") { 3000 }'],
      ['config/puma.rb', 'port ENV.fetch("PORT", 3000)'],
      ['a.go', 'port := os.Getenv("PORT")\nhttp.ListenAndServe(":"+port, nil)'],
      ['Program.cs', 'builder.WebHost.UseUrls($"http://*:{Environment.GetEnvironmentVariable("PORT") ?? "5000"}");'],
      ['src/main/resources/application.properties', 'server.port=${PORT:8080}'],
    ];
    for (const [p, t] of quiet) assert.deepEqual(check(p, t), [], t);
  });

  it('ignores test code, IDE launch profiles, Dockerfiles and manifests', () => {
    assert.equal(check('test/server.test.js', 'app.listen(3000);').length, 0);
    assert.equal(check('Properties/launchSettings.json', '{"applicationUrl": "http://localhost:5000"}').length, 0);
    assert.equal(check('Dockerfile', 'EXPOSE 3000').length, 0);
    assert.equal(check('k8s/deploy.yaml', 'ports:\n  - containerPort: 8080\n').length, 0);
    assert.equal(check('docker-compose.yml', 'ports:\n  - "3000:3000"\n').length, 0);
    assert.equal(check('src/main/resources/application-dev.properties', 'server.port=8081').length, 0);
  });

  it('does not take backlogs or port 0 for ports', () => {
    assert.equal(check('a.js', 'server.listen(0);').length, 0);
    assert.equal(check('a.py', 'sock.bind(("", 0))').length, 0);
  });

  it('resolves a same-file constant, but not one also assigned from the environment', () => {
    assert.equal(resolveConstant('const PORT = 3000;\n', 'PORT', 'javascript')?.value, '3000');
    assert.equal(resolveConstant('PORT = 8000\n', 'PORT', 'python')?.value, '8000');
    assert.equal(resolveConstant('addr := ":8080"\n', 'addr', 'go')?.value, ':8080');
    assert.equal(resolveConstant('addr := os.Getenv("ADDR")\nif addr == "" {\n  addr = ":8080"\n}\n', 'addr', 'go'), undefined);
  });

  it('only reads web processes in Procfiles', () => {
    assert.equal(check('Procfile', 'web: gunicorn app --bind 0.0.0.0:8000\nworker: rq worker --port 6379\n').length, 1);
  });

  it('stays linear on a 1 MB single-line input', () => {
    const big = `${'.listen(3000 app.run(port=5000 ListenAndServe(":8080" port 3000 UseUrls("http://*:5000" new ServerSocket(80) '.repeat(5_000)}${'('.repeat(200_000)}${'a'.repeat(800_000)}`;
    for (const path of ['x.js', 'x.py', 'x.go', 'x.rb', 'x.cs', 'x.java', 'Procfile', 'application.yml']) {
      const t0 = Date.now();
      checkAlone(path, big);
      assert.ok(Date.now() - t0 < 10_000, `${path} took ${Date.now() - t0} ms`);
    }
  });
});
