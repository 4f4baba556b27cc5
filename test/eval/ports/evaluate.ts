/**
 * Evaluation of `port-binding/hardcoded-port` on realistic projects (test/eval/ports/<project>/), labelled by
 * reading the code: every literal port the app binds with no environment lookup (labels.tsv:
 * `file<TAB>line<TAB>note`, the line of the literal).
 *
 *   node --import tsx test/eval/ports/evaluate.ts
 */
import { evaluate, printEvaluation } from '../logs/score';

export const RULE_ID = 'port-binding/hardcoded-port';
export const evaluation = () => evaluate(__dirname, RULE_ID);

if (require.main === module) printEvaluation(RULE_ID, evaluation());
