const request = require('supertest');
const Stripe = require('stripe');

jest.mock('stripe');

const FAKE_STRIPE_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const FAKE_WEBHOOK_SECRET = 'whsec_test_secret';
const TEST_JWT_SECRET = 'test-jwt-secret';
const fakeGithubToken = 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';

process.env.JWT_SECRET = TEST_JWT_SECRET;
process.env.STRIPE_SECRET_KEY = FAKE_STRIPE_KEY;

describe('payments', () => {
  it('creates a payment intent', async () => {
    Stripe.prototype.paymentIntents = { create: jest.fn().mockResolvedValue({ id: 'pi_3MtwBwLkdIwHu7ix28a3tqPa', client_secret: 'pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH' }) };
    const app = require('../src/server');
    const res = await request(app).post('/orders/1/pay').set('Authorization', 'Bearer test-token');
    expect(res.status).toBe(200);
  });

  it('rejects a bad password', async () => {
    const user = { email: 'ada@example.com', password: 'hunter2' };
    const res = await request(require('../src/server')).post('/auth/login').send(user);
    expect(res.status).toBe(401);
  });
});
