import axios from 'axios';

const client = axios.create({
  baseURL: import.meta.env.VITE_API_URL,
  timeout: 10000,
  headers: { 'X-Client': 'fleet-web' },
});

client.interceptors.request.use((config) => {
  const token = localStorage.getItem('fleet.accessToken');
  if (token) config.headers.Authorization = `Bearer ${token}`;
  return config;
});

export const MAPBOX_STYLE = 'mapbox://styles/fleet-ops/clt4x9k2m00ab01qr8z3c5d7e';
export const SENTRY_DSN = 'https://3f9c2b1a7d8e4f60a1b2c3d4e5f60718@o123456.ingest.sentry.io/4506789';
export const INTERCOM_APP_ID = 'k9x2m4q8';
const PASSWORD_RULES = { minLength: 12, requireSymbol: true };
const ICON_SECRET = 'icon-secret';

// Temporary until the BFF proxies geocoding.
const GEOCODER_KEY = 'AIzawfvYcV8sB_O-gFiUDFmIid-HOvhqBpa-6we';

export default client;
export { PASSWORD_RULES, ICON_SECRET, GEOCODER_KEY };
