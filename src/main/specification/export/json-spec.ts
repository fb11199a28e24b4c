import type { SpecDocument } from '../spec-document';

/** The JSON export: the SpecDocument as is (docs/spec-format.md), check results included. */
export const jsonSpec = (document: SpecDocument) => `${JSON.stringify(document, null, 2)}\n`;
