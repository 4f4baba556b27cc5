// Regenerates server/src/config/schema-validator.generated.ts from the config schema (see validator-source).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { VALIDATOR_FILE, validatorSource } from './validator-source';

const after = validatorSource();
if (existsSync(VALIDATOR_FILE) && readFileSync(VALIDATOR_FILE, 'utf8') === after) {
  console.log('schema-validator.generated.ts: already up to date');
} else {
  writeFileSync(VALIDATOR_FILE, after);
  console.log('schema-validator.generated.ts: written');
}
