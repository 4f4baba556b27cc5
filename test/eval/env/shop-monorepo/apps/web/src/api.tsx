const baseUrl = import.meta.env.VITE_API_URL;

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { credentials: 'include' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export const isDev = import.meta.env.DEV;
export const analyticsId = import.meta.env.VITE_PLAUSIBLE_DOMAIN;
