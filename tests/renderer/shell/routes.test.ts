// Places in the URL hash: the area, and where the analyst is inside Systems and the spec.
import { describe, expect, it } from 'vitest';
import { areaFromHash, areaFromMenuCommand, hashFor, subRouteFromHash } from '../../../src/renderer/src/shell/areas';
import { sectionFromSegment } from '../../../src/renderer/src/areas/specification/sections';
import { placeFromSegments, segmentsFor } from '../../../src/renderer/src/areas/systems/route';

describe('routes', () => {
  it('reads the area from the hash, the overview when there is none', () => {
    expect(areaFromHash('#/systems/2/entities')).toBe('systems');
    expect(areaFromHash('#/nowhere')).toBe('overview');
    expect(areaFromHash('')).toBe('overview');
    expect(areaFromMenuCommand('go:spec')).toBe('spec');
    expect(areaFromMenuCommand('new-workspace')).toBeNull();
  });

  it('keeps a place inside an area, a "/" in it included', () => {
    const hash = hashFor('systems', '2', 'operations', 'GET /orders/{id}');
    expect(hash).toBe('#/systems/2/operations/GET%20%2Forders%2F%7Bid%7D');
    expect(subRouteFromHash(hash, 'systems')).toEqual(['2', 'operations', 'GET /orders/{id}']);
    expect(subRouteFromHash(hashFor('systems', '2', 'entities', 'schema:Order'), 'systems')).toEqual(['2', 'entities', 'schema:Order']);
    expect(subRouteFromHash(hash, 'mapping')).toEqual([]);
  });

  it('writes a Systems place back into the segments it was read from', () => {
    for (const segments of [[], ['2'], ['2', 'auth'], ['2', 'entities', 'schema:Order'], ['2', 'operations', 'GET /orders']]) {
      expect(segmentsFor(placeFromSegments(segments))).toEqual(segments);
    }
    expect(placeFromSegments(['x', 'nowhere'])).toEqual({ systemId: null, tab: 'entities', item: null });
  });

  it('opens the business case for an unknown spec section', () => {
    expect(sectionFromSegment('test-cases')).toBe('test-cases');
    expect(sectionFromSegment(undefined)).toBe('business-case');
    expect(sectionFromSegment('nothing')).toBe('business-case');
  });
});
