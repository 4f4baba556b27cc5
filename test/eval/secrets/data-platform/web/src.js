export const schema = {
  type: 'object',
  properties: {
    email: { type: 'string', format: 'email' },
    password: { type: 'string', minLength: 12, writeOnly: true },
    apiKey: { type: 'string', pattern: '^dp_[a-z0-9]{32}$' },
  },
};
const headers = { 'x-api-key': 'SRggxcf5kryekW0TOkcqQY9dSCxunmDs', accept: 'application/json' };
export const LOGIN_MUTATION = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
export const passwordStrength = (pw) => Math.min(4, Math.floor(pw.length / 4));
export const token = crypto.randomUUID();
export { headers };
