/** Candidates scoring below this are not shown. */
export const SUGGESTION_THRESHOLD = 0.5;
/** Once the best candidate reaches SUGGESTION_THRESHOLD, alternatives down to this are shown too. */
export const ALTERNATIVE_THRESHOLD = 0.42;
/** Pairs scoring below this are dropped before the assignment. */
export const CANDIDATE_FLOOR = Math.min(SUGGESTION_THRESHOLD * 0.75, ALTERNATIVE_THRESHOLD * 0.8);
