// tests/search.mjs: the search page in a real browser (issue 19).
//
//   node tests/search.mjs NAME=OUTPUT_DIR:EXPECT_JSON...
//
// Serves each built site from this process on 127.0.0.1 under the path
// of its base_url, drives Debian's /usr/bin/chromium headless with
// playwright-core, and checks, per site:
//
//   query/Q   Q typed into the search page's box and Enter: the count the
//             page announces is the number of documents whose text holds
//             every word of Q (EXPECT_JSON, from bench/search/truth.py,
//             which reads the Markdown apart from Prongsai); every result
//             shown is one of them, the title matches first (one-word
//             queries); window.prongsaiSearch(Q) gives exactly that set
//   box       a word typed into the header's search box on the home page
//             and Enter opens the search page with its results
//   filters   year, area and status chosen: every result shown has them,
//             and the count is the expected documents that have them
//   marks     each result's title or snippet marks the word in <mark>
//   keyboard  Tab from the box reaches the button, the filters and then
//             the first result's link
//   nojs      without JavaScript the page says so and links every year
//   axe       axe-core (WCAG 2.0/2.1 A and AA) finds no violation on the
//             search page with results, at 360 and at 1280 px
//   phone     at 360 px the page with results does not scroll sideways
//   offline   no request went to any host but 127.0.0.1, none failed
//
// Prints PASS: search/SITE/CHECK or FAIL: search/SITE/CHECK: detail.
// Exits 1 if any check failed or Chromium did not start: never skips.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const top = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AXE = fs.readFileSync(path.join(top, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
	'.json': 'application/json', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml',
	'.png': 'image/png', '.xml': 'application/xml' };

let pass = 0, fail = 0;
function report(id, problems) {
	if (!problems.length) { pass++; console.log(`PASS: search/${id}`); return; }
	fail++;
	console.log(`FAIL: search/${id}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
}

function basePath(dir) {
	const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
	const m = home.match(/<link rel="canonical" href="([^"]*)"/);
	const p = m ? new URL(m[1]).pathname.replace(/index\.html$/, '') : '/';
	return p.endsWith('/') ? p : p + '/';
}

function serve(dir, base) {
	const log = [];
	const server = http.createServer((req, res) => {
		let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		let file = null;
		if (p.startsWith(base) && !p.split('/').includes('..')) {
			file = path.join(dir, p.slice(base.length));
			try {
				if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
				if (!fs.statSync(file).isFile()) file = null;
			} catch { file = null; }
		}
		const status = file ? 200 : 404;
		log.push({ url: req.url, status });
		const body = fs.readFileSync(file || path.join(dir, '404.html'));
		res.writeHead(status, { 'Content-Type': TYPES[path.extname(file || '.html')] || 'application/octet-stream',
			'Cache-Control': 'no-store' });
		res.end(body);
	});
	server.log = log;
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const thaiDigits = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + +d));

async function waitDone(page) {
	await page.waitForFunction(() => document.getElementById('search')?.getAttribute('data-state') === 'done' ||
	    document.getElementById('search')?.getAttribute('data-state') === 'error', null, { timeout: 20000 });
}

async function query(page, q) {
	await page.fill('#search-q', q);
	await page.evaluate(() => document.getElementById('search').setAttribute('data-state', 'typed'));
	await page.press('#search-q', 'Enter');
	await waitDone(page);
}

async function pageFacts(page) {
	return page.evaluate(() => {
		const box = document.getElementById('search');
		return {
			state: document.getElementById('search-state').textContent,
			count: box.getAttribute('data-t-search-count'),
			none: box.getAttribute('data-t-search-none'),
			digits: box.getAttribute('data-digits'),
			hits: [...document.querySelectorAll('#search-results > li')].map((li) => ({
				href: li.querySelector('a').getAttribute('href'),
				facts: li.querySelector('.search-facts').textContent,
				marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
			})),
		};
	});
}

// The site path a result's link goes to ("../2566/measures/x/index.html" -> "2566/measures/x/").
const pathOf = (href) => href.replace(/^(\.\.\/)+/, '').replace(/index\.html$/, '');

function countText(f, n) {
	const d = f.digits === 'thai' ? thaiDigits(n) : String(n);
	return f.count.replace('{n}', d);
}

async function checkSite(browser, name, dir, expect) {
	const base = basePath(dir);
	const server = await serve(dir, base);
	const origin = `http://127.0.0.1:${server.address().port}`;
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await ctx.newPage();
	const errors = [], requests = [];
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('request', (r) => requests.push(r.url()));
	const searchUrl = `${origin}${base}search/`;

	// query/Q
	await page.goto(searchUrl);
	await waitDone(page);
	const docs = expect.docs;
	for (const [q, want] of Object.entries(expect.queries)) {
		const problems = [];
		await query(page, q);
		const f = await pageFacts(page);
		const wantText = want.all.length ? countText(f, want.all.length) : null;
		if (wantText !== null && f.state !== wantText)
			problems.push(`announced "${f.state}", want "${wantText}"`);
		if (wantText === null && f.hits.length)
			problems.push(`${f.hits.length} results shown, want none`);
		const all = new Set(want.all), title = new Set(want.title);
		for (const h of f.hits)
			if (!all.has(pathOf(h.href))) problems.push(`shows ${pathOf(h.href)}, which does not contain "${q}"`);
		if (q.trim().split(/\s+/).length === 1) {
			const k = Math.min(f.hits.length, title.size);
			for (let i = 0; i < k; i++)
				if (!title.has(pathOf(f.hits[i].href))) { problems.push(`result ${i + 1} ${pathOf(f.hits[i].href)} has no title match, ranked before one that has`); break; }
		}
		const got = await page.evaluate((q) => window.prongsaiSearch(q), q);
		const gs = new Set(got);
		const missed = want.all.filter((p) => !gs.has(p)), extra = got.filter((p) => !all.has(p));
		if (missed.length) problems.push(`missed ${missed.length} of ${want.all.length}: ${missed.slice(0, 3).join(' ')}`);
		if (extra.length) problems.push(`${extra.length} that do not contain it: ${extra.slice(0, 3).join(' ')}`);
		report(`${name}/query/${q}`, problems);
	}

	// Pick a query with many results for the other checks.
	const [bigQ, bigWant] = Object.entries(expect.queries).filter(([q]) => q.trim().split(/\s+/).length === 1)
	    .sort((a, b) => b[1].all.length - a[1].all.length)[0];

	// box
	{
		const problems = [];
		await page.goto(`${origin}${base}`);
		await page.fill('#site-search-q', bigQ);
		await Promise.all([page.waitForURL(/\/search\/(index\.html)?\?/), page.press('#site-search-q', 'Enter')]);
		await waitDone(page);
		const f = await pageFacts(page);
		if (f.state !== countText(f, bigWant.all.length)) problems.push(`announced "${f.state}" for "${bigQ}", want ${bigWant.all.length}`);
		if (await page.inputValue('#search-q') !== bigQ) problems.push('the search page does not show the words typed');
		report(`${name}/box`, problems);
	}

	// marks
	{
		const problems = [];
		const f = await pageFacts(page);
		for (const h of f.hits)
			if (!h.marks.length) problems.push(`${pathOf(h.href)}: nothing marked`);
		if (!f.hits.length) problems.push('no results to look at');
		report(`${name}/marks`, problems);
	}

	// filters
	{
		const problems = [];
		const ds = bigWant.all.map((p) => [p, docs[p]]);
		const years = [...new Set(ds.map(([, d]) => d.year).filter((y) => y))].sort();
		const year = years[years.length - 1];
		const statuses = ['planned', 'in-progress', 'done', 'cancelled'];
		const areas = ['IIT', 'EIT', 'OIT'];
		const inYear = ds.filter(([, d]) => d.year === year);
		const status = inYear.length ? inYear[0][1].status : 'done';
		const area = inYear.length && inYear[0][1].areas.length ? inYear[0][1].areas[0] : 'IIT';
		const hasArea = await page.$(`#search-area option[value="${areas.indexOf(area)}"]`);
		await page.selectOption('#search-year', String(year));
		await page.selectOption('#search-status', String(statuses.indexOf(status)));
		if (hasArea) await page.selectOption('#search-area', String(areas.indexOf(area)));
		await page.waitForFunction(() => document.getElementById('search').getAttribute('data-state') === 'done');
		await page.waitForTimeout(300);
		const f = await pageFacts(page);
		const want = ds.filter(([, d]) => d.year === year && d.status === status && (!hasArea || d.areas.includes(area)));
		if (f.state !== countText(f, want.length) && !(want.length === 0))
			problems.push(`year ${year}, ${status}${hasArea ? ', ' + area : ''}: announced "${f.state}", want ${want.length}`);
		const ok = new Set(want.map(([p]) => p));
		for (const h of f.hits)
			if (!ok.has(pathOf(h.href))) problems.push(`shows ${pathOf(h.href)}, which the filters leave out`);
		const yl = f.digits === 'thai' ? thaiDigits(year) : String(year);
		for (const h of f.hits)
			if (!h.facts.includes(yl)) problems.push(`${pathOf(h.href)}: facts "${h.facts}" without the year`);
		if (!new URL(page.url()).searchParams.get('year')) problems.push('the address does not keep the filter');
		report(`${name}/filters`, problems);
		await page.selectOption('#search-year', '');
		await page.selectOption('#search-status', '');
		if (hasArea) await page.selectOption('#search-area', '');
	}

	// keyboard
	{
		const problems = [];
		await page.goto(`${searchUrl}?q=${encodeURIComponent(bigQ)}`);
		await waitDone(page);
		await page.focus('#search-q');
		const seen = [];
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Tab');
			const a = await page.evaluate(() => {
				const e = document.activeElement;
				return e.id || (e.closest('#search-results') ? 'result' : e.tagName);
			});
			seen.push(a);
			if (a === 'result') break;
		}
		for (const want of ['search-year', 'search-area', 'search-status', 'result'])
			if (!seen.includes(want)) problems.push(`Tab from the box never reached ${want} (${seen.join(' ')})`);
		report(`${name}/keyboard`, problems);
	}

	// axe and phone
	for (const vp of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
		await page.setViewportSize(vp);
		await page.goto(`${searchUrl}?q=${encodeURIComponent(bigQ)}`);
		await waitDone(page);
		await page.addScriptTag({ content: AXE });
		const v = await page.evaluate(async () => {
			const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
			return r.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
		});
		report(`${name}/axe/${vp.width}`, v);
		if (vp.width === 360) {
			const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
			report(`${name}/phone`, w > 360 ? [`the page is ${w} px wide`] : []);
		}
	}

	// offline
	{
		const problems = [];
		for (const u of requests)
			if (new URL(u).hostname !== '127.0.0.1') problems.push(`asked ${u}`);
		for (const r of server.log)
			if (r.status >= 400) problems.push(`${r.url}: ${r.status}`);
		for (const e of errors) problems.push(`console: ${e}`);
		report(`${name}/offline`, problems);
	}
	await ctx.close();

	// nojs
	{
		const problems = [];
		const nc = await browser.newContext({ javaScriptEnabled: false });
		const p = await nc.newPage();
		await p.goto(`${searchUrl}?q=${encodeURIComponent(bigQ)}`);
		const r = await p.evaluate(() => {
			const n = document.querySelector('.search-noscript');
			return n ? { visible: n.offsetHeight > 0, text: n.textContent, links: [...n.querySelectorAll('a')].map((a) => a.getAttribute('href')) } : null;
		});
		const years = fs.readdirSync(dir).filter((d) => /^\d{4}$/.test(d));
		if (!r || !r.visible) problems.push('no visible notice without JavaScript');
		else {
			for (const y of years)
				if (!r.links.some((h) => h.replace(/^(\.\.\/)+/, '') === `${y}/index.html`)) problems.push(`no link to ${y}/`);
			const box = await p.getAttribute('#search', 'data-t-search-noscript');
			if (!r.text.includes(box)) problems.push('the notice does not say that search needs JavaScript');
		}
		if (await p.$$eval('#search-results > li', (l) => l.length)) problems.push('results shown without JavaScript');
		report(`${name}/nojs`, problems);
		await nc.close();
	}
	server.close();
}

const sites = process.argv.slice(2).map((a) => {
	const [name, rest] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
	const [dir, exp] = rest.split(':');
	return { name, dir: path.resolve(dir), expect: JSON.parse(fs.readFileSync(exp, 'utf8')) };
});
if (!sites.length) {
	console.error('usage: node tests/search.mjs NAME=OUTPUT_DIR:EXPECT_JSON...');
	process.exit(2);
}
let browser;
try {
	browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--proxy-server=127.0.0.1:9', '--proxy-bypass-list=127.0.0.1'] });
} catch (e) {
	console.log(`FAIL: search/setup: chromium did not start: ${e.message.split('\n')[0]}`);
	process.exit(1);
}
for (const s of sites) await checkSite(browser, s.name, s.dir, s.expect);
await browser.close();
console.log(`search.mjs: ${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
