// The folder map (ARCHITECTURE.md) is kept by the linter that `npm test` runs: each rule is shown to
// fire on a planted violation, so a config change that silently disables one fails here.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root, ignore: false });

/** The rules that fire on `code` written at `file` (a path in the repository; the file need not exist). */
async function rulesFiring(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('the linter keeps the folder map', () => {
  it('refuses a domain module that reaches the Electron folder or imports electron', async () => {
    expect(await rulesFiring('src/main/mapping/planted.ts', "import { serveCalls } from '../electron/ipc-calls';\nexport const x = serveCalls;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
    expect(await rulesFiring('src/main/openapi/planted.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual(['no-restricted-imports']);
  });

  it('refuses a domain module that reaches a front end (the handler table, the CLI, the web host)', async () => {
    for (const [file, specifier] of [
      ['src/main/workspace/planted.ts', '../api/dispatch'],
      ['src/main/specification/planted.ts', '../cli/io'],
      ['src/main/platform/planted.ts', '../webhost/server'],
    ]) {
      expect(await rulesFiring(file!, `import * as frontEnd from '${specifier}';\nexport const x = frontEnd;\n`)).toEqual(['import-x/no-restricted-paths']);
    }
  });

  it('refuses the renderer touching Node or main', async () => {
    expect(await rulesFiring('src/renderer/src/planted.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFiring('src/renderer/src/planted.ts', "import { dispatch } from '../../main/api/dispatch';\nexport const x = dispatch;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
  });

  it('finds an import cycle', async () => {
    const [result] = await eslint.lintFiles([path.join(root, 'tests/fixtures/lint/cycle/first.ts')]);
    expect(result!.messages.map((message) => message.ruleId)).toEqual(['import-x/no-cycle']);
  });

  it('asks every inline disable for its reason, and refuses hooks that break their rules', async () => {
    expect(await rulesFiring('src/main/planted.ts', '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1;\n')).toEqual([
      '@eslint-community/eslint-comments/require-description',
    ]);
    const component = "import { useEffect, useState } from 'react';\nexport function Planted({ on }: { on: boolean }) {\n  if (on) useEffect(() => {});\n  const [n] = useState(0);\n  return n;\n}\n";
    expect(await rulesFiring('src/renderer/src/Planted.tsx', component)).toContain('react-hooks/rules-of-hooks');
  });

  it('passes the code as it is', async () => {
    const results = await eslint.lintFiles(['src/main/api', 'src/preload', 'src/shared']);
    expect(results.length).toBeGreaterThan(20);
    expect(results.flatMap((result) => result.messages.map((message) => `${path.relative(root, result.filePath)}: ${message.ruleId} ${message.message}`))).toEqual([]);
  });
});
