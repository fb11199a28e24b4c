import { describe, expect, it } from 'vitest';
import type { MappingRow } from '../../../src/shared/contract';
import { suggestRowValueMap } from '../../../src/main/mapping/rows';
import { codesInDescription, suggestFromDescribedCodes } from '../../../src/main/mapping/suggest/description-codes';
import { entity, field } from '../../helpers/catalogue-fields';

const row = (targetPath: string, sourcePaths: string[]) => ({ id: 1, targetPath, sourcePaths }) as unknown as MappingRow;

describe('codes listed in a description', () => {
  it('reads the usual ways of listing codes with their meaning', () => {
    expect(codesInDescription('Gender of the employee: M (Male), F (Female), X (Not specified).')).toEqual([
      { code: 'M', label: 'Male' },
      { code: 'F', label: 'Female' },
      { code: 'X', label: 'Not specified' },
    ]);
    expect(codesInDescription('Status. A = Active; T = Terminated; L = On leave')).toEqual([
      { code: 'A', label: 'Active' },
      { code: 'T', label: 'Terminated' },
      { code: 'L', label: 'On leave' },
    ]);
    expect(codesInDescription('Pay frequency: 1 - Monthly, 2 - Weekly, 3 - Fortnightly.').map((entry) => entry.code)).toEqual(['1', '2', '3']);
    expect(codesInDescription("Marital status code: 'S': Single, 'M': Married").map((entry) => `${entry.code}=${entry.label}`)).toEqual(['S=Single', 'M=Married']);
  });

  it('does not read a list into ordinary sentences', () => {
    expect(codesInDescription('The unique identifier (UUID) of the employee.')).toEqual([]);
    expect(codesInDescription('Date of birth (ISO 8601).')).toEqual([]);
    expect(codesInDescription('See section 4 - Payroll for details.')).toEqual([]);
    expect(codesInDescription(undefined)).toEqual([]);
  });
});

describe('value maps suggested from a source description', () => {
  it('maps each code to the target value its label matches, and says why', () => {
    const suggested = suggestFromDescribedCodes('M (Male), F (Female), U (Unknown)', ['MALE', 'FEMALE', 'NOT_DISCLOSED']);
    expect(suggested.map((entry) => [entry.source, entry.target])).toEqual([
      ['M', 'MALE'],
      ['F', 'FEMALE'],
      ['U', null],
    ]);
    expect(suggested[0]!.reason).toContain('M = Male');
  });

  it('maps codes to their labels when the target is free text', () => {
    expect(suggestFromDescribedCodes('A = Active; T = Terminated', undefined).map((entry) => [entry.source, entry.target])).toEqual([
      ['A', 'Active'],
      ['T', 'Terminated'],
    ]);
  });

  it('is what the value-map dialog offers for a row whose source has codes in its description but no enum', () => {
    const source = entity('Person', [field('sex', { description: 'Sex of the person: M (Male), F (Female).' }), field('status', { enum: ['A', 'T'] })]);
    const target = entity('Employee', [field('gender', { enum: ['male', 'female', 'other'] }), field('employmentStatus', { enum: ['active', 'terminated'] })]);
    expect(suggestRowValueMap(row('gender', ['sex']), source, target).map((entry) => [entry.source, entry.target])).toEqual([
      ['M', 'male'],
      ['F', 'female'],
    ]);
    // A documented enum wins over the description; its codes do not match the target's words here.
    expect(suggestRowValueMap(row('employmentStatus', ['status']), source, target).map((entry) => entry.target)).toEqual([null, null]);
  });
});
