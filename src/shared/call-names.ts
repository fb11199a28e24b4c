// The names of every call the renderer may make. Kept free of imports so the sandboxed
// preload can bundle it without pulling in the schemas; contract.ts is checked against it.
export const callNames = [
  'app.info',
  'app.settings',
  'workspace.current',
  'workspace.recent',
  'workspace.open',
  'workspace.create',
  'workspace.openDemo',
  'workspace.choosePath',
  'workspace.forgetRecent',
  'integration.get',
  'integration.update',
  'systems.list',
  'systems.import',
  'systems.catalogue',
  'systems.entity',
  'systems.previewReimport',
  'systems.applyReimport',
  'systems.remove',
  'flows.list',
  'flows.create',
  'flows.get',
  'flows.update',
  'mapping.sheet',
  'mapping.checks',
  'mapping.updateRow',
  'mapping.decide',
  'mapping.acceptAbove',
  'mapping.suggestValueMap',
  'mapping.suggestions',
  'mapping.clearReview',
  'questions.list',
  'questions.add',
  'questions.update',
  'useCases.list',
  'useCases.add',
  'useCases.update',
  'useCases.remove',
  'inputs.list',
  'inputs.add',
  'inputs.update',
  'inputs.remove',
  'testCases.list',
  'testCases.add',
  'testCases.update',
  'testCases.remove',
  'requirements.list',
  'requirements.update',
  'changeLog.list',
  'changeLog.add',
  'signOff.list',
  'signOff.update',
  'spec.export',
  'spec.previewWorkbook',
  'spec.applyWorkbook',
  'sandbox.requests',
  'sandbox.saveRequest',
  'sandbox.deleteRequest',
  'sandbox.environments',
  'sandbox.seedEnvironments',
  'sandbox.saveEnvironment',
  'sandbox.deleteEnvironment',
  'sandbox.clearCookies',
  'sandbox.draftFromOperation',
  'sandbox.send',
  'sandbox.history',
  'sandbox.historyEntry',
  'sandbox.openBody',
  'sandbox.settings',
] as const;

export type CallName = (typeof callNames)[number];

/** Commands the desktop menu sends to the renderer. */
export const menuCommands = [
  'workspace-changed',
  'new-workspace',
  'open-workspace',
  'go:overview',
  'go:systems',
  'go:mapping',
  'go:sandbox',
  'go:spec',
  'go:workspaces',
] as const;

export type MenuCommand = (typeof menuCommands)[number];

export const IPC_CALL_PREFIX = 'crosswalk:call:';
export const IPC_MENU_CHANNEL = 'crosswalk:menu';
/** Main → renderer: one event of src/shared/contract/events.ts (name, payload). */
export const IPC_EVENT_CHANNEL = 'crosswalk:event';
/** Renderer → main: stop the call with this id. */
export const IPC_CANCEL_CHANNEL = 'crosswalk:cancel';
