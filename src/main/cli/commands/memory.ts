import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';
import { memoryAt } from '../../mapping/memory';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

/** `crosswalk memory list [--json] | erase [<id>] | export <file> | import <file>`: the mapping memory across workspaces. */
export async function memoryCommand(args: string[], flags: Flags, io: Io): Promise<number> {
  const [action, argument, ...extra] = args;
  const memory = memoryAt();
  if (extra.length > 0) throw new UsageError('memory takes one action and at most one argument.');
  switch (action) {
    case 'list': {
      if (argument !== undefined) throw new UsageError('memory list takes no argument.');
      const entries = memory.list();
      if (flags.json) io.out(JSON.stringify(entries));
      else if (entries.length === 0) io.out(`The mapping memory (${memory.file}) is empty.`);
      else
        for (const entry of entries)
          io.out(`${entry.id}  ${entry.decision.padEnd(8)}  ${entry.targetEntity}.${entry.target} ← ${entry.sourceEntity}.${entry.source}  (${entry.decidedAt.slice(0, 10)})`);
      return 0;
    }
    case 'erase': {
      const erased = memory.erase(argument);
      io.out(argument === undefined ? `Erased the mapping memory (${erased} pair${erased === 1 ? '' : 's'}).` : `Erased ${argument}.`);
      return 0;
    }
    case 'export': {
      if (!argument) throw new UsageError('memory export takes the file to write.');
      fs.writeFileSync(argument, memory.exportText());
      io.out(`Wrote ${memory.list().length} pairs to ${path.resolve(argument)}.`);
      return 0;
    }
    case 'import': {
      if (!argument) throw new UsageError('memory import takes the file to read.');
      let text: string;
      try {
        text = fs.readFileSync(argument, 'utf8');
      } catch (error) {
        throw new UserError('BAD_MEMORY_FILE', `Cannot read ${argument}: ${(error as Error).message}.`);
      }
      const { added, total } = memory.importText(text, argument);
      io.out(`Merged ${argument}: ${added} new pair${added === 1 ? '' : 's'}, ${total} in the memory.`);
      return 0;
    }
    default:
      throw new UsageError(`memory takes list, erase, export or import${action ? `, not "${action}"` : ''}.`);
  }
}
