/** A confirmed CRM order of the demo with one line: enough for the demo's Order → Invoice flows to fill an invoice. */
export const oneLineOrder = {
  id: 'o-1',
  orderNumber: 'SO-1',
  customerId: 'c-1',
  status: 'confirmed',
  priority: 'Low',
  currency: 'GBP',
  orderDate: '2025-06-11',
  lines: [{ sku: 'A-1', productName: 'Drill', description: 'Cordless', quantity: 1, unitPrice: 2 }],
};

/**
 * A confirmed order as the CRM sends it: two lines, the customer with a billing address, a priority and a
 * status the demo's value maps know (the executable preview's unit and e2e tests).
 */
export const twoLineOrder = {
  id: 'b3e1f6d2-8c4a-4f0e-a1d7-2c9e5b7a6f10',
  orderNumber: 'SO-004217',
  customerId: '57939c53-4be0-4fe8-9dfc-efee745148fd',
  customer: {
    id: '5f0c2a8e-3b1d-4c6a-9e2f-7a41d8b9c013',
    firstName: 'Maria',
    lastName: 'Okafor',
    email: 'maria.okafor@harbourside-tools.example',
    addresses: [{ addressType: 'BILLING', street1: '221 Harbour Road', city: 'Bristol', postalCode: 'BS1 5TY', country: 'GB' }],
  },
  status: 'confirmed',
  priority: 'High',
  currency: 'GBP',
  orderDate: '2025-06-11',
  lines: [
    { lineNumber: 1, sku: 'DRL-18V-PRO', productName: 'Cordless drill', description: '18 V, two batteries', quantity: 5, unitPrice: 248.1, lineTotal: 1240.5 },
    { lineNumber: 2, sku: 'BIT-SET-42', productName: 'Drill bit set', description: '42 pieces', quantity: 2, unitPrice: 19.9, lineTotal: 39.8 },
  ],
  subtotal: 1280.3,
  taxTotal: 256.06,
  total: 1536.36,
  billingAddress: { addressType: 'BILLING', street1: '221 Harbour Road', city: 'Bristol', postalCode: 'BS1 5TY', country: 'GB' },
  notes: 'Deliver to the loading bay',
};
