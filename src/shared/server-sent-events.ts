// The web host's event stream (GET /events), written by main and read by the renderer: one event per
// block of `event: <name>` and `data: <payload as JSON>` lines, blocks ending in a blank line.
import { isEventName, type CrosswalkEvent } from './contract/events';

export const formatServerSentEvent = ({ name, payload }: CrosswalkEvent): string => `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

/** Splits what arrived so far into complete blocks; `rest` is the start of the next one. */
export function takeBlocks(buffered: string): { blocks: string[]; rest: string } {
  const blocks = buffered.split('\n\n');
  return { rest: blocks.pop() ?? '', blocks };
}

/** One block as an event, or null for a comment (keep-alive), an unknown name or broken data. */
export function parseServerSentEvent(block: string): CrosswalkEvent | null {
  let name = '';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) name = line.slice('event: '.length);
    else if (line.startsWith('data: ')) data += line.slice('data: '.length);
  }
  if (!isEventName(name) || data === '') return null;
  try {
    return { name, payload: JSON.parse(data) } as CrosswalkEvent;
  } catch {
    return null;
  }
}
