import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { projectRoot } from '#libs/core';

/** Lints each snippet as if it stood at its path, with the project's own eslint.config.js. */
function importRuleVerdicts(snippets: [path: string, source: string][]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    // the snippets are not files of the TypeScript project: lint them without type information
    const eslint = new ESLint({ overrideConfig: [tseslint.configs.disableTypeChecked] });
    const verdicts = [];
    for (const [filePath, code] of JSON.parse(process.argv[1])) {
      const [result] = await eslint.lintText(code, { filePath });
      verdicts.push(result.messages.map((message) => message.ruleId ?? message.message));
    }
    console.log(JSON.stringify(verdicts));
  `;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(snippets)],
    { cwd: projectRoot(), encoding: 'utf8' },
  );
  return JSON.parse(output) as string[][];
}

const use = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;

describe('the import rules of npm run lint', () => {
  it('let a library import only libraries to its right, through their public face', () => {
    const verdicts = importRuleVerdicts([
      ['libs/search/src/search/x.ts', use('#libs/catalog')],
      ['libs/catalog/src/seed/x.ts', use('#libs/core')],
      ['libs/catalog/src/seed/x.ts', use('#libs/search')],
      ['libs/directory/src/x.ts', use('#libs/identity')],
      ['libs/core/src/x.ts', use('#libs/directory')],
      ['libs/matching/src/x.ts', use('#libs/platform')],
      ['libs/search/src/x.ts', use('#libs/catalog/src/seed/seed.service.js')],
      ['libs/search/src/engine/x.ts', use('../../../catalog/src/index.js')],
    ]);
    expect(verdicts).toEqual([
      [],
      [],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
    ]);
  }, 60_000);

  it('keep apps apart: they use the platform and public faces, never each other', () => {
    const verdicts = importRuleVerdicts([
      ['apps/worker/src/x.ts', use('#libs/platform')],
      ['apps/worker/src/x.ts', use('../../api/src/bootstrap.js')],
      ['apps/cli/src/x.ts', use('../../../libs/search/src/text/query-plan.js')],
      ['tools/bench/x.ts', use('../../libs/search/src/glossary/glossary.js')],
    ]);
    expect(verdicts).toEqual([
      [],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
      ['no-restricted-imports'],
    ]);
  }, 60_000);
});
