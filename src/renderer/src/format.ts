// Turning contract values into the words and numbers the analyst reads.
import type { FlowSummary, OpenQuestion, WorkspaceSummary } from '../../shared/contract';

type IntegrationStatus = WorkspaceSummary['integration']['status'];

export const integrationStatusLabels: Record<IntegrationStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
};

export const integrationStatusTone: Record<IntegrationStatus, string> = {
  draft: 'badge',
  in_review: 'badge badge-warning',
  approved: 'badge badge-success',
};

export const questionKindLabels: Record<OpenQuestion['kind'], string> = {
  question: 'Question',
  corner_case: 'Corner case',
};

export const questionStatusLabels: Record<OpenQuestion['status'], string> = {
  open: 'Open',
  answered: 'Answered',
  closed: 'Closed',
};

export const triggerLabels: Record<FlowSummary['trigger']['kind'], string> = {
  event: 'Event',
  schedule: 'Schedule',
  query: 'Query',
  file_drop: 'File drop',
  manual: 'Manual',
};


export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const parse = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateTime.format(date) : iso;
}

export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? dateOnly.format(date) : iso;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", then the date. */
export function formatRelative(iso: string, now = Date.now()): string {
  const date = parse(iso);
  if (!date) return iso;
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return dateOnly.format(date);
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Quotes a path for a shell command line only when it needs it. */
export function shellArg(value: string): string {
  if (/^[\w@%+=:,./\\-]+$/.test(value)) return value;
  return `"${value.replace(/(["$`\\])/g, '\\$1')}"`;
}

/** The folder part of a path, keeping its separator style ("/tmp/ui/a.crosswalk" → "/tmp/ui/"). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(0, cut + 1) : '';
}
