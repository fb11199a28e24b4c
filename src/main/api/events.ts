import type { CrosswalkEvent, CrosswalkEvents, EventName } from '../../shared/contract/events';

type Listener = (event: CrosswalkEvent) => void;

/** Main's events, fanned out to whichever transports listen (the window over IPC, browser tabs over SSE). */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<N extends EventName>(name: N, payload: CrosswalkEvents[N]): void {
    const event = { name, payload } as CrosswalkEvent;
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
