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
