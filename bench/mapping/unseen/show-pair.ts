// Prints the leaf fields of a drawn pair's source and target (path, type, format, enum, description), the
// material a labeller reads — never engine output:
//   npx tsx bench/mapping/unseen/show-pair.ts [--set <set folder>] <pair id>…   (default set: bench/mapping/unseen)
import type { CatalogueField } from '../../../src/shared/catalogue';
import { corpusEntity } from '../../corpus';
import { draw } from './draw';

const describe = (f: CatalogueField) => {
  const enumText = f.enum ?? f.itemEnum;
  const bits = [f.path, f.type + (f.format ? `(${f.format})` : ''), f.variant ? `variant:${f.variant}` : '', enumText ? `enum:${enumText.slice(0, 8).join('/')}` : ''];
  const text = (f.description ?? '').replace(/\s+/g, ' ').slice(0, 110);
  return `${bits.filter(Boolean).join('  ')}${text ? `  — ${text}` : ''}`;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const setAt = args.indexOf('--set');
  const folder = setAt >= 0 ? args.splice(setAt, 2)[1] : undefined;
  const { development, heldout } = draw(folder);
  for (const id of args) {
    const pair = [...development, ...heldout].find((p) => p.id === id);
    if (!pair) throw new Error(`No drawn pair ${id}: see npx tsx bench/mapping/unseen/draw.ts ${folder ?? ''}`);
    const source = await corpusEntity(pair.source.document, pair.source.entity);
    const target = await corpusEntity(pair.target.document, pair.target.entity);
    console.log(`=== ${id}: ${pair.source.entity} → ${pair.target.entity}`);
    console.log(`--- target ${target.name}`);
    for (const f of target.fields.filter((x) => x.leaf)) console.log(`T ${describe(f)}`);
    console.log(`--- source ${source.name}`);
    for (const f of source.fields.filter((x) => x.leaf)) console.log(`S ${describe(f)}`);
  }
}
main().then(() => process.exit(), (error) => { console.error(error); process.exit(1); });
