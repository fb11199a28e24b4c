// The app and its workspaces: which file is open, recent files, native file dialogs.
import { z } from 'zod';
import { call, filePath, name, noInput, text } from './fields';
import { integrationStatuses } from './specification';

/** What a native file dialog is for: it decides open or save, title and file types. */
export const filePurposes = ['open', 'create', 'export-xlsx', 'export-json', 'export-md', 'read-workbook'] as const;
export type FilePurpose = (typeof filePurposes)[number];

const Counts = z.object({
  systems: z.number().int(),
  flows: z.number().int(),
  useCases: z.number().int(),
  /** Mapping rows, over all flows. */
  mappings: z.number().int(),
  /** Rows done: accepted with a source, constant or default, or not needed. */
  mappingsDone: z.number().int(),
  /** Flows whose rows are all done. */
  flowsComplete: z.number().int(),
  testCases: z.number().int(),
  openQuestions: z.number().int(),
});

export const WorkspaceSummary = z.object({
  path: z.string(),
  fileName: z.string(),
  schemaVersion: z.number().int(),
  integration: z.object({ name: z.string(), status: z.enum(integrationStatuses) }),
  counts: Counts,
});

export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['desktop', 'browser']),
  nativeDialogs: z.boolean(),
  latestSchemaVersion: z.number().int(),
});

/** Where this machine keeps what Crosswalk needs besides the workspace: the secrets' keys and the log. */
export const AppSettings = z.object({
  /** Crosswalk's settings folder (CROSSWALK_HOME). */
  folder: z.string(),
  secretKeys: z.object({
    kind: z.enum(['os-keyring', 'key-files']),
    /** The key store's name, or the key files' folder. */
    location: z.string(),
    /** Why the OS key store is not used, when it is not. */
    fallbackReason: z.string().optional(),
  }),
  logFile: z.string(),
});

export const workspaceCalls = {
  'app.info': call(noInput, AppInfo),
  'app.settings': call(noInput, AppSettings),

  'workspace.current': call(noInput, WorkspaceSummary.nullable()),
  'workspace.recent': call(noInput, z.array(RecentWorkspace)),
  'workspace.open': call(z.strictObject({ path: filePath }), WorkspaceSummary),
  'workspace.create': call(z.strictObject({ path: filePath, name }), WorkspaceSummary),
  'workspace.openDemo': call(noInput, WorkspaceSummary),
  /** The desktop app's native Open/Save dialog for one purpose; null when cancelled. `suggested`: a path to start from. */
  'workspace.choosePath': call(
    z.strictObject({ purpose: z.enum(filePurposes), suggested: text(4096).optional() }),
    z.object({ path: z.string().nullable() }),
  ),
  'workspace.forgetRecent': call(z.strictObject({ path: filePath }), z.array(RecentWorkspace)),
};

export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;
export type AppInfo = z.infer<typeof AppInfo>;
export type AppSettings = z.infer<typeof AppSettings>;
