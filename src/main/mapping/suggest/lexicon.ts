// General-purpose naming knowledge for field suggestions: abbreviations, concept groups (synonyms),
// weakly related words and generic words. Never vendor-specific field names.

/** One token → its expansion (one or more tokens). Applied before stemming. */
export const ABBREVIATIONS: Record<string, string> = {
  fname: 'first name',
  lname: 'last name',
  qty: 'quantity',
  amt: 'amount',
  addr: 'address',
  dob: 'date of birth',
  desc: 'description',
  descr: 'description',
  num: 'number',
  no: 'number',
  nbr: 'number',
  nr: 'number',
  id: 'identifier',
  ident: 'identifier',
  uid: 'identifier',
  tel: 'telephone',
  phone: 'telephone',
  org: 'organisation',
  cust: 'customer',
  acct: 'account',
  acc: 'account',
  ref: 'reference',
  cat: 'category',
  pct: 'percent',
  perc: 'percent',
  dt: 'date',
  ts: 'timestamp',
  curr: 'currency',
  ccy: 'currency',
  zip: 'postal code',
  zipcode: 'postal code',
  postcode: 'postal code',
  subtotal: 'sub total',
  msg: 'message',
  qtty: 'quantity',
  img: 'image',
  pwd: 'password',
  usr: 'user',
  emp: 'employee',
  mgr: 'manager',
  dept: 'department',
  inv: 'invoice',
  prod: 'product',
  txn: 'transaction',
  tx: 'transaction',
};

/**
 * Concept groups: phrases (after abbreviation expansion and stemming) that mean the same thing.
 * The first phrase names the concept. A phrase belongs to one group only.
 */
export const CONCEPT_GROUPS: string[][] = [
  ['postal code', 'post code', 'postal', 'zip code'],
  ['city', 'town', 'locality'],
  ['region', 'state', 'province'],
  ['country', 'nation', 'country code'],
  ['first name', 'given name', 'forename'],
  ['display name', 'full name'],
  ['last name', 'family name', 'surname'],
  ['email', 'email address', 'mail', 'e mail', 'mail address'],
  ['telephone', 'telephone number', 'mobile', 'mobile number', 'cell', 'cell phone'],
  ['company', 'organisation', 'organization', 'business', 'company name', 'organisation name', 'organization name', 'business name'],
  ['description', 'details', 'body'],
  ['note', 'memo', 'comment', 'remark'],
  ['quantity', 'count', 'unit'],
  ['price', 'unit price', 'unit amount', 'unit cost'],
  ['total', 'amount', 'grand total', 'total amount'],
  ['sub total', 'net total', 'net amount'],
  ['tax', 'vat', 'gst', 'sales tax'],
  ['created', 'created at', 'creation date', 'inserted', 'created on', 'create date', 'created date', 'creation time'],
  ['updated', 'updated at', 'modified', 'last modified', 'changed', 'last updated', 'modified at', 'last changed', 'update date'],
  ['status'],
  ['reference', 'external identifier', 'external reference'],
  ['title', 'subject', 'summary', 'headline'],
  ['assignee', 'owner', 'assigned to'],
  ['author', 'creator', 'created by', 'reporter'],
  ['updated by', 'modified by', 'changed by', 'last modified by', 'last updated by'],
  ['supplier', 'vendor', 'seller', 'merchant'],
  ['priority', 'urgency'],
  ['due date', 'deadline', 'due'],
  ['tag', 'label'],
  ['start date', 'begin', 'start', 'begin date', 'from date'],
  ['end date', 'finish', 'end', 'finish date', 'to date'],
  ['employee', 'worker', 'staff', 'team member', 'staff member'],
  ['salary', 'pay', 'compensation', 'wage'],
  ['manager', 'supervisor'],
  ['department', 'team', 'division'],
  ['invoice number'],
  ['line item', 'line', 'item'],
  ['customer', 'client', 'buyer', 'contact'],
  ['address line 1', 'street', 'street 1', 'address 1', 'street address', 'line 1'],
  ['address line 2', 'street 2', 'address 2', 'line 2'],
  ['currency', 'currency code'],
  ['discount', 'discount rate', 'discount percent', 'discount percentage'],
  ['date of birth', 'birth date', 'birthday'],
  ['percent', 'percentage'],
  ['identifier', 'key'],
  ['url', 'link', 'website', 'web site', 'homepage', 'home page', 'web page'],
  ['sku', 'stock keeping unit', 'product code', 'item code'],
  ['photo', 'picture', 'image', 'avatar', 'photo url', 'picture url', 'image url', 'avatar url', 'profile picture', 'profile photo', 'profile image'],
];


/** Weakly related concepts/tokens: partial credit only. Keys and values are term ids (see tokens.ts). */
export const RELATED: Array<[string, string, number]> = [
  ['c:reference', 'number', 0.6],
  ['c:reference', 'c:identifier', 0.55],
  ['number', 'c:identifier', 0.5],
  ['code', 'c:identifier', 0.5],
  ['code', 'number', 0.4],
  ['c:total', 'c:sub total', 0.5],
  ['c:description', 'c:note', 0.6],
  ['c:description', 'c:title', 0.4],
  ['name', 'c:title', 0.5],
  ['date', 'timestamp', 0.6],
  ['c:created', 'date', 0.4],
  ['c:discount', 'c:percent', 0.4],
  ['rate', 'c:percent', 0.5],
  ['c:region', 'county', 0.7],
  ['c:display name', 'name', 0.8],
  ['c:tag', 'category', 0.7],
  // "state" is read as an address region, but on its own it is often a lifecycle status.
  ['c:status', 'c:region', 0.6],
  // Name suffixes (Jr., III) are generations.
  ['suffix', 'generation', 0.6],
  // A single address line holds mostly the first line.
  ['address', 'c:address line 1', 0.6],
];

/**
 * Parties a record can be about (term ids). A field under one party's object (supplier.address.city)
 * is not filled from a field that is not about that party.
 */
export const PARTIES = ['c:customer', 'c:supplier', 'c:employee'];

/**
 * Words that make a field about a party without naming it: a billing address is the customer's (the billed
 * party), a payer is the customer, a payee the supplier. Evidence for the party only: a field under
 * `billing_address` may still fill a target about no party in particular.
 */
export const PARTY_MARKERS: Record<string, string> = { billing: 'c:customer', billed: 'c:customer', payer: 'c:customer', payee: 'c:supplier', remit: 'c:supplier' };

/** Words that say little on their own: they weigh less. */
export const GENERIC: Record<string, number> = {
  'c:identifier': 0.4,
  name: 0.4,
  code: 0.4,
  type: 0.4,
  date: 0.4,
  number: 0.4,
  value: 0.3,
  utc: 0.15,
  time: 0.3,
  timestamp: 0.4,
  at: 0.1,
  on: 0.1,
  flag: 0.3,
  text: 0.3,
  info: 0.3,
  data: 0.3,
  is: 0.1,
  has: 0.1,
  money: 0.3,
  decimal: 0.3,
};

/** Dropped everywhere (names and descriptions). */
export const STOP_WORDS = new Set(
  'a an the of and or to in for by with on at as is are be was were this that it its from if not no when only also any all per which who what than then into may can must should will has have had been their there these those'.split(' '),
);
