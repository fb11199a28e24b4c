// Realistic values by field name (and format), from @faker-js/faker seeded per value: a `firstName`
// looks like a first name, an `email` like an address, an `amount` like money. Only candidates: the
// generator keeps one only when it fits the field's schema.
import type { Faker } from '@faker-js/faker';
import type { Random } from './random';

let loaded: Faker | undefined;
/** Loaded on first use (English only: ~60 ms), so a mock that never needs it starts faster. */
function fakerSeeded(seed: number): Faker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand: a mock of a document without such fields never pays for it
  loaded ??= (require('@faker-js/faker/locale/en') as typeof import('@faker-js/faker/locale/en')).faker;
  loaded.seed(seed);
  return loaded;
}

const BASE_DATE = Date.UTC(2026, 0, 1);

/** A value of `format` for a string schema, or undefined for formats it does not know. */
export function formatted(format: string, random: Random): string | undefined {
  const day = new Date(BASE_DATE - random.int(0, 3 * 365) * 86_400_000 + random.int(0, 86_399) * 1000);
  switch (format) {
    case 'date':
      return day.toISOString().slice(0, 10);
    case 'date-time':
    case 'iso-date-time':
      return day.toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'time':
    case 'iso-time':
      return day.toISOString().slice(11, 19) + 'Z';
    case 'duration':
      return `P${random.int(1, 30)}D`;
    case 'email':
    case 'idn-email':
      return fakerSeeded(random.int(0, 2 ** 31)).internet.email().toLowerCase();
    case 'uri':
    case 'url':
    case 'iri':
      return fakerSeeded(random.int(0, 2 ** 31)).internet.url();
    case 'uri-reference':
    case 'iri-reference':
      return `/${fakerSeeded(random.int(0, 2 ** 31)).lorem.slug(2)}`;
    case 'uri-template':
      return 'https://api.example.com/items/{id}';
    case 'hostname':
    case 'idn-hostname':
      return fakerSeeded(random.int(0, 2 ** 31)).internet.domainName();
    case 'ipv4':
      return [random.int(1, 223), random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.');
    case 'ipv6':
      return Array.from({ length: 8 }, () => random.int(0, 0xffff).toString(16)).join(':');
    case 'uuid':
    case 'guid':
      return uuid(random);
    case 'byte':
      return Buffer.from(fakerSeeded(random.int(0, 2 ** 31)).lorem.word()).toString('base64');
    case 'binary':
      return fakerSeeded(random.int(0, 2 ** 31)).lorem.word();
    case 'password':
      return fakerSeeded(random.int(0, 2 ** 31)).internet.password({ length: 12 });
    case 'regex':
      return '^[a-z]+$';
    case 'json-pointer':
      return '/items/0';
    case 'relative-json-pointer':
      return '0';
    case 'json-pointer-uri-fragment':
      return '#/items/0';
    case 'phone':
    case 'tel':
      return fakerSeeded(random.int(0, 2 ** 31)).phone.number({ style: 'international' });
    default:
      return undefined;
  }
}

export function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + random.int(0, 3)).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** The words of a field name, lower-case: `billingPostCode` → billing post code. */
const wordsOf = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLowerCase();

type StringRule = [RegExp, (faker: Faker, random: Random) => string | string[]];

/** Field names, read as words, to a realistic string. First match wins. */
const STRING_RULES: StringRule[] = [
  [/^(first|given|fore) ?name$/, (f) => f.person.firstName()],
  [/^(last|family|sur) ?name$|^surname$/, (f) => f.person.lastName()],
  [/(^| )(user ?name|login|handle)$/, (f) => f.internet.username()],
  [/(company|organi[sz]ation|business|employer) ?name$|^(company|organi[sz]ation)$/, (f) => f.company.name()],
  [/e ?mail( address)?$/, (f) => f.internet.email().toLowerCase()],
  [/(phone|mobile|fax|telephone)( number)?$/, (f) => f.phone.number({ style: 'international' })],
  [/(currency|currency code)$/, (f) => f.finance.currencyCode()],
  [/country ?code$|^country iso/, (f) => f.location.countryCode('alpha-2')],
  [/country$/, (f) => [f.location.country(), f.location.countryCode('alpha-2'), f.location.countryCode('alpha-3')]],
  [/(city|town|locality)$/, (f) => f.location.city()],
  [/(post ?code|postal ?code|zip ?code|zip)$/, (f) => f.location.zipCode()],
  [/(state|province|region)$/, (f) => [f.location.state(), f.location.state({ abbreviated: true })]],
  [/(street|address ?line ?1?|address1|line1|street address)$/, (f) => f.location.streetAddress()],
  [/^address$/, (f) => f.location.streetAddress()],
  [/(url|uri|website|homepage|link|href)$/, (f) => f.internet.url()],
  [/(^| )(full|display|contact|customer|person|account holder|owner) ?name$/, (f) => f.person.fullName()],
  [/^name$/, (f) => f.person.fullName()],
  [/(description|notes?|comment|summary|message|reason)$/, (f) => f.lorem.sentence()],
  [/(title|subject|label)$/, (f) => f.lorem.words({ min: 2, max: 4 })],
  [/(ip|ip address)$/, (f) => f.internet.ipv4()],
  [/(time ?zone|tz)$/, (f) => f.location.timeZone()],
  [/(locale|language)$/, (f) => f.helpers.arrayElement(['en-US', 'en-GB', 'fr-FR', 'de-DE'])],
  [/(color|colour)$/, (f) => f.color.human()],
  [/(iban)$/, (f) => f.finance.iban()],
  [/(sku|product code)$/, (f) => f.string.alphanumeric({ length: 8, casing: 'upper' })],
  [/(amount|price|total|subtotal|balance|cost|fee|tax|value)$/, (f) => f.finance.amount({ min: 1, max: 5000, dec: 2 })],
  [/(date|day|birthday|birthdate|dob)$/, (_f, random) => formatted('date', random)!],
  [/( at|timestamp|time|created|updated|modified)$/, (_f, random) => formatted('date-time', random)!],
];

/** Realistic strings for a field of this name (the first is the most natural), or none when the name says nothing. */
export function realisticStrings(name: string | undefined, random: Random): string[] {
  if (!name) return [];
  const words = wordsOf(name);
  for (const [pattern, make] of STRING_RULES) if (pattern.test(words)) return [make(fakerSeeded(random.int(0, 2 ** 31)), random)].flat();
  if (isIdName(words)) return [uuid(random), String(random.int(1, 99_999))];
  return [];
}

/** `id`, `customerId`, `order_id`, `uuid`: a record's identifier. */
export const isIdName = (name: string) => /(^| )(id|uuid|guid|key)$/.test(name.includes(' ') || name === name.toLowerCase() ? name : wordsOf(name));

/** A realistic number for a field of this name, or undefined. */
export function realisticNumber(name: string | undefined, integer: boolean, random: Random): number | undefined {
  if (!name) return undefined;
  const words = wordsOf(name);
  if (/(amount|price|total|subtotal|balance|cost|fee|tax)$/.test(words)) return integer ? random.int(1, 5000) : random.int(100, 500_000) / 100;
  if (/(quantity|qty|count|units)$/.test(words)) return random.int(1, 20);
  if (/(age)$/.test(words)) return random.int(18, 90);
  if (/(year)$/.test(words)) return random.int(1990, 2026);
  if (/(lat|latitude)$/.test(words)) return integer ? random.int(-90, 90) : random.int(-90_000_000, 90_000_000) / 1_000_000;
  if (/(lng|lon|long|longitude)$/.test(words)) return integer ? random.int(-180, 180) : random.int(-180_000_000, 180_000_000) / 1_000_000;
  if (/(percent|percentage|rate)$/.test(words)) return integer ? random.int(0, 100) : random.int(0, 10_000) / 100;
  if (isIdName(words)) return random.int(1, 99_999);
  return undefined;
}
