import type { ProviderPattern } from './types';

/** Payments and commerce. Test-mode keys are still secrets but only warnings: they move no real money. */
export const COMMERCE_PROVIDERS: readonly ProviderPattern[] = [
  {
    id: 'stripe-live-secret-key',
    kind: 'Stripe live secret key',
    keywords: ['sk_live_'],
    re: /(?<![\w-])(?<token>sk_live_(?<body>[A-Za-z0-9]{24,247}))(?![\w-])/,
    examples: { ng: ['const stripe = new Stripe("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");', 'STRIPE_KEY=sk_live_jxMOet1ygc4PcPeXnUgWe7Mg'], ok: ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'pk_live_51IZcHTK2IjErvG9sbnpfTehjkzKTOf8sQKGRyyDA6j7xX7AJFycSmRznLbvtTgGYSkRUlo6K0XhbaEFIV6emt5eda7b2ItihIk', 'sk_live_OigFDSdJFF'] },
  },
  {
    id: 'stripe-test-secret-key',
    kind: 'Stripe test secret key',
    keywords: ['sk_test_'],
    severity: 'warning',
    re: /(?<![\w-])(?<token>sk_test_(?<body>[A-Za-z0-9]{24,247}))(?![\w-])/,
    examples: { ng: ['stripe.api_key = "sk_test_51jLF2RFb4BenBEnd6QiP4Yd2ptT64WwKH9sNcr7T9XFjCipxLy8nryIEjGDLJ2EWAKgckjKRka1i5pyV1eQa3NE0i311sbaBYX"'], ok: ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'pk_test_wR326nkny9rNVpr6jirOwAAY', 'sk_test_51FakeKeyForUnitTests000000000000'] },
  },
  {
    id: 'stripe-live-restricted-key',
    kind: 'Stripe live restricted key',
    keywords: ['rk_live_'],
    re: /(?<![\w-])(?<token>rk_live_(?<body>[A-Za-z0-9]{24,247}))(?![\w-])/,
    examples: { ng: ['StripeClient("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")'], ok: ['rk_live_bvicvuq6gr', 'rk_live_xxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'stripe-test-restricted-key',
    kind: 'Stripe test restricted key',
    keywords: ['rk_test_'],
    severity: 'warning',
    re: /(?<![\w-])(?<token>rk_test_(?<body>[A-Za-z0-9]{24,247}))(?![\w-])/,
    examples: { ng: ['key = "rk_test_51mgPGFuqgVIeDbXhoKRwhxICPjrbG8oHcgi1L7zzvc6uwl6rPwx7jP3QsSlgSYuxNTReqlAejIvff50gyOaIug3as3r2cuHVQe"'], ok: ['rk_test_s8YOeZ2J6W', 'rk_test_example_key_for_the_docs'] },
  },
  {
    id: 'stripe-webhook-secret',
    kind: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    re: /(?<![\w-])(?<token>whsec_(?<body>[A-Za-z0-9+/]{32,64}={0,2}))(?![\w+/=-])/,
    examples: { ng: ['const endpointSecret = "whsec_AmDuInFnVHtiUzQaKLCIFlQXI522OeQ3";'], ok: ['whsec_testsecret', 'whsec_...'] },
  },
  {
    id: 'square-access-token',
    kind: 'Square access token',
    keywords: ['eaaa', 'sq0atp-'],
    re: /(?<![\w-])(?<token>(?:EAAA|sq0atp-)(?<body>[A-Za-z0-9_-]{22,60}))(?![\w-])/,
    examples: { ng: ['SQUARE_ACCESS_TOKEN=EAAAgumWMr0l6XezBn8bFZK5Dpwzlxhx9zkaIJfZilCu7yD2wvixAr37nAwH5SxN', 'token = "sq0atp-TReLz9pGoVlW7ohhAlaK43"'], ok: ['EAAAVS7O-ikhRI', 'sq0atp-xxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'square-oauth-secret',
    kind: 'Square OAuth application secret',
    keywords: ['sq0csp-'],
    re: /(?<![\w-])(?<token>sq0csp-(?<body>[A-Za-z0-9_-]{43}))(?![\w-])/,
    examples: { ng: ['SQUARE_APP_SECRET=sq0csp-BMlTcV_8H5pVCLqVwYcAZbUGri_3V-tbz3RV3m1mDZK'], ok: ['sq0csp-XDhoPLeVvOIc', 'sq0idp-aKt9jOffPC0f40iHTtH4_I'] },
  },
  {
    id: 'braintree-production-token',
    kind: 'PayPal Braintree production access token',
    keywords: ['access_token$production$'],
    re: /(?<token>access_token\$production\$(?<body>[a-z0-9]{16}\$[a-f0-9]{32}))(?![\w$])/,
    examples: { ng: ["'token' => 'access_token$production$ndvvqckf5fg44x85$9e8c788a19dae0df439a2607faa5b3b3'"], ok: ['access_token$production$<merchant>$<token>', 'access_token$production$n7qiel470bjz89sm'] },
  },
  {
    id: 'braintree-sandbox-token',
    kind: 'PayPal Braintree sandbox access token',
    keywords: ['access_token$sandbox$'],
    severity: 'warning',
    re: /(?<token>access_token\$sandbox\$(?<body>[a-z0-9]{16}\$[a-f0-9]{32}))(?![\w$])/,
    examples: { ng: ['BT_TOKEN=access_token$sandbox$y2efvt03keqly272$c8e6022e1b0a2bbaab1cc64618b03ddb'], ok: ['access_token$sandbox$xxxxxxxxxxxxxxxx$yyyy', 'access_token$sandbox$'] },
  },
  ...(
    [
      ['shpat_', 'Shopify admin API access token'],
      ['shpss_', 'Shopify shared secret'],
      ['shpca_', 'Shopify custom app access token'],
      ['shppa_', 'Shopify private app access token'],
    ] as const
  ).map(
    ([prefix, kind]): ProviderPattern => ({
      id: `shopify-${prefix.slice(0, -1)}`,
      kind,
      keywords: [prefix],
      re: new RegExp(`(?<![\\w-])(?<token>${prefix}(?<body>[a-fA-F0-9]{32}))(?![\\w-])`),
      examples: { ng: [`access_token: "${prefix}d1fc79f73627c0cdea9308e18203b344"`], ok: [`${prefix}295c3c773406bd4d`, `${prefix}NEeYLxC4tBeyPDWCSUnWsQUHtX5EYA7ezz`] },
    }),
  ),
  {
    id: 'flutterwave-secret-key',
    kind: 'Flutterwave secret key',
    keywords: ['flwseck'],
    re: /(?<![\w-])(?<token>FLWSECK(?:_TEST)?-(?<body>[a-fA-F0-9]{32})-X)(?![\w-])/,
    examples: { ng: ['FLW_SECRET_KEY=FLWSECK-2cc40f84264318b100517ed1feba0f35-X'], ok: ['FLWPUBK-5809c301c2021c13a9c06bbd9ccafd22-X', 'FLWSECK-ce34089d269d-X'] },
  },
  {
    id: 'duffel-token',
    kind: 'Duffel API token',
    keywords: ['duffel_live_', 'duffel_test_'],
    re: /(?<![\w-])(?<token>duffel_(?:live|test)_(?<body>[A-Za-z0-9_=-]{43}))(?![\w=-])/,
    examples: { ng: ['DUFFEL_ACCESS_TOKEN=duffel_live_BIjFSjzs1pTaYoiHgDKKG91JY8XmusaSg1K7tlUN7YZ'], ok: ['duffel_live_6kOORfQ24s', 'duffel_live_example'] },
  },
  {
    id: 'easypost-api-key',
    kind: 'EasyPost API key',
    keywords: ['ezak', 'eztk'],
    re: /(?<![\w-])(?<token>EZ[AT]K(?<body>[a-zA-Z0-9]{54}))(?![\w-])/,
    examples: { ng: ['EASYPOST_API_KEY=EZAKsEUa4lIeQUPCz9qi9yCDV7tbUkaVMTdp4QocnvZGPY8ro8BIromQyL'], ok: ['EZAKjatuvoCD7S7rz1TGfUd3', 'EZXKulYr8B2AJH1BVhinpxUGIbqYq7ZbGTyKPQBiX9yA23mt6sce96bpxJ'] },
  },
  {
    id: 'shippo-token',
    kind: 'Shippo API token',
    keywords: ['shippo_live_', 'shippo_test_'],
    re: /(?<![\w-])(?<token>shippo_(?:live|test)_(?<body>[a-f0-9]{40}))(?![\w-])/,
    examples: { ng: ['SHIPPO_TOKEN=shippo_live_ca0117ed3b8489317e199b7768064b8d3942283f'], ok: ['shippo_live_b602d67de5a7ac685426', 'shippo_live_lyUrf0ZaWk1nFXK70zuZWXmOgFLH8aQMFFzQ4cPt'] },
  },
  {
    id: 'gocardless-token',
    kind: 'GoCardless access token',
    keywords: ['gocardless'],
    re: /(?<![\w-])(?<token>live_(?<body>[A-Za-z0-9_=-]{40}))(?![\w=-])/,
    examples: { ng: ['GOCARDLESS_ACCESS_TOKEN=live_kzGFCtnK-4Vp22efARa58bnWBilkRF5ap076jAcH'], ok: ['gocardless env live_LqOGoPLC5N', 'gocardless live_mode'] },
  },
];
