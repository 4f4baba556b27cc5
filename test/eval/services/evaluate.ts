/**
 * Evaluation of `backing-services/hardcoded-url` on realistic projects (test/eval/services/<project>/), labelled
 * by reading the code: every literal location of a backing service that a deploy could not change without a
 * code change (labels.tsv: `file<TAB>line<TAB>note`; one row per location, so a line with two brokers has two).
 *
 *   node --import tsx test/eval/services/evaluate.ts
 */
import { evaluate, printEvaluation } from '../logs/score';

export const RULE_ID = 'backing-services/hardcoded-url';
export const evaluation = () => evaluate(__dirname, RULE_ID);

if (require.main === module) printEvaluation(RULE_ID, evaluation());
