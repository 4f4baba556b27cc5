import { jwtDecode } from 'jwt-decode';

const STORAGE_KEY = 'portal.session';
const TOKEN_REGEX = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function basicAuth(user, pass) {
  return 'Basic ' + btoa(`${user}:${pass}`);
}

export function stripSecrets(user) {
  const { password, passwordConfirmation, ...safeUser } = user;
  return safeUser;
}

export const keycloak = { url: 'https://login.identity-portal.io', realm: 'main', clientId: 'portal-frontend' };
export const passwordRules = { minLength: 12, maxLength: 128, requireDigit: true };
export const sessionToken = () => localStorage.getItem(STORAGE_KEY);
export const claims = (token) => (TOKEN_REGEX.test(token) ? jwtDecode(token) : null);
export const csp = "script-src 'self' 'nonce-2726c7f26c'";
