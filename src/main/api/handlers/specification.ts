import { getIntegration, updateIntegration } from '../../specification/integration';
import { addQuestion, listQuestions, updateQuestion } from '../../specification/questions';
import { addUseCase, listUseCases, removeUseCase, updateUseCase } from '../../specification/use-cases';
import { addInput, listInputs, removeInput, updateInput } from '../../specification/inputs';
import { addTestCase, listTestCases, removeTestCase, updateTestCase } from '../../specification/test-cases';
import { listRequirements, updateRequirement } from '../../specification/requirements';
import { listChanges, listSignOff, logChange, updateSignOff } from '../../specification/change-log';
import { downloadSpec, exportSpec } from '../../specification/export/export-spec';
import { WorkbookReviews } from '../../specification/export/workbook-reviews';
import type { HandlerDeps, HandlersOf } from './handler';

export function specificationHandlers({ workspace, systems }: HandlerDeps): HandlersOf<'integration'> & HandlersOf<'questions'> & HandlersOf<'useCases'> & HandlersOf<'inputs'> & HandlersOf<'testCases'> & HandlersOf<'requirements'> & HandlersOf<'changeLog'> & HandlersOf<'signOff'> & HandlersOf<'spec'> {
  const workbookReviews = new WorkbookReviews();
  return {
    'integration.get': () => getIntegration(workspace()),
    'integration.update': (changes) => updateIntegration(workspace(), changes),
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
    'spec.download': ({ format }) => downloadSpec(workspace(), systems, format),
    'spec.previewWorkbook': ({ path }) => workbookReviews.preview(workspace(), systems, path),
    'spec.applyWorkbook': ({ previewId, changeIds }) => workbookReviews.apply(workspace(), previewId, changeIds),
  };
}
