import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
}

/** Where an import lands, relative to the repository root (packages stay as they are). */
const target = (file: string, specifier: string) =>
  specifier.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), specifier)) : specifier;

describe('the folder map holds', () => {
  it('only the Electron shell imports electron; domain modules stay plain Node', () => {
    const offenders = sourceFiles('src/main')
      .filter((file) => file !== path.join('src', 'main', 'index.ts') && !file.startsWith(path.join('src', 'main', 'electron')))
      .filter((file) => importsOf(file).some((specifier) => specifier === 'electron' || specifier.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches main only through src/shared and never touches Node', () => {
    const allowedPackages = /^(react|react-dom|ag-grid-community|ag-grid-react|@tanstack\/react-query|zod)(\/|$)/;
    const offenders = sourceFiles('src/renderer').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => {
          if (specifier.startsWith('.')) {
            const resolved = target(file, specifier);
            return !resolved.startsWith(path.join('src', 'renderer')) && !resolved.startsWith(path.join('src', 'shared'));
          }
          return !allowedPackages.test(specifier);
        })
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/shared depends on nothing but zod', () => {
    const offenders = sourceFiles('src/shared').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !target(file, specifier).startsWith(path.join('src', 'shared')) && specifier !== 'zod')
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the preload script imports only electron and src/shared', () => {
    const offenders = sourceFiles('src/preload').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier !== 'electron' && !target(file, specifier).startsWith(path.join('src', 'shared')))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
