// Identifiers by format. A record holding both a whole-number identifier (`id: 42`) and a GUID (`webhookGUID`) names
// two schemes: the GUID is the second, so another record's whole-number id fills the first, not the GUID. A GUID on
// its own (a record identified by it alone) may still be filled from a whole-number id: analysts map an id to an id.
import type { CatalogueField } from '../../../shared/catalogue';
import type { Prepared } from './prepare';
import { splitWords } from './tokens';

const GUID_WORDS = new Set(['guid', 'uuid']);

const namedGuid = (field: CatalogueField): boolean =>
  field.format === 'uuid' || field.format === 'guid' || splitWords(field.name).some((word) => GUID_WORDS.has(word.toLowerCase()));

/** Marks the top-level GUIDs of a record that also has a whole-number identifier. */
export function markSecondGuids(fields: Prepared[]): void {
  const numberId = fields.some((p) => p.top && p.hasId && (p.baseType === 'integer' || p.baseType === 'number') && !p.reference && !namedGuid(p.field));
  for (const p of fields) p.guid = numberId && p.top && p.baseType === 'string' && p.hasId && namedGuid(p.field);
}

/** A record's second identifier (a GUID) against a whole number. */
export const GUID_AGAINST_NUMBER = 0.5;
