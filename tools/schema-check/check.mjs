// Validates JSON files against a JSON Schema with ajv (draft 2020-12), independently of the C# loader.
// Usage: node check.mjs SCHEMA FILE... ; prints one line per file, "ok FILE" or "invalid FILE: reasons", exit 1 if any is invalid.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
let failed = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (validate(JSON.parse(text))) {
    console.log(`ok ${file}`);
  } else {
    failed++;
    console.log(`invalid ${file}: ${validate.errors.map(e => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  }
}
process.exit(failed ? 1 : 0);
