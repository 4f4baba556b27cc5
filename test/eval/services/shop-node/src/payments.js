const BASE = 'https://api.stripe.com/v1';

async function charge(amount) {
  const res = await fetch(`${BASE}/charges`, { method: 'POST', body: JSON.stringify({ amount }) });
  return res.json();
}

module.exports = { charge };
