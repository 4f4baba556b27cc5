const jwt = require('jsonwebtoken');
const config = require('../config');

const ISSUER = 'https://auth.acme-shop.io/';
const TOKEN_TYPE = 'Bearer';
const ACCESS_TOKEN_COOKIE = 'access_token';

function sign(user) {
  return jwt.sign({ sub: user.id, role: user.role }, config.jwt.secret, {
    expiresIn: config.jwt.expiresIn,
    issuer: ISSUER,
  });
}

function verify(token) {
  return jwt.verify(token, config.jwt.secret, { issuer: ISSUER });
}

// Legacy partner integration still signs with a shared key.
const partnerSigningKey = 't+NqHWXgp+Lo0dLdcTVP7BvYWIPmlFbbnN0q78GTOCUK';

function verifyPartner(token) {
  return jwt.verify(token, partnerSigningKey);
}

module.exports = { sign, verify, verifyPartner, TOKEN_TYPE, ACCESS_TOKEN_COOKIE };
