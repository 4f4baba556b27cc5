import { isComposeFile, isSpringConfig } from '../env/reads';
import type { LanguageId } from '../types';
import type { Located } from './literal';

/**
 * The reference that replaces a value in config files: `${NAME}` in compose, Spring properties/YAML, shell and
 * generic YAML/JSON; `${{ secrets.NAME }}` in GitHub Actions workflows; a `valueFrom:` secret (or config map)
 * reference in a Kubernetes `env:` item; `ARG NAME` + `${NAME}` in a Dockerfile.
 */
export interface ConfigReplacement {
  start: number;
  end: number;
  newText: string;
  nameAt: number;
  /** A line to insert before the literal's line (Dockerfile `ARG`). */
  lineBefore?: { at: number; newText: string; nameAt: number };
}

export function isWorkflowFile(path: string): boolean {
  return /(?:^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i.test(path);
}

export function isAppSettings(path: string): boolean {
  return /(?:^|[\\/])appsettings(?:\.[\w-]+)?\.json$/i.test(path);
}

export function isKubernetesManifest(text: string): boolean {
  return /^apiVersion:\s*\S/m.test(text) && /^kind:\s*\S/m.test(text);
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The `- name: X` of the Kubernetes `env:` item whose `value:` holds the literal, and the `value` key's column. */
export function kubernetesEnvItem(text: string, tokenStart: number): { name: string; valueKeyAt: number; column: number } | undefined {
  const ls = lineStart(text, tokenStart);
  const line = text.slice(ls, tokenStart);
  const m = /^(\s*)(-\s+)?value:\s*$/.exec(line.replace(/["']$/, ''));
  if (!m) return undefined;
  const column = m[1].length + (m[2]?.length ?? 0);
  const valueKeyAt = ls + column;
  if (m[2]) {
    // `- value: x` with `name:` on a later line of the same item
    const after = text.slice(lineEnd(text, tokenStart), lineEnd(text, tokenStart) + 400);
    const n = new RegExp(`^[\\r\\n]+ {${column}}name:\\s*["']?([A-Za-z_][A-Za-z0-9_]*)`).exec(after);
    return n ? { name: n[1], valueKeyAt, column } : undefined;
  }
  const before = text.slice(Math.max(0, ls - 2000), ls).split(/\r\n|\r|\n/).reverse();
  for (const l of before) {
    if (/^\s*$/.test(l)) continue;
    const item = /^(\s*)-\s+name:\s*["']?([A-Za-z_][A-Za-z0-9_]*)/.exec(l);
    if (item && item[1].length + 2 === column) return { name: item[2], valueKeyAt, column };
    const sibling = /^(\s*)\S/.exec(l);
    if (!sibling || sibling[1].length !== column) return undefined;
    const n = /^\s*name:\s*["']?([A-Za-z_][A-Za-z0-9_]*)/.exec(l);
    if (n) {
      // `name:` as a sibling line above; keep looking for the item start only to confirm it is a list item
      return { name: n[1], valueKeyAt, column };
    }
  }
  return undefined;
}

/** The name of the app in a Kubernetes manifest: `metadata.name` of the document holding the offset. */
export function kubernetesAppName(text: string, offset: number): string {
  const docStart = Math.max(0, text.lastIndexOf('\n---', offset));
  const doc = text.slice(docStart, offset);
  const m = /^metadata:\s*\r?\n(?:[ \t]+.*\r?\n){0,20}?[ \t]+name:\s*["']?([A-Za-z0-9][A-Za-z0-9.-]*)/m.exec(doc);
  return m ? m[1] : 'app';
}

/** The replacement of `lit` by a reference to NAME in a config file; undefined when the format has no such reference. */
export function configReplacement(
  language: LanguageId,
  path: string,
  text: string,
  lit: Located,
  name: string,
  opts: { secret: boolean; keepDefault: boolean },
): ConfigReplacement | undefined {
  const whole = lit.partStart === lit.contentStart && lit.partEnd === lit.contentEnd;
  const def = opts.keepDefault && !/[}\r\n]/.test(lit.value) ? lit.value : undefined;
  const placeholder = (sep: string) => ({ text: def !== undefined ? `\${${name}${sep}${def}}` : `\${${name}}`, nameAt: 2 });
  const part = (r: { text: string; nameAt: number }): ConfigReplacement => ({ start: lit.partStart, end: lit.partEnd, newText: r.text, nameAt: r.nameAt });
  switch (language) {
    case 'yaml': {
      if (isWorkflowFile(path)) {
        const ctx = opts.secret ? 'secrets' : 'vars';
        return part({ text: `\${{ ${ctx}.${name} }}`, nameAt: `\${{ ${ctx}.`.length });
      }
      if (isKubernetesManifest(text) && whole) {
        const item = kubernetesEnvItem(text, lit.tokenStart);
        if (item) {
          const ind = ' '.repeat(item.column);
          const eol = /\r\n/.test(text) ? '\r\n' : '\n';
          const app = kubernetesAppName(text, lit.tokenStart);
          const ref = opts.secret ? 'secretKeyRef' : 'configMapKeyRef';
          const newText = `valueFrom:${eol}${ind}  ${ref}:${eol}${ind}    name: ${app}-${opts.secret ? 'secrets' : 'config'}${eol}${ind}    key: `;
          return { start: item.valueKeyAt, end: lit.tokenEnd, newText: newText + name, nameAt: newText.length };
        }
      }
      if (isComposeFile(path)) return part(placeholder(':-'));
      if (isSpringConfig(path)) return part(placeholder(':'));
      return part(placeholder(':-'));
    }
    case 'properties':
      return part(placeholder(':'));
    case 'procfile':
      return part(placeholder(':-'));
    case 'json':
      // .NET reads `Section__Key` from the environment over appsettings.json: the value just goes.
      if (isAppSettings(path)) return whole && lit.quote ? { start: lit.contentStart, end: lit.contentEnd, newText: '', nameAt: -1 } : undefined;
      return part({ text: `\${${name}}`, nameAt: 2 });
    case 'shell': {
      const ref = opts.secret ? { text: `\${${name}:?${name} must be set}`, nameAt: 2 } : placeholder(':-');
      if (lit.quote === '"') return part(ref);
      if (!whole) return undefined;
      return { start: lit.tokenStart, end: lit.tokenEnd, newText: `"${ref.text}"`, nameAt: 1 + ref.nameAt };
    }
    case 'dockerfile': {
      const ls = lineStart(text, lit.tokenStart);
      const le = lineEnd(text, lit.tokenStart);
      const eol = /\r\n/.test(text) ? '\r\n' : '\n';
      const indent = /^[ \t]*/.exec(text.slice(ls, lit.tokenStart))![0];
      if (opts.secret) {
        // A secret must not be baked into the image (ENV and ARG values stay in its history): the instruction
        // goes, and the container gets the value at run time.
        const single = /^\s*(?:ENV|ARG)\s+[A-Za-z_][A-Za-z0-9_]*(?:=|\s+)\S*\s*$/i.test(text.slice(ls, le).replace(/(["'])[^"']*\1/g, 'x'));
        if (!single || !whole) return undefined;
        const note = `# ${name} is provided at run time (docker run --env-file .env), not baked into the image`;
        return { start: ls, end: le, newText: `${indent}${note}`, nameAt: indent.length + 2 };
      }
      const arg = def !== undefined ? `ARG ${name}=${/\s/.test(def) ? JSON.stringify(def) : def}` : `ARG ${name}`;
      const usedAlready = new RegExp(`^\\s*ARG\\s+${name}(?:[=\\s]|$)`, 'm').test(text.slice(0, ls));
      return {
        ...part({ text: `\${${name}}`, nameAt: 2 }),
        lineBefore: usedAlready ? undefined : { at: ls, newText: `${indent}${arg}${eol}`, nameAt: indent.length + 4 },
      };
    }
    default:
      return undefined;
  }
}
