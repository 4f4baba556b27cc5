import LoginForm from './LoginForm';

export default { title: 'Auth/LoginForm', component: LoginForm };

export const Filled = {
  args: { email: 'ada@example.com', password: 'P@ssw0rd-Demo!', rememberMe: true },
};

export const WithError = {
  args: { email: 'ada@example.com', password: '', error: 'Invalid credentials' },
};
