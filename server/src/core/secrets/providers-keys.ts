import { checkJwt } from './checksum';
import type { ProviderPattern } from './types';

/** A PEM body: base64, white space, escaped `\n`, quotes and `+` of string concatenation, and header lines such as
 * `Proc-Type: 4,ENCRYPTED`; never five dashes, so a scan from one BEGIN line stops at the next boundary. */
const PEM_BODY = String.raw`(?:[A-Za-z0-9+/=\s\\"',:]|-(?!-)){64,12000}?`;

/** Private keys, signed tokens and AI platform keys. */
export const KEY_PROVIDERS: readonly ProviderPattern[] = [
  {
    id: 'gcp-service-account-key',
    kind: 'GCP service-account private key',
    keywords: ['"private_key"'],
    noFakeCheck: true,
    // The service-account JSON's private_key: a PEM block with JSON-escaped line breaks.
    re: new RegExp(String.raw`"private_key"\s*:\s*"(?<token>-----BEGIN (?:RSA )?PRIVATE KEY-----(?<body>(?:\\n|[A-Za-z0-9+/=]){64,12000}?)-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"`),
    examples: {
      ng: ['{ "type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC8ZK9/sx4Qm1XbztSdPqXYGJqnjWEVik8qKNZX0Gto70WfvgH+PF4KwgBeRtr6qk5\\nwcsL0CyiYDJJ6GK32LSI9ADq6cyB4vrGnZWYjc8QuUZBmk0MlLkm4tqw1y/T/s98\\n-----END PRIVATE KEY-----\\n" }'],
      ok: ['"private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"', '"private_key": ""'],
    },
  },
  {
    id: 'private-key',
    kind: 'Private key',
    keywords: ['private key-----'],
    noFakeCheck: true,
    re: new RegExp(
      String.raw`(?<token>-----BEGIN (?<type>(?:RSA |EC |DSA |OPENSSH |SSH2 |DH )?)PRIVATE KEY-----(?<body>${PEM_BODY})-----END \k<type>PRIVATE KEY-----)`,
    ),
    examples: {
      ng: ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7zrCkiCAPmfQm6oMyq058SMWxP+OxUGs9y3zaAoITZ7y4zU06/Yl1vdZS6MH\nIlhdq58Jy16GqQeN3+8sgM/5OvCi693SA2bNjRh/1ObeDTk0v2K3RD+ZeUNaP7hW\nd2krsbQ3ciWmUkS5Sj6oArhZMuCOfgXw6Qt+luJ9HoYpTBgWrTfaaQQavMKoK13M\n-----END RSA PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n1N9JdOoRGa/NgiTUslLzVcuTSSZyfGK4mYBttRObZJ2UiKmS3FSRlYBqQnn785CT0YESgh\n-----END OPENSSH PRIVATE KEY-----'],
      ok: ['-----BEGIN PUBLIC KEY-----\n7wKOcaPhE2WI5BIKV+UJPvkFv+VPOCRfup/ov8/zTNSs+gbhpPswoSmS+FcBgCDk\nb3RtUJLj5o+7MG1vNyJ6N575aaeeWiIj30kVRlfHkMOiY4DbSwSOP1/f6vr/yu6y\n-----END PUBLIC KEY-----', '-----BEGIN PRIVATE KEY-----\n<paste your key here>\n-----END PRIVATE KEY-----', '-----BEGIN CERTIFICATE-----\nZCthTD0K17XPkOuHbbaaRlG8XCv69NsV3cTFQaF0YgUcO7kho5psnKlW3nXcmT1u\n-----END CERTIFICATE-----'],
    },
  },
  {
    id: 'encrypted-private-key',
    kind: 'Encrypted private key',
    keywords: ['encrypted private key-----'],
    severity: 'warning',
    noFakeCheck: true,
    re: new RegExp(String.raw`(?<token>-----BEGIN ENCRYPTED PRIVATE KEY-----(?<body>${PEM_BODY})-----END ENCRYPTED PRIVATE KEY-----)`),
    examples: {
      ng: ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI4YF/SPe1H6M5+FZCPT9tIuIR1GX6tpShqjzbhZ24\nXwoL2RltsEH0msRRSobnB0A1iKchxA4gdVLeErCABo6VwuxJltigwZIpdWKrhb3a\n-----END ENCRYPTED PRIVATE KEY-----'],
      ok: ['-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n-----END ENCRYPTED PRIVATE KEY-----'],
    },
  },
  {
    id: 'pgp-private-key',
    kind: 'PGP private key block',
    keywords: ['begin pgp private key block'],
    noFakeCheck: true,
    re: /(?<token>-----BEGIN PGP PRIVATE KEY BLOCK-----(?<body>(?:[^-]|-(?!-)){64,20000}?)-----END PGP PRIVATE KEY BLOCK-----)/,
    examples: {
      ng: ['-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBFvbykMeZe2/07Q0+1cwkv8LaRV26Wg46hvFfdOqTPHZSXS+kBqyG1FIgRMCHpFnpE\nIxoHATU1WF1uKB21cnnjjGXzgst34J02qXEEfmn/UkrvRpDD+thd10bnMawNH2Cg\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----'],
      ok: ['-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBFPgU0esKvfGsb/j44Ese7+zK/QD3DUyIVdSLGFimHgVOTsvkuT63S2yqLmVlLtDnu\ngS1Sd9NXPG+d+x4BNaYRYNBbs/X/+2r4ZyB7TLwqDx64y0vLv6dmvGpUYWO0WJa0\n-----END PGP PUBLIC KEY BLOCK-----'],
    },
  },
  {
    id: 'putty-private-key',
    kind: 'PuTTY private key',
    keywords: ['putty-user-key-file-'],
    noFakeCheck: true,
    re: /(?<token>PuTTY-User-Key-File-[23]: [\w-]{3,30}\r?\n[\s\S]{0,400}?Private-Lines: \d{1,3}\r?\n(?<body>[A-Za-z0-9+/=\r\n]{40,8000}))/,
    examples: {
      ng: ['PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nWd1QlDNXcwDTcOUmZNTAgxbGv1WFsulSrEJq5QfNMQfoCZ074+L5NENuFrtLHG81\nLfm5ERzUa5wHEBSgph2r\nPrivate-Lines: 2\n3t6uxip3+hbPBrncda+TA0nqSwM414jy6nzU07e8vtSJd87cwmpxVCGQdz8ewHZQ\nREOSIgsaBhifcJVVgvHM01xY2P9ESID4yUFX0g9o\n'],
      ok: ['PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPublic-Lines: 2\nusalQs7UcANf9dzq3BU8hLo+94vejhdTd0ZYLyEPqUo0Co9hfVedgXBGSysgYr7h'],
    },
  },
  {
    id: 'jwt',
    kind: 'JSON Web Token',
    keywords: ['eyj'],
    strong: false,
    validate: checkJwt,
    re: /(?<![\w.-])(?<token>eyJ[A-Za-z0-9_-]{10,1000}\.eyJ[A-Za-z0-9_-]{5,4000}\.(?<body>[A-Za-z0-9_-]{20,1000}))(?![\w.-])/,
    examples: {
      ng: ['const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwUFpFYUtMc3pGOGwiLCJpYXQiOjE3MDQzMTM2MTZ9.SvZBkVJW6ZOqoi8Alf-wNxIgvwvM-_9YFAAwJKkueyp";'],
      ok: ['"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ5bFJaM3dCeExIckoiLCJpYXQiOjE3MDUzNzQzODN9.gM0y6euet4Rep7XhnqxKx4l0tyR9AxC8HGdFij0o9t-"', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', '"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Impqd2tkenJqbGxuZ2l0YmFubHN3Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MDAwMDAwMDB9.1K7PYG46wux6zer8dDchGFB1JbYuOugYUKW5atqDYKz"'],
    },
  },
  {
    id: 'openai-api-key',
    kind: 'OpenAI API key',
    keywords: ['t3blbkfj'],
    re: /(?<![\w-])(?<token>sk-(?:(?:proj|svcacct|admin|None)-)?(?<body>[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}))(?![\w-])/,
    examples: { ng: ['client = OpenAI(api_key="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")', 'OPENAI_API_KEY=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'], ok: ['sk-HDL2GhtMAg1uvEY3DVyTT3BlbkFJ', 'sk-proj-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'anthropic-api-key',
    kind: 'Anthropic API key',
    keywords: ['sk-ant-api'],
    re: /(?<![\w-])(?<token>sk-ant-api0\d-(?<body>[A-Za-z0-9_-]{93})AA)(?![\w-])/,
    examples: { ng: ['ANTHROPIC_API_KEY=sk-ant-api03--QvmB-DrgugARQeNxlgIaYqY7mT-JHAfQAjiM06F7jYvouhA5je3FPmQl1oSiMQmZTBCehcBMTfUnuWc3NDxoCRuo9IprAA'], ok: ['sk-ant-api03-DfKO3hV25PRlv2LipbosAA', 'sk-ant-api03-your-key-here'] },
  },
  {
    id: 'anthropic-admin-key',
    kind: 'Anthropic admin API key',
    keywords: ['sk-ant-admin'],
    re: /(?<![\w-])(?<token>sk-ant-admin0\d-(?<body>[A-Za-z0-9_-]{93})AA)(?![\w-])/,
    examples: { ng: ['key = "sk-ant-admin01-oBWHcLCTASqv3ubf0XFiUvqqwXfJUVHi4Nzw-gXwm40aBGTTRp8zuk6O8FkzUZAr_qArWeHQyoiqJMOUlSoi1bDUSbW6SAA"'], ok: ['sk-ant-admin01-ppdqPH1iiUINNsJ4v2jJ', 'sk-ant-admin01-example'] },
  },
  {
    id: 'huggingface-token',
    kind: 'Hugging Face access token',
    keywords: ['hf_'],
    re: /(?<![\w-])(?<token>hf_(?<body>[A-Za-z]{34}))(?![\w-])/,
    examples: { ng: ['HF_TOKEN=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'], ok: ['hf_oYYpwVfUwqIVagJgzojq', 'hf_LZQVMAmG0ZokagRJNChdwVc4g42hxq1234'] },
  },
  {
    id: 'huggingface-org-token',
    kind: 'Hugging Face organization API token',
    keywords: ['api_org_'],
    re: /(?<![\w-])(?<token>api_org_(?<body>[A-Za-z]{34}))(?![\w-])/,
    examples: { ng: ['token = "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"'], ok: ['api_org_KVorqsUbru', 'api_org_id'] },
  },
  {
    id: 'groq-api-key',
    kind: 'Groq API key',
    keywords: ['gsk_'],
    re: /(?<![\w-])(?<token>gsk_(?<body>[A-Za-z0-9]{52}))(?![\w-])/,
    examples: { ng: ['GROQ_API_KEY=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'], ok: ['gsk_EZcZ1tnB0JR9v04dG0Xi', 'gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'replicate-api-token',
    kind: 'Replicate API token',
    keywords: ['r8_'],
    re: /(?<![\w-])(?<token>r8_(?<body>[A-Za-z0-9]{37}))(?![\w-])/,
    examples: { ng: ['REPLICATE_API_TOKEN=r8_35lurLgkz22ortkEBVXnzN4gEmMObSvFY6zbL'], ok: ['r8_0bkWfM3vPr', 'r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'] },
  },
  {
    id: 'perplexity-api-key',
    kind: 'Perplexity API key',
    keywords: ['pplx-'],
    re: /(?<![\w-])(?<token>pplx-(?<body>[A-Za-z0-9]{48}))(?![\w-])/,
    examples: { ng: ['PERPLEXITY_API_KEY=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'], ok: ['pplx-YiqNhqKyKvHiUNVsop8Y', 'pplx-api'] },
  },
  {
    id: 'xai-api-key',
    kind: 'xAI API key',
    keywords: ['xai-'],
    re: /(?<![\w-])(?<token>xai-(?<body>[A-Za-z0-9]{80}))(?![\w-])/,
    examples: { ng: ['XAI_API_KEY=xai-DF8uagXAS1YN5FMSFuS62QEEtQBszHA1nhfTxDztMwUVhM9UK5RVFAS7FwyVjyggAt0Z86EXrA431o21'], ok: ['xai-RlwM4WORYy4cSQOpESkV', 'xai-sdk'] },
  },
];
