import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import schema from '../../schemas/twelve-factor.schema.json';
import { RULES, type SeveritySetting } from '../core';
import { emptyConfig, type ConfigError, type ProjectConfig } from './types';
import generated from './schema-validator.generated';

/**
 * The schema's validator, compiled ahead of time by Ajv (`npm run schema`): compiling the schema at run time cost
 * every thread that reads a config (the CLI, each of its scan workers, the language server) ~30 ms.
 */
const validateSchema = generated as unknown as ValidateFunction;

const TOP_KEYS = Object.keys(schema.properties);

/** `/source/flags` → RegExp; plain strings stay strings. Throws on a bad pattern. */
export function compileAllowEntry(entry: string): string | RegExp {
  const m = /^\/(.+)\/([imsu]*)$/s.exec(entry);
  return m ? new RegExp(m[1], m[2]) : entry;
}

/** The node at a path of keys/indices in the YAML document (or the key node of the last step, `keyOf`). */
function nodeAt(doc: Document, path: (string | number)[], keyOf?: string): Node | undefined {
  let node: unknown = doc.contents;
  const steps = keyOf === undefined ? path : [...path, keyOf];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return node as Node;
      node = keyOf !== undefined && i === steps.length - 1 ? pair.key : pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
    } else {
      break;
    }
  }
  return node as Node | undefined;
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(path: (string | number)[]): string {
  return path.length === 0 ? 'the config' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function messageOf(e: ErrorObject, path: (string | number)[]): { message: string; key?: string } {
  const where = describe(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const known = path.length === 0 ? TOP_KEYS : path[0] === 'accepted' ? ['rule', 'fingerprint', 'path', 'note'] : [];
      return { key, message: `unknown key "${key}"${known.length ? ` (expected one of: ${known.join(', ')})` : ''}` };
    }
    case 'propertyNames':
      return { key: String(e.params.propertyName), message: `"${String(e.params.propertyName)}" is not a rule id (rule ids look like "config/hardcoded-secret")` };
    case 'enum':
      return { message: `${where} must be one of ${(e.params.allowedValues as string[]).join(', ')}` };
    case 'type':
      return { message: `${where} must be ${e.params.type === 'array' ? 'a list' : e.params.type === 'object' ? 'a mapping' : `a ${String(e.params.type)}`}` };
    case 'required':
      return { message: `${where} needs "${String(e.params.missingProperty)}"` };
    case 'pattern':
      if (path[path.length - 1] === 'fingerprint') return { message: `${where} must be 32 hex digits (as printed by --print-accepted)` };
      if (path[0] === 'platformVariables') return { message: `${where} must be an environment variable name` };
      return { message: `${where} is not a rule id (rule ids look like "config/hardcoded-secret")` };
    case 'minLength':
      return { message: `${where} must not be empty` };
    default:
      return { message: `${where} ${e.message ?? 'is invalid'}` };
  }
}

/**
 * Parses and validates the text of a `.twelve-factor.yml` (YAML via the `yaml` package, shape via the JSON schema
 * server/schemas/twelve-factor.schema.json, rule ids against the registry, allow patterns compiled). Errors carry
 * 1-based lines; on any error the invalid parts are left out of the returned config.
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; errors: ConfigError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = [];
  const at = (node: Node | undefined, message: string) => {
    const offset = node?.range?.[0];
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    errors.push({ line: pos?.line, column: pos?.col, message });
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      errors.push({ line: pos.line, column: pos.col, message: `YAML: ${e.message.split('\n')[0]}` });
    }
    return { config: emptyConfig(), errors };
  }
  let data: unknown;
  try {
    // toJS resolves aliases: an alias with no anchor (`*x`) or an alias loop throws here, not at parse time.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    errors.push({ line: 1, column: 1, message: `YAML: ${String((err as Error).message ?? err).split('\n')[0]}` });
    return { config: emptyConfig(), errors };
  }
  const config = emptyConfig();
  if (!validateSchema(data)) {
    for (const e of validateSchema.errors ?? []) {
      const path = pathOf(e.instancePath);
      const { message, key } = messageOf(e, path);
      at(nodeAt(doc, path, key), message);
    }
    return { config, errors: dedupe(errors) };
  }
  const raw = data as Partial<Omit<ProjectConfig, 'allow'>> & { allow?: Record<string, string[]> };
  const known = new Set(RULES.map((r) => r.meta.id));
  const checkRule = (id: string, path: (string | number)[], keyOf?: string) => {
    if (known.has(id)) return true;
    at(nodeAt(doc, path, keyOf), `unknown rule "${id}" (known rules: ${[...known].join(', ')})`);
    return false;
  };
  for (const [id, sev] of Object.entries(raw.rules ?? {})) if (checkRule(id, ['rules'], id)) config.rules[id] = sev as SeveritySetting;
  for (const [id, list] of Object.entries(raw.allow ?? {})) {
    if (!checkRule(id, ['allow'], id)) continue;
    config.allow[id] = [];
    list.forEach((entry, i) => {
      try {
        config.allow[id].push(compileAllowEntry(entry));
      } catch (err) {
        at(nodeAt(doc, ['allow', id, i]), `allow.${id}[${i}] is not a valid regular expression: ${(err as Error).message}`);
      }
    });
  }
  (raw.accepted ?? []).forEach((a, i) => {
    if (checkRule(a.rule, ['accepted', i, 'rule'])) config.accepted.push(a);
  });
  config.ignore = raw.ignore ?? [];
  config.platformVariables = raw.platformVariables ?? [];
  config.envExample = raw.envExample;
  return { config, errors };
}

function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.line}:${e.column}:${e.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
