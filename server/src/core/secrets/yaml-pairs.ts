import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Scalar } from 'yaml';
import type { Assignment } from './assignments';

/** The scalar's text span in the source: quotes excluded; undefined for block scalars and non-strings. */
function span(text: string, node: Scalar): { value: string; start: number; end: number } | undefined {
  if (!node.range || (node.type !== 'PLAIN' && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return undefined;
  let [start, end] = node.range;
  const src = text.slice(start, end);
  if (node.type !== 'PLAIN') {
    start += 1;
    end -= 1;
    if (src.includes('\\') || src.includes('\n')) {
      // Escapes or folded lines: the parsed value no longer matches the source text; report the raw span.
      return { value: typeof node.value === 'string' ? node.value : src, start, end };
    }
  }
  return { value: text.slice(start, end), start, end };
}

function keyOf(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/** Above this size the YAML is read line by line: parsing it on every keystroke would cost too much. */
const MAX_PARSE = 64 * 1024;
const YAML_LINE = /^[ \t]*(?:-[ \t]+)?(?<name>[A-Za-z_][\w.-]{0,100})[ \t]*:[ \t]+(?<value>[^\s#'"{[|>&*!][^\r\n]{0,500})$/gm;

/** Plain `key: value` lines (quoted values are found by the quoted-assignment pattern). */
function yamlLinePairs(text: string): Assignment[] {
  const out: Assignment[] = [];
  YAML_LINE.lastIndex = 0;
  for (let m = YAML_LINE.exec(text); m; m = YAML_LINE.exec(text)) {
    const raw = m.groups!.value.replace(/[ \t]+#.*$/, '').trimEnd();
    const start = m.index + m[0].length - m.groups!.value.length;
    if (raw) out.push({ name: m.groups!.name, path: m.groups!.name, value: raw, start, end: start + raw.length });
  }
  return out;
}

/**
 * Whether yamlPairs can find a pair that the name-based checks report. Such a pair's name or key path holds a
 * NAME_HINT word (see NAME_HINT), and names are made of the text's own characters, save through a double-quoted
 * scalar's escapes (a backslash) or the lower-casing that turns `İ` and the Kelvin sign `K` into ASCII letters.
 * `nameHits`: where the hint words end (the keyword pass). Most YAML files that mention no hint word are CI and
 * lint configs: they are not parsed.
 */
export function yamlMayNameSecrets(text: string, nameHits: readonly number[]): boolean {
  return nameHits.length > 0 || /[\\\u0130\u212a]/.test(text);
}

/**
 * Name/value pairs from YAML, parsed with the `yaml` package: `key: value` (named by its dotted key path for
 * context), Kubernetes `env: [{name: X, value: "…"}]` (the name is on another line), and compose/CI list items
 * `- KEY=value`.
 */
export function yamlPairs(text: string): Assignment[] {
  const out: Assignment[] = [];
  if (text.length > MAX_PARSE) return yamlLinePairs(text);
  let docs;
  try {
    docs = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false, strict: false });
  } catch {
    return out;
  }
  const visit = (node: Node | null | undefined, path: string[], depth: number): void => {
    if (!node || depth > 64) return;
    if (isMap(node)) {
      let nameValue: string | undefined;
      let valueNode: Scalar | undefined;
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = keyOf(item.key);
        if (key === undefined) continue;
        const v = item.value as Node | null;
        if (isScalar(v)) {
          if (key === 'name' && typeof v.value === 'string') nameValue = v.value;
          if (key === 'value') valueNode = v;
          const s = span(text, v);
          if (s && typeof v.value === 'string') out.push({ name: key, path: [...path, key].join('.'), ...s });
        } else {
          visit(v, [...path, key], depth + 1);
        }
      }
      if (nameValue !== undefined && valueNode && typeof valueNode.value === 'string') {
        const s = span(text, valueNode);
        if (s) out.push({ name: nameValue, path: [...path, nameValue].join('.'), ...s });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === 'string') {
          const m = /^([A-Za-z_][\w.-]{0,100})=(.+)$/.exec(item.value);
          const s = span(text, item);
          if (m && s && s.value.startsWith(`${m[1]}=`)) {
            const at = s.start + m[1].length + 1;
            out.push({ name: m[1], path: [...path, m[1]].join('.'), value: m[2], start: at, end: at + m[2].length });
          }
        } else {
          visit(item as Node, path, depth + 1);
        }
      }
    }
  };
  for (const doc of docs) visit(doc.contents as Node | null, [], 0);
  return out;
}
