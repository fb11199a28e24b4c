// The third-party test documents in tests/fixtures/third-party/: which files of each suite are documents
// to import (the entry points), as opposed to the files they reference.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export const THIRD_PARTY_ROOT = path.join(__dirname, '..', 'fixtures', 'third-party');
export const SUITES = ['swagger-parser', 'oai-examples', 'redocly-bundle'] as const;
export type Suite = (typeof SUITES)[number];

const isDocumentFile = (file: string) => /\.(json|ya?ml)$/i.test(file) || path.basename(file) === 'blank';

function suiteFiles(suite: Suite): string[] {
  const root = path.join(THIRD_PARTY_ROOT, suite);
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(root, file))
    .filter((file) => fs.statSync(file).isFile() && isDocumentFile(file))
    .sort();
}

function collectRefs(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.push(child);
      else collectRefs(child, into);
    }
  }
}

/**
 * The suite's entry documents: every JSON/YAML file no other file of the suite references with a `$ref`
 * (referenced files are read through the document that references them, as upstream's tests do).
 */
export function entryDocuments(suite: Suite): string[] {
  const files = suiteFiles(suite);
  const referenced = new Set<string>();
  for (const file of files) {
    let value: unknown;
    try {
      value = parseYaml(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const refs: string[] = [];
    collectRefs(value, refs);
    for (const ref of refs) {
      const target = ref.split('#')[0]!;
      if (target === '' || /^[a-z][a-z0-9+.-]+:/i.test(target)) continue;
      referenced.add(path.resolve(path.dirname(file), decodeURIComponent(target)));
    }
  }
  return files.filter((file) => !referenced.has(file));
}
