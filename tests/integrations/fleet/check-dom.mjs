// Checks the DOM Chromium rendered from the HTML view (--dump-dom) against generate-fleet.mjs's expectations.
// Usage: node check-dom.mjs EXPECTED DOM-HTML
import { readFileSync } from 'node:fs';
const expected = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const dom = readFileSync(process.argv[3], 'utf8');
const problems = [];
const count = re => (dom.match(re) ?? []).length;
const cell = b => Number((dom.match(new RegExp(`<td class="n" data-bucket="${b}">(\\d+)</td>`)) ?? [])[1]);
if (count(/<tr class="host"/g) !== expected.hosts) problems.push(`host rows ${count(/<tr class="host"/g)} != ${expected.hosts}`);
if (cell('hosts') !== expected.hosts) problems.push(`hosts cell ${cell('hosts')}`);
for (const [b, n] of Object.entries(expected.buckets)) if (cell(b) !== n) problems.push(`${b} cell ${cell(b)} != ${n}`);
if (cell('stale') !== expected.stale) problems.push(`stale cell ${cell('stale')} != ${expected.stale}`);
if (count(/<tr class="problem"/g) !== expected.unreadable + expected.otherVersion) problems.push('problem rows');
if (count(/<tr class="resource"/g) !== Object.keys(expected.resources).length) problems.push('resource rows');
if (/<script|<link|<img|<iframe/i.test(dom)) problems.push('the page holds a script, link, image or frame');
if (problems.length) { console.log(problems.join('\n')); process.exit(1); }
console.log(`chromium rendered ${expected.hosts} host rows`);
