// Regenerates the README's rules table and rule sections from rule metadata and doc comments.
import { readFileSync, writeFileSync } from 'node:fs';
import { README, readmeWithRules } from './rule-docs';

const before = readFileSync(README, 'utf8');
const after = readmeWithRules(before);
if (after !== before) {
  writeFileSync(README, after);
  console.log('README.md: rules section updated');
} else {
  console.log('README.md: rules section already up to date');
}
