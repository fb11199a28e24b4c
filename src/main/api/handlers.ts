import type { CallName } from '../../shared/call-names';
import type { CallOutput, ParsedInput } from '../../shared/contract';
import { LATEST_SCHEMA_VERSION } from '../workspace/migrations';
import { summarize } from '../workspace/summary';
import { getIntegration, updateIntegration } from '../specification/integration';
import { addQuestion, listQuestions, updateQuestion } from '../specification/questions';
import { addUseCase, listUseCases, removeUseCase, updateUseCase } from '../specification/use-cases';
import { addInput, listInputs, removeInput, updateInput } from '../specification/inputs';
import { addTestCase, listTestCases, removeTestCase, updateTestCase } from '../specification/test-cases';
import { listRequirements, updateRequirement } from '../specification/requirements';
import { listChanges, listSignOff, logChange, updateSignOff } from '../specification/change-log';
import { exportSpec } from '../specification/export/export-spec';
import { WorkbookReviews } from '../specification/export/workbook-reviews';
import { listSystems, removeSystem } from '../openapi/systems';
import { SystemImports } from '../openapi/system-import';
import { createFlow, getFlow, listFlows, updateFlow } from '../mapping/flows';
import { acceptAbove, clearReview, decideRow, updateRow } from '../mapping/rows';
import { flowSuggestions, mappingSheet, suggestValueMapForRow } from '../mapping/sheet';
import { UserError } from '../errors';
import { APP_VERSION } from '../version';
import type { Session } from './session';

export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

/** The one table of handlers both transports (Electron IPC and the web host) serve. */
export function createHandlers(session: Session): Handlers {
  const workspace = () => session.requireWorkspace();
  const systems = new SystemImports();
  const workbookReviews = new WorkbookReviews();
  return {
    'app.info': () => ({
      version: APP_VERSION,
      host: session.host.kind,
      nativeDialogs: !!session.host.choosePath,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
    }),

    'workspace.current': () => (session.current ? summarize(session.current) : null),
    'workspace.recent': () => session.recent(),
    'workspace.open': ({ path }) => session.open(path),
    'workspace.create': ({ path, name }) => session.create(path, name),
    'workspace.openDemo': () => session.openDemo(),
    'workspace.choosePath': async ({ purpose, suggested }) => {
      if (!session.host.choosePath) {
        throw new UserError('NOT_AVAILABLE', 'File dialogs exist only in the desktop app: type the workspace path instead.');
      }
      return { path: await session.host.choosePath(purpose, suggested) };
    },
    'workspace.forgetRecent': ({ path }) => {
      session.settings.forgetRecent(path);
      return session.recent();
    },

    'integration.get': () => getIntegration(workspace()),
    'integration.update': (changes) => updateIntegration(workspace(), changes),

    'systems.list': () => listSystems(workspace()),
    'systems.import': async ({ name, source, allowedRefs }) => {
      const result = await systems.import(workspace(), name, source, { allowRefs: allowedRefs });
      if (result.status === 'needs-consent') return result;
      // The catalogue is ready now; validation finishes in its worker and is stored when it does.
      void result.validation.catch((error: unknown) => console.error('[crosswalk] Storing validation failed:', error));
      return { status: 'imported', system: result.system };
    },
    'systems.catalogue': ({ id }) => systems.catalogue(workspace(), id),
    'systems.entity': ({ id, entity }) => systems.entity(workspace(), id, entity),
    'systems.previewReimport': ({ id, source, allowedRefs }) => systems.previewReimport(workspace(), id, source, { allowRefs: allowedRefs }),
    'systems.applyReimport': async ({ previewId }) => {
      const result = await systems.applyReimport(workspace(), previewId);
      void result.validation.catch((error: unknown) => console.error('[crosswalk] Storing validation failed:', error));
      return result.system;
    },
    'systems.remove': ({ id }) => {
      removeSystem(workspace(), id);
      return { removed: true as const };
    },
    'flows.list': () => listFlows(workspace()),
    'flows.create': (request) => createFlow(workspace(), systems, request),
    'flows.get': ({ id }) => getFlow(workspace(), id),
    'flows.update': ({ id, ...changes }) => updateFlow(workspace(), id, changes),

    'mapping.sheet': ({ flowId }) => mappingSheet(workspace(), systems, flowId),
    'mapping.updateRow': ({ rowId, ...changes }) => updateRow(workspace(), rowId, changes),
    'mapping.decide': ({ rowId, decision }) => decideRow(workspace(), rowId, decision),
    'mapping.acceptAbove': ({ flowId, threshold }) => acceptAbove(workspace(), flowId, threshold),
    'mapping.suggestValueMap': ({ rowId }) => suggestValueMapForRow(workspace(), systems, rowId),
    'mapping.suggestions': ({ flowId }) => flowSuggestions(workspace(), systems, flowId),
    'mapping.clearReview': ({ rowIds }) => clearReview(workspace(), rowIds),

    'questions.list': () => listQuestions(workspace()),
    'questions.add': (input) => addQuestion(workspace(), input),
    'questions.update': ({ id, ...changes }) => updateQuestion(workspace(), id, changes),

    'useCases.list': () => listUseCases(workspace()),
    'useCases.add': (input) => addUseCase(workspace(), input),
    'useCases.update': ({ id, ...changes }) => updateUseCase(workspace(), id, changes),
    'useCases.remove': ({ id }) => {
      removeUseCase(workspace(), id);
      return { removed: true as const };
    },
    'inputs.list': () => listInputs(workspace()),
    'inputs.add': (input) => addInput(workspace(), input),
    'inputs.update': ({ id, ...changes }) => updateInput(workspace(), id, changes),
    'inputs.remove': ({ id }) => {
      removeInput(workspace(), id);
      return { removed: true as const };
    },
    'testCases.list': () => listTestCases(workspace()),
    'testCases.add': (input) => addTestCase(workspace(), input),
    'testCases.update': ({ id, ...changes }) => updateTestCase(workspace(), id, changes),
    'testCases.remove': ({ id }) => {
      removeTestCase(workspace(), id);
      return { removed: true as const };
    },
    'requirements.list': () => listRequirements(workspace(), systems),
    'requirements.update': ({ key, ...changes }) => updateRequirement(workspace(), systems, key, changes),
    'changeLog.list': () => listChanges(workspace()),
    'changeLog.add': ({ summary, author }) => logChange(workspace(), summary, author),
    'signOff.list': () => listSignOff(workspace()),
    'signOff.update': ({ role, ...changes }) => updateSignOff(workspace(), role, changes),
    'spec.export': async ({ format, path }) => (await exportSpec(workspace(), systems, [{ format, path }]))[0]!,
    'spec.previewWorkbook': ({ path }) => workbookReviews.preview(workspace(), systems, path),
    'spec.applyWorkbook': ({ previewId, changeIds }) => workbookReviews.apply(workspace(), previewId, changeIds),
  };
}
