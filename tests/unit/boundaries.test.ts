import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules are what keep Node and Electron out of the renderer: prove they fire.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries', () => {
  it("allows 'electron' only in main/electron and preload", async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restricted('main/electron/x.ts', code)).toEqual([]);
    expect(await restricted('preload/x.ts', code)).toEqual([]);
    for (const f of ['main/services/x.ts', 'main/host/x.ts', 'renderer/src/x.ts', 'common/x.ts']) {
      expect((await restricted(f, code)).join(), f).toMatch(/main\/electron/);
    }
  });

  it('keeps node: modules and better-sqlite3 out of renderer, preload and common', async () => {
    for (const f of ['renderer/src/x.tsx', 'preload/x.ts', 'common/x.ts']) {
      expect(await restricted(f, "import fs from 'node:fs';\nexport const a = fs;\n"), f).toHaveLength(1);
      expect(await restricted(f, "import D from 'better-sqlite3';\nexport const a = D;\n"), f).toHaveLength(1);
    }
    expect(await restricted('main/services/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
  });

  it('keeps common free of main, preload and renderer code', async () => {
    expect(await restricted('common/x.ts', "import { log } from '../main/log';\nexport const a = log;\n")).toHaveLength(1);
    expect(await restricted('common/x.ts', "import { api } from '../renderer/src/api';\nexport const a = api;\n")).toHaveLength(1);
    expect(await restricted('common/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
  });
});
