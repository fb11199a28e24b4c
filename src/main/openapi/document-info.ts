import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { UserError } from '../errors';
import type { StoredDocument } from './systems';

export type ApiDocument = StoredDocument;

/** Reads an OpenAPI/Swagger document's identity (no $ref resolution, no validation). */
export async function readApiDocument(file: string): Promise<ApiDocument> {
  const source = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch {
    throw new UserError('SPEC_NOT_FOUND', `Cannot read the API document ${source}: check the path.`);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = (await SwaggerParser.parse(source)) as unknown as Record<string, unknown>;
  } catch (error) {
    throw new UserError('SPEC_INVALID', `${source} is not a readable OpenAPI document: ${(error as Error).message}`);
  }
  const info = (parsed.info ?? {}) as { title?: unknown; version?: unknown };
  return {
    text,
    files: {},
    format: /^\s*[{[]/.test(text) ? 'json' : 'yaml',
    title: String(info.title ?? ''),
    apiVersion: String(info.version ?? ''),
    specVersion: String(parsed.openapi ?? parsed.swagger),
    source,
  };
}
