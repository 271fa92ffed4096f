/**
 * Writes docs/SCHEMA.md's field tables from the schemas (lib/model/records/doc-tables.ts),
 * formatted as the repository's Prettier formats the page: `npm run schema:docs`. The test
 * next to the generator fails when the committed page differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { withSchemaTables } from '../lib/model/records/doc-tables';

export const SCHEMA_PAGE = fileURLToPath(new URL('../docs/SCHEMA.md', import.meta.url));

/** The page with its generated tables, formatted. */
export async function generatedSchemaPage(page: string): Promise<string> {
  const options = await prettier.resolveConfig(SCHEMA_PAGE);
  return prettier.format(withSchemaTables(page), { ...options, filepath: SCHEMA_PAGE });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const page = readFileSync(SCHEMA_PAGE, 'utf8');
  const next = await generatedSchemaPage(page);
  writeFileSync(SCHEMA_PAGE, next);
  console.log(next === page ? 'docs/SCHEMA.md is up to date' : 'docs/SCHEMA.md updated');
}
