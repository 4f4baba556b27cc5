import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../protocol/lsp-client';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** A 10,000-line JavaScript file of ordinary code, with env reads, URLs, ports and log calls sprinkled in. */
export function tenThousandLines(): string {
  const lines: string[] = ["'use strict';", "const express = require('express');", ''];
  for (let i = 0; lines.length < 10_000; i++) {
    lines.push(
      `function handler${i}(req, res) {`,
      `  const limit = Number(process.env.LIMIT_${i % 40} ?? 10);`,
      `  const items = req.body.items.filter((x) => x.weight > ${i % 17}).slice(0, limit);`,
      `  logger.info({ count: items.length }, 'handled request ${i}');`,
      `  const url = \`\${process.env.API_BASE_URL}/v1/items/\${req.params.id}\`;`,
      i % 50 === 0 ? `  const cache = 'redis://cache.internal:6379/${i % 16}';` : `  const key = 'item:' + req.params.id + ':${i}';`,
      `  return res.status(200).json({ items, url });`,
      '}',
      '',
    );
  }
  return lines.slice(0, 10_000).join('\n') + '\n';
}

/**
 * Opens the file in the built server over stdio and makes `edits` one-character edits (each waits for its
 * diagnostics before the next, as typing with a fast server would): returns change → publishDiagnostics in ms.
 */
export async function lspLatency(text: string, edits = 50): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-lsp-bench-'));
  const file = join(dir, 'app.js');
  writeFileSync(file, text);
  writeFileSync(join(dir, 'package.json'), '{"name":"bench"}');
  const client = new TestClient();
  try {
    await client.initialize(dir);
    const uri = pathToFileURL(file).href;
    await client.open(file, text, 'javascript', 1);
    const out: number[] = [];
    for (let v = 2; v < 2 + edits + 5; v++) {
      const line = 1000 + ((v * 97) % 8000);
      const next = client.nextDiagnostics(uri, (p) => p.version === v);
      const t0 = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }],
      });
      await next;
      if (v >= 7) out.push(performance.now() - t0); // the first five warm the JIT up
    }
    return out;
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}
