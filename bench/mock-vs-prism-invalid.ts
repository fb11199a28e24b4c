// The same invalid requests to Crosswalk's mock and to Stoplight Prism, side by side (never in npm test):
//   npx tsx bench/mock-vs-prism-invalid.ts
// For each: which rejects (status) and the parameter or JSON pointer each names — ours in the
// problem+json body (`errors[].pointer`), Prism in its `sl-violations` header. Every request Prism rejects
// must be rejected by ours, naming the same place or a deeper one; the bench exits 1 when not.
import path from 'node:path';
import { ensureMockTools, firstAnswer, freePort, REPOSITORY, startCrosswalkMock, startPrism } from './mock-tools';

const CRM = path.join(REPOSITORY, 'resources', 'demo', 'crm.openapi.yaml');
const ID = '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013';
const AUTH = { authorization: 'Bearer bench' };
const customer = { firstName: 'Maria', lastName: 'Okafor', email: 'maria@example.com' };
const address = { addressType: 'BILLING', street1: '1 Road', city: 'Bristol', postalCode: 'BS1', country: 'GB' };

interface Case {
  what: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
}

const cases: Case[] = [
  { what: 'limit below its minimum', path: '/customers?limit=0' },
  { what: 'limit above its maximum', path: '/customers?limit=500' },
  { what: 'limit not a number', path: '/customers?limit=ten' },
  { what: 'limit not an integer', path: '/customers?limit=1.5' },
  { what: 'path id not a uuid', path: '/customers/not-a-uuid' },
  { what: 'no credentials', path: `/customers/${ID}`, headers: { authorization: '' } },
  { what: 'status not in its enum', path: '/orders?status=LOST' },
  { what: 'updatedSince not a date-time', path: '/orders?updatedSince=yesterday' },
  { what: 'expand not in its enum', path: `/orders/${ID}?expand=everything` },
  { what: 'body empty object', method: 'POST', path: '/customers', json: {} },
  { what: 'body without email', method: 'POST', path: '/customers', json: { firstName: 'A', lastName: 'B' } },
  { what: 'email not an email', method: 'POST', path: '/customers', json: { ...customer, email: 'not-an-email' } },
  { what: 'firstName a number', method: 'POST', path: '/customers', json: { ...customer, firstName: 42 } },
  { what: 'firstName too long', method: 'POST', path: '/customers', json: { ...customer, firstName: 'x'.repeat(81) } },
  { what: 'phone against its pattern', method: 'POST', path: '/customers', json: { ...customer, phone: '0044 1632' } },
  { what: 'customerTier not in its enum', method: 'POST', path: '/customers', json: { ...customer, customerTier: 'Platinum' } },
  { what: 'marketingOptIn a string', method: 'POST', path: '/customers', json: { ...customer, marketingOptIn: 'yes' } },
  { what: 'addresses not a list', method: 'POST', path: '/customers', json: { ...customer, addresses: address } },
  { what: 'address missing required fields', method: 'POST', path: '/customers', json: { ...customer, addresses: [{ addressType: 'BILLING' }] } },
  { what: 'address country lower-case', method: 'POST', path: '/customers', json: { ...customer, addresses: [{ ...address, country: 'gb' }] } },
  { what: 'address type not in its enum', method: 'POST', path: '/customers', json: { ...customer, addresses: [{ ...address, addressType: 'HOME' }] } },
  { what: 'more addresses than maxItems', method: 'POST', path: '/customers', json: { ...customer, addresses: Array.from({ length: 11 }, () => address) } },
  { what: 'body not JSON', method: 'POST', path: '/customers', body: '{"firstName":', headers: { 'content-type': 'application/json' } },
  { what: 'required body missing', method: 'POST', path: '/customers', headers: { 'content-type': 'application/json' } },
  { what: 'PATCH firstName a number', method: 'PATCH', path: `/customers/${ID}`, json: { firstName: 5 }, headers: { 'content-type': 'application/merge-patch+json' } },
  { what: 'cancel reason too long', method: 'POST', path: `/orders/${ID}/cancel`, json: { reason: 'x'.repeat(501) } },
  { what: 'cancel order id not a uuid', method: 'POST', path: '/orders/12/cancel', json: {} },
];

interface Answer {
  status: number;
  places: string[];
}

const rejects = (answer: Answer) => answer.status >= 400 && answer.status < 500;

async function send(base: string, test: Case, reading: 'ours' | 'prism'): Promise<Answer> {
  const headers: Record<string, string> = { ...AUTH, ...(test.json !== undefined ? { 'content-type': 'application/json' } : {}), ...test.headers };
  if (headers.authorization === '') delete headers.authorization;
  const response = await fetch(`${base}${test.path}`, { method: test.method ?? 'GET', headers, body: test.json !== undefined ? JSON.stringify(test.json) : test.body });
  const text = await response.text();
  if (reading === 'prism') {
    const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as Array<{ location: string[]; code: string | number }>;
    // ['request'] names the request as a whole: missing credentials (code 401) or a missing body.
    const place = (violation: { location: string[]; code: string | number }) =>
      violation.location.length > 1 ? `/${violation.location.slice(1).join('/')}` : violation.code === 401 ? '(credentials)' : '(the request)';
    return { status: response.status, places: violations.map(place) };
  }
  let places: string[] = [];
  try {
    const body = JSON.parse(text) as { errors?: Array<{ pointer: string }> };
    places = body.errors?.map((error) => error.pointer) ?? [];
  } catch {
    // not a problem body
  }
  if (response.status === 401) places = ['(credentials)'];
  return { status: response.status, places };
}

/** Ours names Prism's place or a deeper one (path parameter names compared without case: Prism lower-cases them). */
function asPrecise(ours: Answer, prism: Answer): boolean {
  if (!rejects(prism)) return true;
  if (!rejects(ours)) return false;
  const within = (mine: string, place: string) => place === '(the request)' || mine.toLowerCase() === place.toLowerCase() || mine.toLowerCase().startsWith(`${place.toLowerCase()}/`);
  return prism.places.every((place) => ours.places.some((mine) => within(mine, place)));
}

async function main() {
  const tools = ensureMockTools();
  const ours = startCrosswalkMock(CRM, await freePort(), '/v2');
  const prism = startPrism(tools.prism, CRM, await freePort());
  let failures = 0;
  try {
    const since = performance.now();
    await Promise.all([firstAnswer(`${ours.base}/customers`, AUTH, since, 60_000), firstAnswer(`${prism.base}/customers`, AUTH, since, 60_000)]);
    console.log(`${cases.length} invalid requests to the demo CRM document (OpenAPI 3.1): status and the place each mock names\n`);
    console.log(`${'request'.padEnd(34)} ${'Crosswalk'.padEnd(58)} ${'Prism'.padEnd(58)} ok`);
    let prismRejected = 0;
    let oursRejected = 0;
    for (const test of cases) {
      const [mine, theirs] = [await send(ours.base, test, 'ours'), await send(prism.base, test, 'prism')];
      const ok = asPrecise(mine, theirs);
      if (!ok) failures++;
      if (rejects(mine)) oursRejected++;
      if (rejects(theirs)) prismRejected++;
      const cell = (answer: Answer) => `${answer.status} ${answer.places.join(', ')}`.slice(0, 58).padEnd(58);
      console.log(`${test.what.padEnd(34)} ${cell(mine)} ${cell(theirs)} ${ok ? 'yes' : 'NO'}`);
    }
    console.log(`\nRejected: Crosswalk ${oursRejected}/${cases.length}, Prism ${prismRejected}/${cases.length}. Requests Prism rejects that ours does not, or names less precisely: ${failures}.`);
  } finally {
    await Promise.all([ours.stop(), prism.stop()]);
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
