import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_THRESHOLD } from '../../../src/main/mapping/suggest';
import { crosswalk } from '../../helpers/cli';

const root = path.resolve(__dirname, '../../..');
const demo = (file: string) => path.join(root, 'resources/demo', file);

describe('crosswalk suggest', () => {
  it('prints one entry per target leaf field with at most three candidates, the JSON contract', () => {
    const result = crosswalk(['suggest', demo('crm.openapi.yaml'), 'Order', demo('accounting.swagger.json'), 'Invoice', '--json']);
    expect(result.status).toBe(0);
    const suggestions: Array<{ target: string; candidates: Array<{ source: string; score: number; reasons: unknown[] }> }> = JSON.parse(result.stdout);
    // One entry per leaf field of the Invoice (49), and one per list of objects paired whole (line_items[]).
    expect(suggestions.filter((entry) => !entry.target.endsWith('[]'))).toHaveLength(49);
    for (const entry of suggestions) {
      expect(Object.keys(entry).sort()).toEqual(['candidates', 'target']);
      expect(typeof entry.target).toBe('string');
      expect(entry.candidates.length).toBeLessThanOrEqual(3);
      for (const candidate of entry.candidates) {
        expect(Object.keys(candidate).sort()).toEqual(['reasons', 'score', 'source']);
        // Alternatives are offered down to ALTERNATIVE_THRESHOLD; each says why.
        expect(candidate.score).toBeGreaterThanOrEqual(ALTERNATIVE_THRESHOLD);
        expect(candidate.score).toBeLessThanOrEqual(1);
        expect(candidate.reasons.length).toBeGreaterThan(0);
        expect(candidate.reasons.every((reason) => typeof reason === 'string')).toBe(true);
      }
    }
    const byTarget = Object.fromEntries(suggestions.map((entry) => [entry.target, entry.candidates]));
    expect(byTarget['line_items[].qty']?.[0]?.source).toBe('lines[].quantity');
    expect(byTarget['billing_address.postcode']?.[0]?.source).toBe('billingAddress.postalCode');
    expect(suggestions.map((entry) => entry.target)).not.toContain('line_items');
    // The list itself: paired with the source's list, placed just before its element rows.
    const targets = suggestions.map((entry) => entry.target);
    expect(byTarget['line_items[]']?.[0]?.source).toBe('lines[]');
    expect(byTarget['line_items[]']?.[0]?.reasons[0]).toMatch(/^array pairing: \d+ of \d+ element fields are suggested from lines\[\]/);
    expect(targets.indexOf('line_items[]')).toBe(targets.findIndex((target) => target.startsWith('line_items[].')) - 1);
  });

  it('takes source and target from one document, and lists a split of a full name with its pseudocode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-suggest-'));
    const file = path.join(dir, 'people.openapi.json');
    const schema = (properties: string[]) => ({ type: 'object', properties: Object.fromEntries(properties.map((name) => [name, { type: 'string' }])) });
    fs.writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'People', version: '1' }, paths: {}, components: { schemas: { User: schema(['name', 'username']), Member: schema(['first_name', 'last_name', 'email']) } } }));
    const result = crosswalk(['suggest', file, 'User', file, 'Member', '--json']);
    expect(result.status).toBe(0);
    const suggestions: Array<{ target: string; candidates: Array<{ source: string; reasons: string[] }> }> = JSON.parse(result.stdout);
    const byTarget = Object.fromEntries(suggestions.map((entry) => [entry.target, entry.candidates]));
    expect(byTarget['first_name']?.[0]?.source).toBe('name');
    expect(byTarget['first_name']?.[0]?.reasons[0]).toMatch(/^split: name \(a full name\) → given name/);
    expect(byTarget['last_name']?.[0]?.source).toBe('name');
    expect(byTarget['last_name']?.[0]?.reasons.some((reason) => reason.startsWith('pseudocode: '))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a readable table without --json', () => {
    const result = crosswalk(['suggest', demo('crm.openapi.yaml'), 'Customer', demo('accounting.swagger.json'), 'Contact']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/given_name\s+1\.00\s+firstName \(/);
  });

  it('names near matches for an unknown entity (exit 1) and reports wrong usage (exit 2)', () => {
    const unknown = crosswalk(['suggest', demo('crm.openapi.yaml'), 'Ordr', demo('accounting.swagger.json'), 'Invoice']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/has no schema named "Ordr": did you mean .*"Order"/);
    const usage = crosswalk(['suggest', demo('crm.openapi.yaml'), 'Order']);
    expect(usage.status).toBe(2);
  });
});
