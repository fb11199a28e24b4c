import path from 'node:path';
import type { FilePurpose } from '../../shared/contract';

export interface FileDialogOptions {
  kind: 'open' | 'save';
  title: string;
  buttonLabel?: string;
  /** A file name (joined to the documents folder) or the analyst's suggested path. */
  defaultPath?: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

const dialogs: Record<FilePurpose, FileDialogOptions> = {
  open: { kind: 'open', title: 'Open Workspace', filters: [{ name: 'Crosswalk workspace', extensions: ['crosswalk'] }] },
  create: { kind: 'save', title: 'New Workspace', buttonLabel: 'Create', defaultPath: 'Untitled.crosswalk', filters: [{ name: 'Crosswalk workspace', extensions: ['crosswalk'] }] },
  'export-xlsx': { kind: 'save', title: 'Export Spec Workbook', buttonLabel: 'Export', defaultPath: 'spec.xlsx', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] },
  'export-json': { kind: 'save', title: 'Export Spec as JSON', buttonLabel: 'Export', defaultPath: 'spec.json', filters: [{ name: 'JSON', extensions: ['json'] }] },
  'export-md': { kind: 'save', title: 'Export Spec as Markdown', buttonLabel: 'Export', defaultPath: 'spec.md', filters: [{ name: 'Markdown', extensions: ['md'] }] },
  'read-workbook': { kind: 'open', title: 'Read Back a Reviewed Workbook', buttonLabel: 'Read', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] },
};

/** The dialog for a purpose; a suggested absolute path replaces the default name in the documents folder. */
export function fileDialogOptions(purpose: FilePurpose, documentsFolder: string, suggested?: string): FileDialogOptions {
  const options = dialogs[purpose];
  const defaultPath = suggested && path.isAbsolute(suggested) ? suggested : options.defaultPath ? path.join(documentsFolder, options.defaultPath) : undefined;
  return { ...options, defaultPath };
}
