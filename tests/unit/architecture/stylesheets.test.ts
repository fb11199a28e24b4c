// Every stylesheet parses whole: a rule left open (as a merge once left one) silently drops every rule
// bundled after it, and the build does not say so.
import fs from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

const folder = path.join(__dirname, '../../../src/renderer/src/styles');
const sheets = fs.readdirSync(folder).filter((name) => name.endsWith('.css'));

describe('stylesheets', () => {
  it('are found', () => expect(sheets.length).toBeGreaterThan(3));

  it.each(sheets)('%s parses with every block closed', (name) => {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    expect(() => postcss.parse(text, { from: name })).not.toThrow();
  });

  it('a block left open is caught', () => {
    expect(() => postcss.parse('.a { color: red;\n.b { color: blue; }', { from: 'open.css' })).toThrow(/Unclosed block/);
  });
});
