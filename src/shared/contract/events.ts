// What main tells the renderer without being asked: one typed map of events, carried by one IPC channel
// (the preload passes on only these names) and by the web host's server-sent events.
import type { CallName } from '../call-names';
import type { HistoryEntrySummary } from './sandbox';

export interface CrosswalkEvents {
  /** How far a long call has got (`total` null when unknown). */
  'call.progress': { callId: string; call: CallName; done: number; total: number | null; message: string };
  /** A call that reported progress has ended; its answer went back on the call itself. */
  'call.finished': { callId: string; call: CallName; outcome: 'ok' | 'failed' | 'cancelled'; ms: number };
  /** One line of the request log (secrets already redacted). */
  'request.log': { at: string; line: string };
  /** A system's background validation has ended: its problems can be read. */
  'systems.validated': { workspace: string; systemId: number };
  /** A sandbox call was sent and stored in history (URL redacted). */
  'sandbox.history': { workspace: string; entry: HistoryEntrySummary };
  /** An OAuth sign-in to open in a new browser tab (the web host; the app opens the system browser itself). */
  'sandbox.openUrl': { url: string };
}

export type EventName = keyof CrosswalkEvents;

export const eventNames = ['call.progress', 'call.finished', 'request.log', 'systems.validated', 'sandbox.history', 'sandbox.openUrl'] as const satisfies readonly EventName[];

export type CrosswalkEvent = { [N in EventName]: { name: N; payload: CrosswalkEvents[N] } }[EventName];

export const isEventName = (value: unknown): value is EventName => typeof value === 'string' && (eventNames as readonly string[]).includes(value);
