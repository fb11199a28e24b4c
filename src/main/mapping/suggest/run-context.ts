import { Vocabulary } from './prepare';
import { ScoreScratch } from './score';

/** What one suggestMappings run works with: made per run, so two runs never share state. */
export interface RunContext {
  vocabulary: Vocabulary;
  scratch: ScoreScratch;
}

export const newRunContext = (): RunContext => ({ vocabulary: new Vocabulary(), scratch: new ScoreScratch() });
