/** `npm run report-schema`: writes docs/report.schema.json from the report's valibot schema. */
import { writeFileSync } from 'node:fs';
import { reportJsonSchemaText } from '../lib/report/schema';

const file = 'docs/report.schema.json';
writeFileSync(file, await reportJsonSchemaText());
process.stdout.write(`Wrote ${file}\n`);
