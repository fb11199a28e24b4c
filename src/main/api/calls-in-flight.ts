import { randomUUID } from 'node:crypto';

/** The calls a transport is running, by the caller's call id, so that a cancel can reach one. */
export class CallsInFlight {
  private readonly running = new Map<string, AbortController>();

  /** Registers a call; `finish` forgets it once it answered. A caller without an id gets one (it cannot cancel). */
  start(callId: string | undefined): { callId: string; signal: AbortSignal; cancel(): void; finish(): void } {
    const id = callId && !this.running.has(callId) ? callId : randomUUID();
    const controller = new AbortController();
    this.running.set(id, controller);
    return {
      callId: id,
      signal: controller.signal,
      cancel: () => controller.abort(),
      finish: () => {
        if (this.running.get(id) === controller) this.running.delete(id);
      },
    };
  }

  /** Cancels the call with this id; false when none runs (it already answered). */
  cancel(callId: string): boolean {
    const controller = this.running.get(callId);
    controller?.abort();
    return controller !== undefined;
  }
}
