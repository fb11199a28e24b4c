import { UserError } from '../../errors';
import type { HandlerDeps, HandlersOf } from './handler';
import type { SampleCall } from './samples';

const notYet = (): never => {
  throw new UserError('NOT_IMPLEMENTED', 'The sandbox calls are being built: this one answers in a later version.');
};

export function sandboxHandlers(_deps: HandlerDeps): Omit<HandlersOf<'sandbox'>, SampleCall> {
  return {
    'sandbox.requests': notYet,
    'sandbox.saveRequest': notYet,
    'sandbox.deleteRequest': notYet,
    'sandbox.environments': notYet,
    'sandbox.seedEnvironments': notYet,
    'sandbox.saveEnvironment': notYet,
    'sandbox.deleteEnvironment': notYet,
    'sandbox.clearCookies': notYet,
    'sandbox.draftFromOperation': notYet,
    'sandbox.send': notYet,
    'sandbox.history': notYet,
    'sandbox.historyEntry': notYet,
    'sandbox.openBody': notYet,
    'sandbox.settings': notYet,
  };
}
