const express = require('express');
const bcrypt = require('bcrypt');
const { sign } = require('../auth/jwt');
const config = require('../config');

const router = express.Router();

const PASSWORD_MIN_LENGTH = 12;
const passwordField = 'password';
const RESET_PASSWORD_PATH = '/auth/reset-password';
const tokenHeader = 'x-refresh-token';

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  if (!password || password.length < PASSWORD_MIN_LENGTH) {
    return res.status(400).json({ error: 'password_too_short', field: passwordField });
  }
  const user = await req.db('users').where({ email }).first();
  const ok = user && (await bcrypt.compare(password, user.password_hash));
  if (!ok) return res.status(401).json({ error: 'invalid_credentials' });
  const token = sign(user);
  res.cookie('access_token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  return res.json({ token, tokenType: 'Bearer' });
});

router.post(RESET_PASSWORD_PATH, async (req, res) => {
  const resetToken = req.body.token;
  const newPassword = req.body.password;
  const confirmPassword = req.body.passwordConfirmation;
  if (newPassword !== confirmPassword) return res.status(400).json({ error: 'password_mismatch' });
  await req.services.users.resetPassword(resetToken, newPassword);
  res.status(204).end();
});

router.get('/form', (req, res) => {
  res.render('login', {
    fields: [
      { name: 'email', type: 'email', label: 'Email' },
      { name: 'password', type: 'password', label: 'Password', autocomplete: 'current-password' },
    ],
  });
});

module.exports = router;
