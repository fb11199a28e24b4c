// Codes a field's description lists with their meaning ("M (Male), F (Female)", "A = Active; T = Terminated",
// "1 - Monthly, 2 - Weekly"): a source with no enum often documents its values this way, and a value map
// can be suggested from them.
import { suggestValueMap, type ValueMapSuggestion } from './value-map';

export interface DescribedCode {
  code: string;
  label: string;
}

/** A code: a short token of letters, digits, '_' or '-' (at most 12 characters), optionally quoted. */
const CODE = String.raw`['"]?([A-Za-z0-9][A-Za-z0-9_-]{0,11})['"]?`;
const LABEL = String.raw`([A-Za-z][^,;()\n=]{0,40}?)`;
const FORMS = [
  // M (Male), F (Female)
  new RegExp(String.raw`(?:^|[\s,;:(\[])${CODE}\s*\(\s*${LABEL}\s*\)`, 'g'),
  // M = Male; F: Female; 1 - Monthly; M → Male
  new RegExp(String.raw`(?:^|[\s,;:(\[])${CODE}\s*(?:=|:|→|->|–|-)\s*${LABEL}\s*(?=[,;.)\]\n]|\s+(?:or|and)\s|$)`, 'g'),
];

/**
 * The codes the description lists, in order, when it lists at least two in one form; [] otherwise. A
 * sentence that merely contains a parenthesis ("the id (unique)") is not a list: two codes are needed, and
 * each code must be shorter than its label.
 */
export function codesInDescription(description: string | undefined): DescribedCode[] {
  if (!description) return [];
  for (const form of FORMS) {
    const found: DescribedCode[] = [];
    for (const match of description.matchAll(form)) {
      const code = match[1]!;
      const label = match[2]!.trim();
      if (code.length >= label.length || found.some((entry) => entry.code === code)) continue;
      found.push({ code, label });
    }
    if (found.length >= 2) return found;
  }
  return [];
}

/**
 * A value map from the codes a source description lists: each code to the target enum value its label (or
 * the code itself) matches, or, when the target is free text, to the label. Empty when the description
 * lists no codes.
 */
export function suggestFromDescribedCodes(sourceDescription: string | undefined, targetEnum: unknown[] | undefined, targetDescription?: string): ValueMapSuggestion[] {
  const codes = codesInDescription(sourceDescription);
  if (codes.length === 0) return [];
  const listed = codes.map((entry) => `${entry.code} (${entry.label})`).join(', ');
  if (!targetEnum || targetEnum.length === 0) {
    return codes.map((entry) => ({ source: entry.code, target: entry.label, score: 0.6, reason: `label in the source's description: ${listed}` }));
  }
  const byLabel = suggestValueMap(codes.map((entry) => entry.label), targetEnum, targetDescription);
  const byCode = suggestValueMap(codes.map((entry) => entry.code), targetEnum, targetDescription);
  return codes.map((entry, index) => {
    const label = byLabel[index]!;
    const code = byCode[index]!;
    const best = label.target !== null && label.score >= code.score ? label : code;
    if (best.target === null) return { source: entry.code, target: null, score: 0, reason: `no target value for “${entry.label}” (source description)` };
    return { source: entry.code, target: best.target, score: best.score * 0.9, reason: `${best.reason}, by the source's description (${entry.code} = ${entry.label})` };
  });
}
