// Money objects (`{ amount, currency }`, `total_money`, `cashback.amount`, a list element's `price_amount` and
// `price_currency`): their parts belong to the amount they describe. The currency of a cashback is not the currency
// of the transaction's amount, however alike the leaves read.
import { lastName, makeTerm, type Prepared, type Vocabulary } from './prepare';
import { nameTerms, wordsToTerms } from './tokens';

/** Words that name a money value without saying whose it is: `amount_money`, `total.amount`, `amount.value`. */
const MONEY_WORDS = new Set(['money', 'amount', 'c:total', 'value', 'monetary', 'c:currency', 'code']);
/** Leaves holding a money object's value. */
const VALUE_LEAVES = new Set(['amount', 'c:total', 'value', 'c:price', 'c:sub total']);

const isCurrency = (p: Prepared) => nameTerms(p.field.name).includes('c:currency');
const isValue = (p: Prepared) => p.minorUnits || nameTerms(p.field.name).some((term) => VALUE_LEAVES.has(term));

/** Marks the value and currency leaves of each money object (a currency leaf beside a value leaf) with whose money it is. */
export function markMoneyParts(fields: Prepared[], entityTerms: Set<string>, vocabulary: Vocabulary): void {
  const byParent = new Map<string, Prepared[]>();
  for (const p of fields) {
    if (p.parent === undefined || !(isCurrency(p) || isValue(p))) continue;
    let list = byParent.get(p.parent);
    if (!list) byParent.set(p.parent, (list = []));
    list.push(p);
  }
  for (const [parent, parts] of byParent) {
    if (!parts.some(isCurrency) || !parts.some((p) => !isCurrency(p))) continue;
    for (const p of parts) p.moneyOwner = moneyOwner(p, parent, entityTerms).map((term) => makeTerm(vocabulary, term, 1));
  }
}

/** Whose money: the nearest name on the path that says more than money words (`price_amount`: price; `cashback.amount.value`: cashback); none: the record's. */
function moneyOwner(p: Prepared, parent: string, entityTerms: Set<string>): string[] {
  const says = (terms: string[]) => terms.filter((term) => !MONEY_WORDS.has(term) && !entityTerms.has(term));
  const own = says(wordsToTerms(p.words));
  if (own.length > 0) return own;
  let path = parent;
  for (;;) {
    const terms = says(nameTerms(lastName(path)));
    if (terms.length > 0) return terms;
    const dot = path.lastIndexOf('.');
    if (dot < 0) return [];
    path = path.slice(0, dot);
  }
}
