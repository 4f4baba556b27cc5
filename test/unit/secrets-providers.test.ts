import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTEXT_PATTERNS } from '../../server/src/core/secrets/context';
import { detectSecrets } from '../../server/src/core/secrets/detect';
import { PROVIDERS, scanProviders } from '../../server/src/core/secrets/providers';
import { languageOf, type ProjectFacts } from '../../server/src/core';

const FACTS: ProjectFacts = { platformVariables: new Set() };

/** A file name that makes the example parse as what it looks like. */
function pathFor(text: string): string {
  if (/^ENV /.test(text)) return 'app/Dockerfile';
  if (/:\n\s+\w/.test(text)) return 'config/app.yaml';
  if (/^[A-Za-z_][\w.]*=/.test(text)) return 'config/app.env';
  return 'src/app.py';
}

function kindsFound(text: string): string[] {
  const path = pathFor(text);
  return detectSecrets({ path, text, language: languageOf(path) }, FACTS).map((h) => h.id);
}

/** The longest run of the example that a message must never contain whole (16+ characters). */
function assertMasked(messages: string[], text: string): void {
  for (const secret of text.match(/[A-Za-z0-9_+/=.$-]{16,}/g) ?? []) {
    for (const m of messages) assert.ok(!m.includes(secret), `message shows a whole value: ${m.slice(0, 60)}…`);
  }
}

describe('provider formats: each pattern flags its ng examples and stays quiet on its ok near misses', () => {
  it('covers at least 80 kinds of secret, each with examples', () => {
    const ids = new Set([...PROVIDERS.map((p) => p.id), ...CONTEXT_PATTERNS.map((c) => c.id)]);
    assert.equal(ids.size, PROVIDERS.length + CONTEXT_PATTERNS.length, 'ids are unique');
    assert.ok(ids.size >= 80, `only ${ids.size} kinds`);
  });
  for (const p of PROVIDERS) {
    describe(p.id, () => {
      it('has at least one ng and one ok example', () => {
        assert.ok(p.examples.ng.length > 0 && p.examples.ok.length > 0);
      });
      it('keywords are lower-case and specific', () => {
        for (const k of p.keywords) {
          assert.equal(k, k.toLowerCase());
          assert.ok(k.length >= 3, `keyword "${k}" is too short to be specific`);
        }
      });
      p.examples.ng.forEach((ex, i) => {
        it(`flags ng[${i}]`, () => {
          const hits = scanProviders(ex);
          assert.ok(hits.some((h) => h.id === p.id), `not flagged as ${p.id}; got ${hits.map((h) => h.id).join(', ') || 'nothing'}`);
          assertMasked(hits.map((h) => h.message), ex);
        });
      });
      p.examples.ok.forEach((ex, i) => {
        it(`stays quiet on ok[${i}]`, () => {
          assert.ok(!scanProviders(ex).some((h) => h.id === p.id));
        });
      });
    });
  }
  for (const c of CONTEXT_PATTERNS) {
    describe(`${c.id} (by context)`, () => {
      it('has at least one ng and one ok example', () => {
        assert.ok(c.examples.ng.length > 0 && c.examples.ok.length > 0);
      });
      c.examples.ng.forEach((ex, i) => {
        it(`flags ng[${i}]`, () => {
          const kinds = kindsFound(ex);
          assert.ok(kinds.includes(c.id), `not flagged as ${c.id}; got ${kinds.join(', ') || 'nothing'}`);
        });
      });
      c.examples.ok.forEach((ex, i) => {
        it(`stays quiet on ok[${i}]`, () => {
          assert.ok(!kindsFound(ex).includes(c.id));
        });
      });
    });
  }
});

describe('checksums and look-alikes', () => {
  const gh = PROVIDERS.find((p) => p.id === 'github-ghp')!;
  const valid = gh.examples.ng[0].match(/ghp_\w{36}/)![0];
  it('a GitHub token whose CRC32 verifies is an error', () => {
    const [hit] = scanProviders(`x = "${valid}"`);
    assert.equal(hit?.id, 'github-ghp');
    assert.equal(hit.severity, undefined);
  });
  it('a look-alike with a bad checksum is quiet without context, a warning with a credential word', () => {
    const bad = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A');
    assert.equal(scanProviders(`label = "${bad}"`).length, 0);
    const [hit] = scanProviders(`GITHUB_TOKEN=${bad}`);
    assert.equal(hit?.severity, 'warning');
    assert.match(hit.message, /checksum/);
  });
  it('the credential word must be near the look-alike: on its line, within 300 characters', () => {
    const bad = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A');
    assert.equal(scanProviders(`token ${'x'.repeat(290)} ${bad}`).length, 1);
    assert.equal(scanProviders(`token ${'x'.repeat(310)} ${bad}`).length, 0);
    assert.equal(scanProviders(`${bad} ${'x'.repeat(290)} token`).length, 1);
    assert.equal(scanProviders(`${bad} ${'x'.repeat(310)} token`).length, 0);
    assert.equal(scanProviders(`token\n${bad}`).length, 0, 'not on another line');
  });
  it('test files only get strong formats with random bodies', () => {
    const jwt = PROVIDERS.find((p) => p.id === 'jwt')!.examples.ng[0];
    assert.equal(scanProviders(jwt, { strict: true }).length, 0);
    assert.equal(scanProviders(`t = "${valid}"`, { strict: true }).length, 1);
  });
});
