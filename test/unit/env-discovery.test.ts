import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { envExampleCreatePath, findEnvExample, isDotenvFile, isEnvExampleFile } from '../../server/src/core';
import { FolderDiscovery } from '../../server/src/core/env/discovery';

/** A fake file system: the set of existing paths. */
function fs(...paths: string[]): (p: string) => boolean {
  const set = new Set(paths);
  return (p) => set.has(p);
}

describe('findEnvExample', () => {
  it('finds the nearest example, walking up to the workspace root', () => {
    const exists = fs('/ws/.env.example', '/ws/apps/api/.env.example');
    assert.equal(findEnvExample('/ws/apps/api/src/config.ts', '/ws', exists), '/ws/apps/api/.env.example');
    assert.equal(findEnvExample('/ws/apps/web/src/App.tsx', '/ws', exists), '/ws/.env.example');
    assert.equal(findEnvExample('/ws/index.js', '/ws/', exists), '/ws/.env.example');
  });
  it('knows the other conventional names, preferring .env.example within a folder', () => {
    assert.equal(findEnvExample('/ws/a.py', '/ws', fs('/ws/.env.sample')), '/ws/.env.sample');
    assert.equal(findEnvExample('/ws/a.py', '/ws', fs('/ws/.env.template')), '/ws/.env.template');
    assert.equal(findEnvExample('/ws/a.py', '/ws', fs('/ws/.env.dist')), '/ws/.env.dist');
    assert.equal(findEnvExample('/ws/a.py', '/ws', fs('/ws/example.env')), '/ws/example.env');
    assert.equal(findEnvExample('/ws/a.py', '/ws', fs('/ws/env.example')), '/ws/env.example');
    assert.equal(findEnvExample('/ws/a.py', '/ws', fs('/ws/env.example', '/ws/.env.example')), '/ws/.env.example');
  });
  it('never looks above the workspace root; outside it, only the file’s own folder', () => {
    assert.equal(findEnvExample('/ws/app/a.py', '/ws', fs('/.env.example')), undefined);
    assert.equal(findEnvExample('/other/a.py', '/ws', fs('/other/.env.example', '/ws/.env.example')), '/other/.env.example');
    assert.equal(findEnvExample('/other/sub/a.py', '/ws', fs('/other/.env.example')), undefined);
  });
  it('handles Windows paths', () => {
    const exists = fs('C:\\ws\\api\\.env.example');
    assert.equal(findEnvExample('C:\\ws\\api\\src\\main.py', 'C:\\ws', exists), 'C:\\ws\\api\\.env.example');
  });
  it('an example file is not its own example (a nested one’s parent governs it)', () => {
    assert.equal(findEnvExample('/ws/app/.env.example', '/ws', fs('/ws/app/.env.example', '/ws/.env.example')), '/ws/.env.example');
  });
});

describe('envExampleCreatePath', () => {
  it('goes next to the nearest package manifest', () => {
    assert.equal(envExampleCreatePath('/ws/apps/api/src/x.ts', '/ws', fs('/ws/apps/api/package.json', '/ws/package.json')), '/ws/apps/api/.env.example');
    assert.equal(envExampleCreatePath('/ws/svc/cmd/main.go', '/ws', fs('/ws/svc/go.mod')), '/ws/svc/.env.example');
    assert.equal(envExampleCreatePath('/ws/py/app/x.py', '/ws', fs('/ws/py/pyproject.toml')), '/ws/py/.env.example');
    assert.equal(envExampleCreatePath('/ws/Worker/Program.cs', '/ws', fs('/ws/Worker/Worker.csproj')), '/ws/Worker/.env.example');
    assert.equal(envExampleCreatePath('/ws/k/build.gradle.kts', '/ws', fs('/ws/k/build.gradle.kts')), '/ws/k/.env.example');
  });
  it('falls back to the workspace root', () => {
    assert.equal(envExampleCreatePath('/ws/scripts/run.sh', '/ws', fs()), '/ws/.env.example');
  });
});

describe('env file kinds', () => {
  it('isEnvExampleFile', () => {
    for (const p of ['/a/.env.example', '.env.sample', 'x/.env.template', '.env.dist', 'example.env', 'env.example', 'docker.env.example', '.env.production.example']) {
      assert.ok(isEnvExampleFile(p), p);
    }
    for (const p of ['.env', '.env.local', 'local.env', 'example.js', 'environment.ts', '.envrc']) assert.ok(!isEnvExampleFile(p), p);
  });
  it('isDotenvFile: local files with values, never example files', () => {
    for (const p of ['/a/.env', '.env.local', '.env.development', '.env.production.local', 'dev.env']) assert.ok(isDotenvFile(p), p);
    for (const p of ['.env.example', 'example.env', 'env.example', '.envrc', 'environment.yml', 'a.ts']) assert.ok(!isDotenvFile(p), p);
  });
});

describe('FolderDiscovery (a CLI run over a tree that does not change)', () => {
  it('answers as findEnvExample and envExampleCreatePath do, for every file of random trees, in any order', () => {
    const folders = ['/ws', '/ws/a', '/ws/a/b', '/ws/a/b/c', '/ws/d', '/ws/d/e', '/other', '/other/x'];
    const names = ['.env.example', 'env.example', '.env.sample', 'package.json', 'go.mod', 'a.csproj', 'b.csproj', 'x.csproj', 'app.js'];
    const candidates = folders.flatMap((f) => names.map((n) => `${f}/${n}`));
    fc.assert(
      fc.property(
        fc.subarray(candidates),
        fc.array(fc.tuple(fc.constantFrom(...folders), fc.constantFrom('app.js', '.env.example', 'env.example', 'x.py')), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('/ws', '/ws/', '/ws/a'),
        fc.subarray(folders),
        (present, files, root, listedFolders) => {
          const exists = fs(...present);
          const cached = new FolderDiscovery(exists);
          // With the listings of some folders at hand (as the CLI's walk gives them), the same answers.
          const listings = new Map(listedFolders.map((f) => [f, new Set(present.filter((p) => p.startsWith(`${f}/`) && !p.slice(f.length + 1).includes('/')).map((p) => p.slice(f.length + 1)))]));
          const named = new FolderDiscovery(exists, (f) => listings.get(f));
          for (const [folder, name] of files) {
            const file = `${folder}/${name}`;
            assert.equal(cached.envExample(file, root), findEnvExample(file, root, exists), `example of ${file}`);
            assert.equal(cached.createPath(file, root), envExampleCreatePath(file, root, exists), `create path of ${file}`);
            assert.equal(named.envExample(file, root), findEnvExample(file, root, exists), `example of ${file}, with listings`);
            assert.equal(named.createPath(file, root), envExampleCreatePath(file, root, exists), `create path of ${file}, with listings`);
          }
        },
      ),
      { numRuns: 1500, seed: 4 },
    );
  });
});
