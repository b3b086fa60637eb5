// Compares the fleet view's JSON with what generate-fleet.mjs made. Usage: node check-fleet.mjs EXPECTED FLEET-JSON
import { readFileSync } from 'node:fs';
const [expected, view] = process.argv.slice(2).map(f => JSON.parse(readFileSync(f, 'utf8')));
const problems = [];
const eq = (what, want, got) => { if (want !== got) problems.push(`${what}: expected ${want}, got ${got}`); };
eq('hosts', expected.hosts, view.summary.hosts);
eq('hosts listed', expected.hosts, view.hosts.length);
for (const [b, n] of Object.entries(expected.buckets)) eq(`hosts ${b}`, n, view.summary[b]);
eq('stale', expected.stale, view.summary.stale);
eq('unreadable', expected.unreadable, view.problems.filter(p => p.kind === 'unreadable').length);
eq('other version', expected.otherVersion, view.problems.filter(p => p.kind === 'other version').length);
const seen = {};
for (const role of view.roles) for (const r of role.resources) {
  seen[`${role.baseline}/${r.id}`] = true;
  for (const [b, n] of Object.entries(expected.resources[`${role.baseline}/${r.id}`] ?? {})) {
    eq(`${role.baseline}/${r.id} ${b}`, n, r.counts[b]);
    eq(`${role.baseline}/${r.id} ${b} hosts named`, n, (r.hosts[b] ?? []).length);
  }
}
eq('resources', Object.keys(expected.resources).length, Object.keys(seen).length);
if (problems.length) { console.log(problems.slice(0, 20).join('\n')); process.exit(1); }
console.log(`fleet view matches: ${view.summary.hosts} hosts, ${Object.keys(seen).length} role resources`);
