import type { SeveritySetting } from './core';

/** The extension's settings (`twelveFactor.*`), as the server reads them per resource. */
export interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  platformVariables: string[];
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  platformVariables: [],
  maxFileSize: 2_000_000,
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Turns whatever the client sent into valid settings, falling back to defaults field by field. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as SeveritySetting;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    platformVariables: Array.isArray(r.platformVariables)
      ? r.platformVariables.filter((v): v is string => typeof v === 'string')
      : [],
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
  };
}
