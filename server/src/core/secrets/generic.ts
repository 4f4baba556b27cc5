/**
 * Name-based ("generic") detection, re-exported for the rule and the tests: which names hold secrets, which values
 * look like one, and where assignments are in each syntax.
 */
export { SECRET_NAME_KEYWORDS, secretNameKind, nameWords } from './names';
export { looksLikeSecretValue, isWordy } from './values';
export { assignments } from './assignments';
export { yamlPairs } from './yaml-pairs';
