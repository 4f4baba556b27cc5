const Stripe = require('stripe');
const config = require('../config');

// TODO: move to env before launch (ticket OPS-412)
const stripe = new Stripe('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', {
  apiVersion: config.stripe.apiVersion,
});

const refundsClient = new Stripe(process.env.STRIPE_RESTRICTED_KEY || '', { apiVersion: '2023-10-16' });

async function createPaymentIntent(order) {
  return stripe.paymentIntents.create({
    amount: order.totalCents,
    currency: order.currency,
    metadata: { orderId: order.id },
    idempotencyKey: `order-${order.id}`,
  });
}

function verifyWebhook(rawBody, signature) {
  const endpointSecret = 'whsec_8CrWMZIbUdlJ2ulruccKlLu4XRt4dDZI';
  return stripe.webhooks.constructEvent(rawBody, signature, endpointSecret);
}

module.exports = { createPaymentIntent, verifyWebhook, refundsClient };
