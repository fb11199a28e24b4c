import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Catalogue } from '../../../shared/catalogue';
import { UserError } from '../../errors';
import { buildCatalogue } from '../../openapi/catalogue';
import { diffCatalogues, formatDiffReport } from '../../openapi/diff';
import type { Flags, Io } from '../io';
import { UsageError } from '../usage';

export async function diffCommand([oldFile, newFile, ...extra]: string[], flags: Flags, io: Io): Promise<number> {
  if (!oldFile || !newFile || extra.length > 0) throw new UsageError('diff takes two arguments: the old and the new API document.');
  const before = await loadCatalogue(oldFile);
  const after = await loadCatalogue(newFile);
  const diff = diffCatalogues(before, after);
  if (flags.json) io.out(JSON.stringify(diff));
  else io.out([`${oldFile} -> ${newFile}`, ...formatDiffReport(diff)].join('\n'));
  return 0;
}

/** One API document's catalogue; every failure becomes one sentence naming the file. */
async function loadCatalogue(file: string): Promise<Catalogue> {
  const source = path.resolve(file);
  const unreadable = (reason: string) => new UserError('API_DOC_INVALID', `Cannot read ${file} as an API document: ${reason}.`);
  try {
    if (fs.statSync(source).isDirectory()) throw unreadable('it is a folder');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw unreadable((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message);
  }
  let document: unknown;
  try {
    document = await SwaggerParser.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    // YAML/JSON syntax errors carry a code excerpt after the first line; the rest of the parser's errors mean "not OpenAPI".
    if ((error as Error).name === 'ParserError') throw unreadable(`it is not valid JSON or YAML (${message.split('\n')[0]!.replace(/^Error parsing [^:]*: /, '')})`);
    throw unreadable('it is not an OpenAPI 3.x or Swagger 2.0 document');
  }
  try {
    return buildCatalogue(document);
  } catch {
    throw unreadable('it is not an OpenAPI 3.x or Swagger 2.0 document');
  }
}
