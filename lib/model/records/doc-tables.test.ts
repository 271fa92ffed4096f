import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PAGE, generatedSchemaPage } from '../../../scripts/schema-docs';
import { schemaTables } from './doc-tables';

describe("docs/SCHEMA.md's field tables", () => {
  it('are the ones the schemas generate (npm run schema:docs)', async () => {
    const page = readFileSync(SCHEMA_PAGE, 'utf8');
    expect(page).toBe(await generatedSchemaPage(page));
  });

  it('describe every field of every record', () => {
    // schemaTables throws on a field without a description.
    expect(Object.keys(schemaTables())).toContain('note');
  });
});
