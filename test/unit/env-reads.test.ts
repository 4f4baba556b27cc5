import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEnvReads, type LanguageId } from '../../server/src/core';

/** The names read, in order; also checks that every offset pair points at the name itself. */
function names(text: string, language: LanguageId, path?: string): string[] {
  return findEnvReads(text, language, path).map((r) => {
    assert.equal(text.slice(r.start, r.end), r.name, `offsets of ${r.name}`);
    return r.name;
  });
}

describe('findEnvReads: JavaScript / TypeScript', () => {
  it('member, bracket, optional chaining, Bun, Deno, import.meta.env', () => {
    const src = [
      'const a = process.env.A_ONE;',
      "const b = process.env['B_TWO'];",
      'const c = process.env?.C_THREE;',
      'const d = Bun.env.D_FOUR; const e = Deno.env.get("E_FIVE");',
      'const f = import.meta.env.VITE_F;',
    ].join('\n');
    assert.deepEqual(names(src, 'typescript'), ['A_ONE', 'B_TWO', 'C_THREE', 'D_FOUR', 'E_FIVE', 'VITE_F']);
  });
  it('destructuring: plain, default, renamed, quoted; rest skipped', () => {
    const src = 'const { A, B = "x", C: c, "D": d, ...rest } = process.env;';
    assert.deepEqual(names(src, 'javascript'), ['A', 'B', 'C', 'D']);
  });
  it('skips writes, deletes, dynamic keys, method calls, Vite built-ins and comments', () => {
    const src = [
      'process.env.W = "1"; process.env["W2"] = "2"; delete process.env.W3;',
      'process.env[name]; process.env[`X_${y}`]; process.env.hasOwnProperty("Z");',
      'import.meta.env.MODE; import.meta.env.DEV; import.meta.env.PROD; import.meta.env.BASE_URL; import.meta.env.SSR;',
      '// process.env.COMMENTED',
      '/* process.env.BLOCK */',
      'const s = "http://x"; process.env.AFTER_STRING;',
    ].join('\n');
    assert.deepEqual(names(src, 'javascript'), ['AFTER_STRING']);
  });
  it('quotes inside regex literals do not hide later comments', () => {
    const src = 'const re = /["\'`]/g;\nconst half = a / b; // process.env.IN_COMMENT\n/** `process.env.IN_DOC` */\nprocess.env.REAL;';
    assert.deepEqual(names(src, 'typescript'), ['REAL']);
  });
  it('comparison is a read, assignment is not', () => {
    assert.deepEqual(names('if (process.env.FLAG == "1" || process.env.OTHER === "2") {}', 'javascript'), ['FLAG', 'OTHER']);
  });
  it('aliases of process.env and env helpers', () => {
    const src = 'const env = process.env;\nenv.ALIASED;\nconst { env: e } = x;\nrequireEnv("HELPER");\nsetEnv("NOT_READ", 1);';
    assert.deepEqual(names(src, 'javascript'), ['ALIASED', 'HELPER']);
  });
});

describe('findEnvReads: Python', () => {
  it('os.environ / os.getenv, not writes or setdefault', () => {
    const src = [
      'import os',
      'a = os.environ["A"]',
      "b = os.environ.get('B', 'd')",
      'c = os.getenv("C")',
      'os.environ["W"] = "1"',
      'os.environ.setdefault("S", "1")',
      'del os.environ["D"]',
      '# os.getenv("COMMENT")',
      '"""docstring: os.getenv("DOC")"""',
    ].join('\n');
    assert.deepEqual(names(src, 'python'), ['A', 'B', 'C']);
  });
  it('bare environ only after `from os import` (a bare getenv("X") call still reads, as an env helper)', () => {
    assert.deepEqual(names('environ["A"]\nenviron.get("A2")\ngetenv("B")', 'python'), ['B']);
    assert.deepEqual(names('from os import environ, getenv\nenviron["A"]\nenviron.get("B")\ngetenv("C")', 'python'), ['A', 'B', 'C']);
    assert.deepEqual(names('from os import (\n    environ,\n)\nenviron["A"]', 'python'), ['A']);
  });
  it('f-strings are code, so a read inside one counts', () => {
    assert.deepEqual(names('x = f"""{os.environ["IN_F"]}"""', 'python'), ['IN_F']);
  });
});

describe('findEnvReads: Go, JVM, Ruby, PHP, C#, Rust', () => {
  it('Go Getenv / LookupEnv, not Setenv', () => {
    assert.deepEqual(names('os.Getenv("A")\nos.LookupEnv("B")\nos.Setenv("C", "1")\nt.Setenv("D", "1")', 'go'), ['A', 'B']);
  });
  it('Java System.getenv and @Value placeholders of upper-case names only', () => {
    const src = '@Value("${API_KEY:}") String k;\n@Value("${app.name}") String n;\nString s = System.getenv("S");';
    assert.deepEqual(names(src, 'java'), ['API_KEY', 'S']);
  });
  it('Kotlin escaped placeholder', () => {
    assert.deepEqual(names('@Value("\\${KT_KEY}") val k: String', 'kotlin'), ['KT_KEY']);
  });
  it('Ruby ENV[] and ENV.fetch, not writes', () => {
    assert.deepEqual(names('ENV["A"]\nENV.fetch("B") { 1 }\nENV["W"] = "x"\nMY_ENV["N"]', 'ruby'), ['A', 'B']);
  });
  it('PHP getenv, $_ENV, Laravel env(), not $_SERVER or putenv', () => {
    const src = "<?php getenv('A'); $_ENV['B']; env('C', 1); $_SERVER['D']; putenv('E=1');";
    assert.deepEqual(names(src, 'php'), ['A', 'B', 'C']);
  });
  it('C# GetEnvironmentVariable, not SetEnvironmentVariable', () => {
    const src = 'Environment.GetEnvironmentVariable("A"); Environment.SetEnvironmentVariable("B", "1");';
    assert.deepEqual(names(src, 'csharp'), ['A']);
  });
  it('Rust env::var / var_os; env! is compile-time and not counted', () => {
    assert.deepEqual(names('std::env::var("A"); env::var_os("B"); env!("C"); option_env!("D");', 'rust'), ['A', 'B']);
  });
});

describe('findEnvReads: shell, Dockerfile, Procfile', () => {
  it('expansions of upper-case names, not own definitions, specials or single quotes', () => {
    const src = [
      'OWN=1',
      'echo "$OWN $EXT ${WITH_DEFAULT:-x} ${REQ:?set}"',
      "echo '$QUOTED' \"('$IN_DOUBLE')\" $1 $@ $? $$ $lower",
      'for ITEM in a; do echo $ITEM; done',
      'export SELF="${SELF:-d}"',
      '# $COMMENT',
    ].join('\n');
    assert.deepEqual(names(src, 'shell'), ['EXT', 'WITH_DEFAULT', 'REQ', 'IN_DOUBLE', 'SELF']);
  });
  it('Dockerfile: shell-form RUN/CMD/ENTRYPOINT only, minus ENV/ARG names', () => {
    const src = [
      'ARG VERSION',
      'ENV HOME_DIR=/app \\',
      '    OTHER=1',
      'WORKDIR $NOT_SHELL',
      'RUN echo $VERSION $HOME_DIR $OTHER $BUILD_READ \\',
      '  && echo $CONTINUED',
      'CMD ["node", "$EXEC_FORM"]',
      'ENTRYPOINT ["sh", "-c", "exec app $SHELL_EXEC"]',
    ].join('\n');
    assert.deepEqual(names(src, 'dockerfile'), ['BUILD_READ', 'CONTINUED', 'SHELL_EXEC']);
  });
  it('Procfile commands', () => {
    assert.deepEqual(names('web: app --port $PORT --x ${X_FLAG}', 'procfile'), ['PORT', 'X_FLAG']);
  });
});

describe('findEnvReads: configuration files recognised by name', () => {
  it('compose interpolation, nested defaults, $$ escapes; only in compose files', () => {
    const src = 'image: "a:${TAG:-1}"\nx: ${A:-${B}}\ny: $$ESCAPED\nz: ${REQ?err}\n# ${COMMENT}';
    assert.deepEqual(names(src, 'yaml', '/p/docker-compose.override.yml'), ['TAG', 'A', 'B', 'REQ']);
    assert.deepEqual(names(src, 'yaml', '/p/compose.yaml'), ['TAG', 'A', 'B', 'REQ']);
    assert.deepEqual(names(src, 'yaml', '/p/values.yaml'), []);
  });
  it('compose environment entries without a value pass the shell’s variable through', () => {
    const src = 'services:\n  a:\n    environment:\n      - FROM_SHELL\n      - SET=1\n  b:\n    environment:\n      MAP_FROM_SHELL:\n      MAP_SET: x\n';
    assert.deepEqual(names(src, 'yaml', '/p/docker-compose.yml'), ['FROM_SHELL', 'MAP_FROM_SHELL']);
    assert.deepEqual(names('services: [unclosed', 'yaml', '/p/docker-compose.yml'), []);
  });
  it('Spring placeholders of upper-case names in application*.properties|yml', () => {
    const src = 'a=${DB_URL}\nb=${spring.application.name}\nc=${X_HOST:localhost}\n# d=${COMMENT}';
    assert.deepEqual(names(src, 'properties', '/p/src/main/resources/application-prod.properties'), ['DB_URL', 'X_HOST']);
    assert.deepEqual(names(src, 'properties', '/p/messages.properties'), []);
  });
  it('logback: env placeholders minus the file’s own properties', () => {
    const src = '<property name="DIR" value="x"/><!-- ${C} --><file>${DIR}/${LOG_FILE}</file><root level="${LVL:-INFO}"/>';
    assert.deepEqual(names(src, 'xml', '/p/logback-spring.xml'), ['LVL']);
    assert.deepEqual(names(src, 'xml', '/p/pom.xml'), []);
  });
  it('ERB in YAML, Prisma schemas', () => {
    assert.deepEqual(names("url: <%= ENV['DB'] %>\nnote: ENV['NOT_ERB']", 'yaml', '/p/config/database.yml'), ['DB']);
    assert.deepEqual(names('url = env("DATABASE_URL")', 'plaintext', '/p/prisma/schema.prisma'), ['DATABASE_URL']);
  });
});

describe('findEnvReads: robustness', () => {
  it('a 1 MB single line does not hang, in any language', () => {
    const junk = 'process.env.( os.environ[ ${ $ ENV[ getenv( "'.repeat(20_000) + 'x'.repeat(1_000_000);
    const languages: LanguageId[] = ['javascript', 'python', 'go', 'java', 'ruby', 'php', 'csharp', 'rust', 'shell', 'dockerfile', 'procfile', 'yaml', 'properties', 'xml'];
    const started = Date.now();
    for (const l of languages) findEnvReads(junk, l, l === 'yaml' ? '/p/docker-compose.yml' : l === 'xml' ? '/p/logback.xml' : '/p/application.properties');
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
  it('files without any marker return nothing quickly', () => {
    assert.deepEqual(findEnvReads('const a = 1;\n'.repeat(10_000), 'javascript'), []);
  });
});
