/**
 * Evaluation of `logs/log-to-file` on realistic projects (test/eval/logs/<project>/), labelled by reading the
 * code: every place that sends application logs to a file (labels.tsv: `file<TAB>line<TAB>note`).
 *
 *   node --import tsx test/eval/logs/evaluate.ts
 */
import { evaluate, printEvaluation } from './score';

export const RULE_ID = 'logs/log-to-file';
export const evaluation = () => evaluate(__dirname, RULE_ID);

if (require.main === module) printEvaluation(RULE_ID, evaluation());
