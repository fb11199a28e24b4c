import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { UserError } from '../errors';

export interface ApiDocument {
  /** The document exactly as written, kept so re-imports and exports can refer to it. */
  text: string;
  format: 'json' | 'yaml';
  title: string;
  apiVersion: string;
  /** The value of the document's `openapi` or `swagger` field, e.g. "3.1.0" or "2.0". */
  specVersion: string;
  source: string;
}

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
    format: /^\s*[{[]/.test(text) ? 'json' : 'yaml',
    title: String(info.title ?? ''),
    apiVersion: String(info.version ?? ''),
    specVersion: String(parsed.openapi ?? parsed.swagger),
    source,
  };
}
