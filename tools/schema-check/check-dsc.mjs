// DSC v3 checks with an independent validator, following the notes on Microsoft's published, bundled
// resource manifest schema (JSON Schema 2020-12): ajv's 2020 dialect with ajv-formats, strict off (the
// schema carries VS Code keywords such as markdownDescription). An embedded instance schema may name
// draft-07 or 2019-09 as its dialect, so those meta-schemas are registered too.
//
//   node check-dsc.mjs manifest BUNDLED-SCHEMA MANIFEST...
//     each manifest against the schema; its embedded instance schema must compile (strict), and it may use
//     only members the schema declares for the manifest and its get/set/test (the DSC runtime accepts more,
//     such as whatIfArg, but a manifest for every DSC 3.x keeps to the schema).
//   node check-dsc.mjs instances BUNDLED-SCHEMA MANIFEST OUTPUT...
//     each OUTPUT (one JSON state per file) against the manifest's embedded instance schema, with the
//     bundled schema loaded so its $refs (such as _inDesiredState) resolve offline.
// Prints "ok FILE" or "invalid FILE: reasons" per file; exit 1 if any is invalid.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const [mode, bundlePath, ...rest] = process.argv.slice(2);
const read = file => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const bundle = read(bundlePath);

function newAjv(strict) {
  const ajv = new Ajv2020({ allErrors: true, strict });
  addFormats(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-07.json'), undefined, false);
  for (const part of ['meta/core', 'meta/applicator', 'meta/validation', 'meta/meta-data', 'meta/format', 'meta/content', 'schema']) {
    ajv.addMetaSchema(require(`ajv/dist/refs/json-schema-2019-09/${part}.json`), undefined, false);
  }
  return ajv;
}

const errors = v => v.errors.map(e => `${e.instancePath || '/'} ${e.message}`);
function undeclared(manifest) {
  const found = [];
  const known = (object, schema, at) => {
    for (const key of Object.keys(object ?? {})) if (!(key in (schema.properties ?? {}))) found.push(`${at}/${key} is not declared by the schema`);
  };
  known(manifest, bundle, '');
  for (const op of ['get', 'set', 'test']) {
    const id = Object.keys(bundle.$defs).find(k => k.endsWith(`/resource/manifest.${op}.json`));
    if (manifest[op]) known(manifest[op], bundle.$defs[id], `/${op}`);
  }
  return found;
}

let failed = 0;
const report = (file, problems) => {
  if (problems.length === 0) { console.log(`ok ${file}`); } else { failed++; console.log(`invalid ${file}: ${problems.join('; ')}`); }
};
if (mode === 'manifest') {
  const validate = newAjv(false).compile(bundle);
  for (const file of rest) {
    const manifest = read(file);
    const problems = validate(manifest) ? [] : errors(validate);
    problems.push(...undeclared(manifest));
    try {
      // Strict, with only DSC's standard property schemas it may refer to (the bundle itself is not strict-clean).
      const ajv = newAjv(true);
      for (const [id, schema] of Object.entries(bundle.$defs)) if (id.includes('/resource/properties/')) ajv.addSchema(schema);
      ajv.compile(manifest?.schema?.embedded ?? {});
    } catch (e) { problems.push(`/schema/embedded does not compile: ${e.message}`); }
    report(file, problems);
  }
} else if (mode === 'instances') {
  const [manifestPath, ...outputs] = rest;
  const ajv = newAjv(false);
  ajv.addSchema(bundle);
  const validate = ajv.compile(read(manifestPath).schema.embedded);
  for (const file of outputs) report(file, validate(read(file)) ? [] : errors(validate));
} else {
  console.error('usage: node check-dsc.mjs manifest BUNDLED-SCHEMA MANIFEST... | instances BUNDLED-SCHEMA MANIFEST OUTPUT...');
  process.exit(2);
}
process.exit(failed ? 1 : 0);
