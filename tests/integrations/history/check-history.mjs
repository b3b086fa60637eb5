// Checks what headless Chromium shows of `history --output html` against the same history as JSON.
// Usage: node check-history.mjs dom HISTORY.json DOM.html   (the DOM Chromium rendered, --dump-dom)
//        node check-history.mjs png SCREENSHOT.png N          (at least N fought-over marks are drawn in red)
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
const problems = [];
const [mode, a, b] = process.argv.slice(2);

if (mode === 'dom') {
  const history = JSON.parse(readFileSync(a, 'utf8'));
  const dom = readFileSync(b, 'utf8');
  const rows = [...dom.matchAll(/<tr class="setting( fought)?"([^>]*)>([\s\S]*?)<\/tr>/g)];
  if (rows.length !== history.settings.length) problems.push(`setting rows ${rows.length} != ${history.settings.length}`);
  for (const s of history.settings) {
    const row = rows.find(r => r[2].includes(`data-resource="${s.resource}"`) && r[2].includes(`data-property="${s.property}"`));
    if (!row) { problems.push(`no row for ${s.resource}/${s.property}`); continue; }
    if (!row[2].includes(`data-corrected="${s.corrected}"`)) problems.push(`${s.resource}/${s.property}: corrected not ${s.corrected}`);
    if (Boolean(row[1]) !== s.foughtOver) problems.push(`${s.resource}/${s.property}: fought over shown as ${Boolean(row[1])}`);
    const marks = (row[3].match(/class="mark correction"/g) ?? []).length;
    if (marks !== s.corrected) problems.push(`${s.resource}/${s.property}: ${marks} marks on the timeline, ${s.corrected} corrections`);
    const listed = (row[3].match(/<li>/g) ?? []).length;
    if (listed !== s.corrections.length + s.undos.length) problems.push(`${s.resource}/${s.property}: ${listed} changes listed`);
  }
  const summary = (dom.match(/<p id="summary">([^<]*)<\/p>/) ?? [])[1] ?? '';
  if (!summary.includes(`${history.runsRead} applying run`) || !summary.includes(`${history.foughtOver} fought over`)) problems.push(`summary "${summary}"`);
  if (/<script|<link|<img|<iframe/i.test(dom)) problems.push('the page holds a script, link, image or frame');
  if (problems.length === 0) console.log(`chromium rendered ${rows.length} settings, ${history.foughtOver} fought over`);
} else if (mode === 'png') {
  // A PNG decoder for what Chromium writes: 8-bit RGB or RGBA, not interlaced.
  const png = readFileSync(a);
  let offset = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset), type = png.toString('ascii', offset + 4, offset + 8), data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); channels = { 2: 3, 6: 4 }[data[9]]; if (data[8] !== 8 || data[12] !== 0 || !channels) problems.push('not an 8-bit RGB(A) PNG'); }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat)), stride = width * channels, pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0, up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = left + up - upLeft, pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
      const predictor = [0, left, up, (left + up) >> 1, pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft][filter];
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  // Columns of the fought-over red (#dc3545), counted as separate marks by the gaps between them.
  const redColumns = new Set();
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = y * stride + x * channels;
    if (Math.abs(pixels[i] - 0xdc) < 12 && Math.abs(pixels[i + 1] - 0x35) < 12 && Math.abs(pixels[i + 2] - 0x45) < 12) redColumns.add(x);
  }
  const columns = [...redColumns].sort((p, q) => p - q);
  const marks = columns.filter((x, i) => i === 0 || x - columns[i - 1] > 1).length;
  if (marks < Number(b)) problems.push(`${marks} red marks drawn, expected at least ${b}`);
  if (problems.length === 0) console.log(`the screenshot (${width}x${height}) shows ${marks} red fought-over marks`);
} else problems.push(`unknown mode ${mode}`);
if (problems.length) { console.log(problems.join('\n')); process.exit(1); }
