// Generates a fleet of host reports for the fleet view: real reports the tool writes for every shipped
// sample (test --output json), copied to N hosts with their own names, times and some statuses changed
// (failed, a status this version does not know), plus damaged files and reports of another schema version.
// Usage: node generate-fleet.mjs EXE OUT-FOLDER N  > expected.json (what the fleet view must count)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, existsSync, writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const [exe, out, count] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const buckets = ['compliant', 'changed', 'skipped', 'other', 'manual', 'drifted', 'failed'];
const bucket = s => (buckets.includes(s) && s !== 'other' ? s : 'other');
const state = mkdtempSync(join(tmpdir(), 'fleet-state-'));
const templates = [];
for (const file of readdirSync('baselines').filter(f => f.endsWith('.json')).sort()) {
  const name = file.replace(/\.json$/, '');
  for (const kind of ['compliant', 'drifted']) {
    const args = ['test', `baselines/${file}`, '--snapshot', `samples/${name}.${kind}.json`, '--output', 'json', '--state-dir', state];
    if (existsSync(`samples/${name}.vars.json`)) args.push('--vars', `samples/${name}.vars.json`);
    let text;
    try { text = execFileSync(exe, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }); } catch (e) { text = e.stdout; }
    templates.push(JSON.parse(text));
  }
}
mkdirSync(out, { recursive: true });
const now = Date.now();
const expected = { hosts: 0, buckets: Object.fromEntries(buckets.map(b => [b, 0])), stale: 0, resources: {}, unreadable: 0, otherVersion: 0 };
const add = report => {
  expected.hosts++;
  let worst = 'compliant';
  for (const r of report.resources) {
    const b = bucket(r.status);
    const key = `${report.baseline}/${r.id}`;
    expected.resources[key] ??= Object.fromEntries(buckets.map(x => [x, 0]));
    expected.resources[key][b]++;
    if (buckets.indexOf(b) > buckets.indexOf(worst)) worst = b;
  }
  expected.buckets[worst]++;
  if (now - Date.parse(report.startedAt) > 30 * 86400e3) expected.stale++;
};
const iso = ms => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
for (let i = 0; i < count; i++) {
  const report = structuredClone(templates[i % templates.length]);
  report.host = `HOST${String(i).padStart(5, '0')}`;
  report.startedAt = iso(now - (i % 50 === 0 ? 40 * 86400e3 : (i % 24) * 3600e3));
  if (i % 7 === 0 && report.resources.length > 0) report.resources[0].status = 'failed';
  if (i % 11 === 0 && report.resources.length > 1) report.resources[1].status = 'predicted failure';
  // Ansible's fetch lays reports out as host/path; one folder per host here.
  mkdirSync(join(out, report.host), { recursive: true });
  writeFileSync(join(out, report.host, 'backup-reconciler-test.json'), JSON.stringify(report, null, 2));
  add(report);
}
for (let k = 1; k <= 2; k++) {
  const report = structuredClone(templates[k]);
  report.schemaVersion = 2;
  report.host = `NEWVERSION${k}`;
  report.startedAt = iso(now);
  writeFileSync(join(out, `newversion-${k}.json`), JSON.stringify(report));
  add(report);
  expected.otherVersion++;
}
writeFileSync(join(out, 'truncated.json'), JSON.stringify(templates[0]).slice(0, 200));
writeFileSync(join(out, 'empty.json'), '');
writeFileSync(join(out, 'not-a-report.json'), '{"hello": "world"}');
expected.unreadable = 3;
console.log(JSON.stringify(expected));
