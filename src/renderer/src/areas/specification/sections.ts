// The spec workbench's sections, in outline order, and their routes (#/spec/<section>).
export const sectionIds = [
  'business-case',
  'requirements',
  'use-cases',
  'inputs',
  'test-cases',
  'questions',
  'sign-off',
  'export',
] as const;

export type SectionId = (typeof sectionIds)[number];

export const sectionTitles: Record<SectionId, string> = {
  'business-case': 'Business case',
  requirements: 'Requirements',
  'use-cases': 'Use cases',
  inputs: 'Configurable inputs',
  'test-cases': 'Test cases',
  questions: 'Open questions & corner cases',
  'sign-off': 'Change log & sign-off',
  export: 'Export',
};

export const DEFAULT_SECTION: SectionId = 'business-case';

/** The section a route segment names; the business case for #/spec alone or an unknown name. */
export function sectionFromSegment(segment: string | undefined): SectionId {
  return sectionIds.find((id) => id === segment) ?? DEFAULT_SECTION;
}
