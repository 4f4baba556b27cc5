export const API_URL = process.env.NEXT_PUBLIC_API_URL;

export async function fetchEvents() {
  const res = await fetch(`${API_URL}/events`, {
    headers: { 'x-portal-version': process.env.NEXT_PUBLIC_PORTAL_VERSION ?? 'dev' },
  });
  return res.json();
}
