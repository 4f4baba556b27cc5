import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { leadingLiterals } from '../../server/src/core/anchored';
import { defaultEngine, Engine, PLATFORM_VARIABLES, type ProjectFacts, type Rule } from '../../server/src/core';
import { defineRule } from '../../server/src/core/rule';
import type { WordScan } from '../../server/src/core/types';
import { PROVIDERS, providerKeywords, scanProvidersAndHits, secretScanRequest } from '../../server/src/core/secrets/providers';

/**
 * Provider patterns with leading literals (`AKIA`, `SG.`, `eyJ`) are tried only where the keyword pass saw one of
 * them end, instead of scanning the whole text. These tests pin down that the literals are read off the patterns
 * soundly and that the anchored scan finds exactly what the whole-text scan finds.
 */

const facts: ProjectFacts = { platformVariables: new Set(PLATFORM_VARIABLES) };

describe('leadingLiterals', () => {
  it('reads literal runs and plain alternations after a lookbehind and named groups', () => {
    assert.deepEqual(leadingLiterals(/(?<![\w-])(?<token>(?:EAAA|sq0atp-)(?<body>[A-Za-z0-9_-]{22,60}))(?![\w-])/), ['EAAA', 'sq0atp-']);
    assert.deepEqual(leadingLiterals(/(?<![\w.-])(?<token>SG\.(?<body>[A-Za-z0-9_-]{22}))/), ['SG.']);
    assert.deepEqual(leadingLiterals(/"private_key"\s*:\s*"/), ['"private_key"']);
    assert.deepEqual(leadingLiterals(/(?<!\))(?<a>(?<b>1\/\/0x))/), ['1//0x']);
  });

  it('leaves out a quantified last character', () => {
    assert.deepEqual(leadingLiterals(/https?:\/\//), ['http']);
    assert.deepEqual(leadingLiterals(/abc*d/), ['ab']);
    assert.deepEqual(leadingLiterals(/abc{0,2}d/), ['ab']);
    assert.deepEqual(leadingLiterals(/abc+d/), ['ab']);
  });

  it('gives nothing where a match need not start with a literal', () => {
    for (const re of [
      /(?<token>[0-9]{8}:AA)/, // a class first
      /\bkey-[a-f0-9]{32}/, // an escape first
      /(?:abc|def)?ghi/, // an optional group
      /(?:abc|d[ef])ghi/, // an alternative that is not plain
      /abc|def/, // a top-level alternation
      /(?<token>abc|def)x/, // an alternation in the enclosing group
      /(?=abc)abc/, // a lookahead first
      /ABC/i, // case-insensitive
      /(?<![\w-])(?<token>(?<body>[a-f0-9]{36})NRAL)/, // the literal at the end
    ]) {
      assert.equal(leadingLiterals(re), undefined, re.source);
    }
  });

  it('is sound for every provider pattern: each match starts with one of its literals', () => {
    const anchored = PROVIDERS.map((p) => ({ p, literals: leadingLiterals(p.re) })).filter((x) => x.literals !== undefined);
    assert.ok(anchored.length > 100, `${anchored.length} patterns with leading literals`);
    let matched = 0;
    for (const { p, literals } of anchored) {
      const global = new RegExp(p.re.source, p.re.flags.replace(/g/g, '') + 'g');
      const pieces = fc.constantFrom(...p.examples.ng, ...p.examples.ok, ...literals!, ...literals!.map((l) => l.toLowerCase()), ' ', '\n', '-', '_', '.', 'x', 'A', '0');
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
          const text = parts.join('');
          for (const m of text.matchAll(global)) {
            matched++;
            assert.ok(literals!.some((l) => text.startsWith(l, m.index)), `${p.id}: ${JSON.stringify(text)} at ${m.index}`);
          }
        }),
        { numRuns: 60, seed: 20261122 },
      );
    }
    assert.ok(matched > 1000, `${matched} matches checked`);
  });
});

/** Text from the providers' examples, their literals in other cases, and junk that holds the literals a lot (source-map VLQ). */
const providerText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PROVIDERS.flatMap((p) => [...p.examples.ng, ...p.examples.ok])),
      fc.constantFrom(...PROVIDERS.flatMap((p) => leadingLiterals(p.re) ?? []).flatMap((l) => [l, l.toLowerCase(), l.toUpperCase()])),
      fc.constantFrom(' ', '\n', '"', "'", '=', ': ', '-', '_', '.', '/', 'x', 'EAAAEAAA', 'AAAA;EAAA,', 'sendgrid ', 'apikey=', 'token '),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('provider patterns tried at their leading literals', () => {
  const key = (h: { start: number; end: number; id: string; message: string; severity?: string }) => `${h.start}|${h.end}|${h.id}|${h.severity}|${h.message}`;

  it('find what scanning the whole text finds', () => {
    let withHits = 0;
    fc.assert(
      fc.property(providerText, fc.boolean(), (text, strict) => {
        const whole = scanProvidersAndHits(text, { strict, wholeText: true }).hits.map(key);
        assert.deepEqual(scanProvidersAndHits(text, { strict }).hits.map(key), whole, JSON.stringify(text));
        if (whole.length > 0) withHits++;
      }),
      { numRuns: 4000, seed: 20261124 },
    );
    assert.ok(withHits > 1000, `${withHits} texts with provider hits`);
  });

  it('find it with the hits of the keyword pass the engine shares between all rules', () => {
    // A probe asking for the secrets rule's words, among all the rules: its hits come in its own group numbering.
    let seen: WordScan | undefined;
    const probe: Rule = defineRule({
      id: 'config/probe-provider-anchors',
      factor: 3,
      title: 'Probe',
      description: 'test rule',
      defaultSeverity: 'warning',
      keywords: providerKeywords(),
      scan: secretScanRequest(),
      detect(ctx) {
        seen = ctx.scan;
        return [];
      },
    });
    const engine = new Engine([...defaultEngine().rules, probe]);
    let withHits = 0;
    fc.assert(
      fc.property(providerText, (text) => {
        seen = undefined;
        engine.check({ path: '/p/config.js', text, language: 'javascript' }, facts);
        const whole = scanProvidersAndHits(text, { wholeText: true }).hits.map(key);
        if (seen === undefined) return assert.deepEqual(whole, [], JSON.stringify(text));
        assert.deepEqual(scanProvidersAndHits(text, {}, seen).hits.map(key), whole, JSON.stringify(text));
        if (whole.length > 0) withHits++;
      }),
      { numRuns: 2000, seed: 20261125 },
    );
    assert.ok(withHits > 500, `${withHits} texts with provider hits`);
  });
});
