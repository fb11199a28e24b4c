// Adyen Transfers API v3 → v4 (tests/fixtures/openapi/diff/real/README.md): changes verified by
// reading both documents.
import { beforeAll, describe, expect, it } from 'vitest';
import { mappingImpact } from '../../../../src/main/openapi/diff';
import type { CatalogueDiff, EntityChange } from '../../../../src/shared/catalogue-diff';
import { changedEntity, diffOf } from './diff-helpers';

let diff: CatalogueDiff;
let transaction: EntityChange;

beforeAll(async () => {
  diff = await diffOf('real/adyen-transfers-v3.json', 'real/adyen-transfers-v4.json');
  transaction = changedEntity(diff, 'Transaction');
});

describe('Adyen Transfers API v3 → v4', () => {
  it('adds seven schemas and removes none', () => {
    expect(diff.entities.added.map((entity) => entity.name)).toEqual([
      'BankCategoryData',
      'InternalCategoryData',
      'IssuedCard',
      'PlatformPayment',
      'RelayedAuthorisationData',
      'TransferData',
      'TransferNotificationValidationFact',
    ]);
    expect(diff.entities.removed).toEqual([]);
  });

  it('finds the fields Transaction lost, counterparty with everything under it', () => {
    expect(transaction.fields.removed.map((field) => field.path)).toEqual([
      'category',
      'counterparty',
      'createdAt',
      'description',
      'eventId',
      'instructedAmount',
      'paymentInstrumentId',
      'reference',
      'referenceForBeneficiary',
      'type',
    ]);
    const counterparty = transaction.fields.removed.find((field) => field.path === 'counterparty')!;
    expect(counterparty).toMatchObject({ required: true, severity: 'breaking' });
    expect(counterparty.descendants).toContain('counterparty.bankAccount.accountHolder.address.postalCode');
    expect(counterparty.descendants).toContain('counterparty.merchant.nameLocation.city');
  });

  it('suggests the flat ids moved into the new reference objects', () => {
    expect(transaction.fields.renamed.map(({ from, to, reason }) => [from.path, to.path, reason])).toEqual([
      ['accountHolderId', 'accountHolder.id', 'moved'],
      ['balanceAccountId', 'balanceAccount.id', 'moved'],
      ['transferId', 'transfer.id', 'moved'],
    ]);
    // accountHolderId was required; ResourceReference.id is not.
    expect(transaction.fields.renamed[0]!.changes).toEqual([{ aspect: 'required', severity: 'risky', before: true, after: false }]);
  });

  it('reports the new required reference objects as info: Transaction is only ever returned', () => {
    expect(transaction.fields.added.map(({ path, required, severity }) => [path, required, severity])).toEqual([
      ['accountHolder', true, 'info'],
      ['balanceAccount', true, 'info'],
      ['transfer', false, 'info'],
    ]);
  });

  it('finds the same changes inside the transaction list response', () => {
    const page = changedEntity(diff, 'TransactionSearchResponse');
    expect(page.fields.removed.map((field) => field.path)).toContain('data[].counterparty');
    expect(page.fields.renamed.map(({ from, to }) => [from.path, to.path])).toContainEqual(['data[].accountHolderId', 'data[].accountHolder.id']);
  });

  it('finds Transfer losing balanceAccountId, paymentInstrumentId and priority, and gaining categoryData', () => {
    const transfer = changedEntity(diff, 'Transfer');
    expect(transfer.fields.removed.map(({ path, severity }) => [path, severity])).toEqual([
      ['balanceAccountId', 'breaking'],
      ['paymentInstrumentId', 'breaking'],
      ['priority', 'breaking'],
    ]);
    expect(transfer.fields.added.map((field) => field.path)).toEqual(['categoryData']);
  });

  it('keeps the seven operations and moves the server from /btl/v3 to /btl/v4', () => {
    expect(diff.operations).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.servers.changed).toEqual([
      {
        url: 'https://balanceplatform-api-test.adyen.com/btl/v3',
        environment: 'sandbox',
        severity: 'risky',
        changes: [
          { aspect: 'url', severity: 'risky', before: 'https://balanceplatform-api-test.adyen.com/btl/v3', after: 'https://balanceplatform-api-test.adyen.com/btl/v4' },
        ],
      },
    ]);
    expect(diff.securitySchemes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('tells which mappings of a v3 integration need a decision', () => {
    const impacts = mappingImpact(diff, [
      { id: 1, entity: 'Transaction', path: 'accountHolderId', side: 'source' },
      { id: 2, entity: 'Transaction', path: 'counterparty.merchant.mcc', side: 'source' },
      { id: 3, entity: 'Transaction', path: 'amount.value', side: 'source' },
      { id: 4, entity: 'Transfer', path: 'priority', side: 'target', values: ['regular', 'instant'] },
    ]);
    expect(impacts.map(({ reference, status, suggestedPath }) => [reference.id, status, suggestedPath])).toEqual([
      [1, 'broken', 'accountHolder.id'],
      [2, 'broken', undefined],
      [4, 'broken', undefined],
    ]);
    expect(impacts[1]!.reasons[0]!.message).toBe('The field counterparty.merchant.mcc was removed with its parent counterparty.');
  });
});
