// Descriptions and enumeration values as evidence (issue 15): each signal alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('one-value enumerations', () => {
  it('a one-value enumeration named like the target, holding one of its values, is that field (direction: outbound)', () => {
    const result = suggestMappings(
      entity('OutboundMessage', [field('direction', { enum: ['outbound'] }), field('text')]),
      entity('Message', [field('direction', { enum: ['inbound', 'outbound-api', 'outbound-reply'] }), field('body')]),
    );
    expect(top(result, 'direction')[0]?.source).toBe('direction');
  });
  it('a value the target does not hold keeps it a constant (type: file against type: folder/link)', () => {
    const result = suggestMappings(entity('File', [field('type', { enum: ['file'] })]), entity('Item', [field('type', { enum: ['folder', 'web_link'] })]));
    expect(top(result, 'type').map((c) => c.source)).not.toContain('type');
  });
});
