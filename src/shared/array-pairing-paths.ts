// Paths of array pairings (see ArrayPairing in the contract), shared by main and the renderer.

/** What the paths of a pairing's element start with: `line_items[]` → `line_items[].`, `billingAddress` → `billingAddress.`. */
export const elementPrefix = (pairingPath: string) => `${pairingPath}.`;

/** A path as seen from inside the pairing's element (`line_items[].qty` → `qty`), or the path itself when it lies outside. */
export const relativeTo = (pairingPath: string, path: string) => (path.startsWith(elementPrefix(pairingPath)) ? path.slice(elementPrefix(pairingPath).length) : path);

/** The pairing's source gives one target element per source element (an array), not one element (an object). */
export const pairsEachElement = (sourcePath: string) => sourcePath.endsWith('[]');

/** How a pairing is written in one line: `line_items[] ← lines[]`, `contact.addresses[] ← billingAddress (address_type = "BILLING")`. */
export function describePairing(pairing: { targetPath: string; sourcePath: string; discriminator: { path: string; value: string } | null; filter: string }): string {
  const discriminator = pairing.discriminator ? ` (${pairing.discriminator.path} = "${pairing.discriminator.value}")` : '';
  const filter = pairing.filter.trim() ? ` where ${pairing.filter.trim()}` : '';
  return `${pairing.targetPath} ← ${pairing.sourcePath}${discriminator}${filter}`;
}
