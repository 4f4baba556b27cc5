import { loadStripe } from '@stripe/stripe-js';
import { useMemo } from 'react';

export function Checkout({ amount }: { amount: number }) {
  const stripePromise = useMemo(() => loadStripe(import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY), []);
  const showDebug = import.meta.env.MODE !== 'production' && import.meta.env.VITE_SHOW_DEBUG === '1';
  return <form data-amount={amount} data-debug={showDebug}>{String(stripePromise)}</form>;
}
