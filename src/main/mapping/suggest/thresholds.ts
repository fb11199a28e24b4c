/** Candidates scoring below this are not shown. */
export const SUGGESTION_THRESHOLD = 0.5;
/** Once the best candidate reaches SUGGESTION_THRESHOLD, alternatives down to this are shown too. */
export const ALTERNATIVE_THRESHOLD = 0.42;
