import { Router } from 'express';
import Stripe from 'stripe';

const {
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  STRIPE_API_VERSION = '2024-06-20',
} = process.env;

const stripe = new Stripe(STRIPE_SECRET_KEY as string, { apiVersion: STRIPE_API_VERSION as any });
export const payments = Router();

payments.post('/webhook', (req, res) => {
  const sig = req.headers['stripe-signature'] as string;
  const event = stripe.webhooks.constructEvent(req.body, sig, STRIPE_WEBHOOK_SECRET!);
  const currency = process.env['DEFAULT_CURRENCY'] ?? 'usd';
  res.json({ received: true, type: event.type, currency });
});
