// Roles that tell same-named fields apart (issue 15, round h15-roles): links, identifiers by format, dates of other
// events, flags. Each rule alone, on small entities.
import { describe, expect, it } from 'vitest';
import { suggestMappings } from '../../../src/main/mapping/suggest';
import { entity, field } from '../../helpers/catalogue-fields';

const top = (result: ReturnType<typeof suggestMappings>, target: string) => result.find((entry) => entry.target === target)?.candidates ?? [];

describe('links by role', () => {
  const hook = entity('Hook', [
    field('id', { type: 'integer' }),
    field('url', { format: 'uri' }),
    field('ping_url', { format: 'uri' }),
    field('config.url', { format: 'uri' }),
  ]);
  it('a link held for a purpose is not the record’s own link, nor a link of another purpose', () => {
    const result = suggestMappings(hook, entity('Subscription', [field('callbackUrl'), field('deactivationUrl')]));
    expect(top(result, 'callbackUrl').map((c) => c.source)).not.toContain('url');
    expect(top(result, 'callbackUrl')[0]?.source).toBe('config.url');
    for (const other of ['url', 'ping_url']) expect(top(result, 'deactivationUrl').map((c) => c.source)).not.toContain(other);
  });
  it('links of one purpose named by different words meet (a payload URL is where a webhook delivers)', () => {
    const result = suggestMappings(entity('Webhook', [field('url', { format: 'uri' }), field('payload_url')]), entity('Subscription', [field('webhookUrl'), field('url')]));
    expect(top(result, 'webhookUrl')[0]?.source).toBe('payload_url');
    expect(top(result, 'url')[0]?.source).toBe('url');
  });
  it('a web site in a list of links fills a home page; a file’s download link is its own link', () => {
    const contact = suggestMappings(entity('Person', [field('websites[].url'), field('avatar_url')]), entity('Contact', [field('businessHomePage', { format: 'uri' })]));
    expect(top(contact, 'businessHomePage')[0]?.source).toBe('websites[].url');
    const file = suggestMappings(entity('File', [field('url', { format: 'uri' }), field('name')]), entity('Document', [field('download_uri')]));
    expect(top(file, 'download_uri')[0]?.source).toBe('url');
  });
});

describe('identifiers by format', () => {
  it('a record’s GUID beside its whole-number id is not filled from another whole-number id; a lone GUID is', () => {
    const result = suggestMappings(entity('Hook', [field('id', { type: 'integer' }), field('name')]), entity('Webhook', [field('id', { type: 'integer' }), field('webhookGUID')]));
    expect(top(result, 'id')[0]?.source).toBe('id');
    expect(top(result, 'webhookGUID')).toEqual([]);
    const lone = suggestMappings(entity('Hook', [field('id', { type: 'integer' }), field('name')]), entity('Webhook', [field('webhookGUID'), field('name')]));
    expect(top(lone, 'webhookGUID')[0]?.source).toBe('id');
  });
});

describe('dates of other events', () => {
  const deal = entity('Deal', [
    field('created_at', { format: 'date-time' }),
    field('updated_at', { format: 'date-time' }),
    field('ended_at', { format: 'date-time' }),
    field('expected_end_at', { format: 'date-time' }),
  ]);
  it('when a thing the record refers to was created or changed is not when the record was', () => {
    const result = suggestMappings(
      deal,
      entity('Opportunity', [
        field('stage_id'),
        field('lead_id'),
        field('date_stage_changed', { format: 'date-time' }),
        field('date_lead_created', { format: 'date-time' }),
        field('opportunity_updated_at', { format: 'date-time' }),
        field('content_created_at', { format: 'date-time' }),
      ]),
    );
    expect(top(result, 'date_stage_changed')).toEqual([]);
    expect(top(result, 'date_lead_created')).toEqual([]);
    // The record's own name, or a word naming nothing it refers to, qualifies the record's own event.
    expect(top(result, 'opportunity_updated_at')[0]?.source).toBe('updated_at');
    expect(top(result, 'content_created_at')[0]?.source).toBe('created_at');
  });
  it('a deal closes when it ends; an expected close is the expected end, not the actual one', () => {
    const result = suggestMappings(deal, entity('Opportunity', [field('closedDate', { format: 'date-time' }), field('projectedCloseDate', { format: 'date-time' })]));
    expect(top(result, 'closedDate')[0]?.source).toBe('ended_at');
    expect(top(result, 'projectedCloseDate')[0]?.source).toBe('expected_end_at');
    expect(top(result, 'projectedCloseDate')[0]?.reasons).toContain('both when it ends (expires, terminates, valid until), both expected');
  });
});

describe('flags', () => {
  it('a record in use: active and enabled name one flag', () => {
    const result = suggestMappings(entity('Webhook', [field('enabled', { type: 'boolean' }), field('ssl_verification', { type: 'boolean' })]), entity('Subscription', [field('isActive', { type: 'boolean' })]));
    expect(top(result, 'isActive')[0]?.source).toBe('enabled');
  });
});
