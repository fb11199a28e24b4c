import { describe, expect, it } from 'vitest';
import type { CatalogueShape } from '../../../src/shared/catalogue';
import { typeText } from '../../../src/renderer/src/areas/systems/field-format';

const shape = (extra: Partial<CatalogueShape>): CatalogueShape => ({ type: 'object', nullable: false, readOnly: false, writeOnly: false, deprecated: false, ...extra });

describe('typeText', () => {
  it('names maps by their value type and a free-form map as such', () => {
    expect(typeText(shape({ mapValueType: 'integer' }))).toBe('map of integer');
    expect(typeText(shape({ freeForm: true }))).toBe('free-form map');
    expect(typeText(shape({}))).toBe('object');
  });
});
