// bench/search/bench.mjs: Prongsai's search against Pagefind, in Chromium.
//
//   node bench/search/bench.mjs recall NAME OUTPUT PAGEFIND_SITE EXPECT.json
//   node bench/search/bench.mjs speed NAME OUTPUT PAGEFIND_SITE QUERIES.json
//
// OUTPUT is a site Prongsai built; PAGEFIND_SITE holds the same documents
// as plain pages (bench/search/truth.py pagefind) with Pagefind's index in
// pagefind/.  Both are served from this process on 127.0.0.1, text
// gzipped as a production server sends it (Pagefind's own files are
// compressed already and go as they are).
//
// recall: for every query of EXPECT.json (truth.py expect), the documents
// each finds (Prongsai: window.prongsaiSearch on its search page; Pagefind:
// pagefind.search() and each result's data().url) against those whose
// text holds every word; recall and precision over all (query, document)
// pairs, and the queries each got exactly right.
//
// speed: each query in a fresh browser context (nothing cached): the page
// is opened, then the query is given, and the clock runs until the first
// result is there (Prongsai: the first item in the result list of its
// search page; Pagefind: the first result's data() from its JS API, the
// least Pagefind's own UI must load to show one).  Bytes: every byte the
// server sent for search files (Prongsai: static/search.js and search/*
// but the page; Pagefind: pagefind/*) from the page's opening to the first
// result.  Prints medians and the largest.
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
	'.json': 'application/json', '.wasm': 'application/wasm' };

function serve(dir) {
	const log = [];
	const server = http.createServer((req, res) => {
		const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		let file = path.join(dir, p);
		try {
			if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
			let body = fs.readFileSync(file);
			const type = TYPES[path.extname(file)] || 'application/octet-stream';
			const head = { 'Content-Type': type, 'Cache-Control': 'no-store' };
			if (/^text\/|json/.test(type) && /gzip/.test(req.headers['accept-encoding'] || '')) {
				body = zlib.gzipSync(body, { level: 6 });
				head['Content-Encoding'] = 'gzip';
			}
			log.push({ path: p, bytes: body.length, t: performance.now() });
			res.writeHead(200, head);
			res.end(body);
		} catch {
			log.push({ path: p, bytes: 0, t: performance.now(), status: 404 });
			res.writeHead(404);
			res.end();
		}
	});
	server.log = log;
	return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

// The site path of a Prongsai result's base_url-relative path; of a Pagefind url.
const clean = (u) => decodeURIComponent(u).replace(/^\/+/, '').replace(/index\.html$/, '');

const [mode, name, out, pfsite, file] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(file, 'utf8'));
const ours = await serve(out), theirs = await serve(pfsite);
const O = `http://127.0.0.1:${ours.address().port}`, P = `http://127.0.0.1:${theirs.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });

// A blank page of the Pagefind site that loads Pagefind's API (as its UI does).
fs.writeFileSync(path.join(pfsite, 'bench-search.html'),
    '<!DOCTYPE html><meta charset="utf-8"><title>b</title><script type="module">' +
    'window.pf = await import("/pagefind/pagefind.js"); window.pfReady = true;</script>\n');

if (mode === 'recall') {
	const ctx = await browser.newContext();
	const a = await ctx.newPage(), b = await ctx.newPage();
	await a.goto(`${O}/search/`);
	await b.goto(`${P}/bench-search.html`);
	await b.waitForFunction(() => window.pfReady);
	const tally = { ours: { tp: 0, fp: 0, fn: 0, exact: 0 }, pf: { tp: 0, fp: 0, fn: 0, exact: 0 } };
	const misses = [];
	for (const [q, want] of Object.entries(data.queries)) {
		const truth = new Set(want.all);
		const got = {
			ours: (await a.evaluate((q) => window.prongsaiSearch(q), q)).map(clean),
			pf: (await b.evaluate(async (q) => {
				const r = await window.pf.search(q);
				return Promise.all(r.results.map((x) => x.data().then((d) => d.url)));
			}, q)).map(clean),
		};
		for (const k of ['ours', 'pf']) {
			const g = new Set(got[k]);
			let tp = 0;
			for (const p of g) if (truth.has(p)) tp++;
			tally[k].tp += tp;
			tally[k].fp += g.size - tp;
			tally[k].fn += truth.size - tp;
			if (tp === truth.size && g.size === tp) tally[k].exact++;
			else if (k === 'ours') misses.push(`${q}: ${g.size} found, ${truth.size} true, ${tp} both`);
		}
	}
	const n = Object.keys(data.queries).length;
	const pct = (x, y) => (y ? (100 * x / y).toFixed(1) : '100.0');
	for (const [k, label] of [['ours', 'Prongsai'], ['pf', 'Pagefind 1.6.0']]) {
		const t = tally[k];
		console.log(`| ${name} | ${label} | ${n} | ${pct(t.tp, t.tp + t.fn)} % | ${pct(t.tp, t.tp + t.fp)} % | ${t.exact} of ${n} |`);
	}
	for (const m of misses) console.error(`bench.mjs: Prongsai: ${m}`);
} else {
	const rows = { ours: [], pf: [] };
	for (const q of data) {
		for (const k of ['ours', 'pf']) {
			const ctx = await browser.newContext();
			const page = await ctx.newPage();
			const srv = k === 'ours' ? ours : theirs;
			const from = srv.log.length;
			let ms;
			if (k === 'ours') {
				await page.goto(`${O}/search/`);
				await page.waitForFunction(() => document.getElementById('search').getAttribute('data-state') === 'done');
				ms = await page.evaluate((q) => new Promise((resolve) => {
					const box = document.getElementById('search');
					const list = document.getElementById('search-results');
					const t0 = performance.now();
					// The first result, or the end of a search that found none.
					new MutationObserver((_, o) => {
						if (list.children.length || box.getAttribute('data-state') !== 'loading') {
							o.disconnect();
							resolve(list.children.length ? performance.now() - t0 : -1);
						}
					}).observe(box, { childList: true, subtree: true, attributes: true });
					box.setAttribute('data-state', 'loading');
					document.getElementById('search-q').value = q;
					document.getElementById('search-form').requestSubmit();
				}), q);
			} else {
				await page.goto(`${P}/bench-search.html`);
				await page.waitForFunction(() => window.pfReady);
				ms = await page.evaluate(async (q) => {
					const t0 = performance.now();
					const r = await window.pf.search(q);
					if (!r.results.length) return -1;
					await r.results[0].data();
					return performance.now() - t0;
				}, q);
			}
			const bytes = srv.log.slice(from).filter((r) => k === 'ours' ?
			    r.path.endsWith('/static/search.js') || (r.path.startsWith('/search/') && r.path !== '/search/') :
			    r.path.startsWith('/pagefind/')).reduce((s, r) => s + r.bytes, 0);
			if (ms < 0) { await ctx.close(); rows[k].push(null); continue; }
			rows[k].push({ q, ms, bytes });
			await ctx.close();
		}
	}
	// Only the queries both found something for: a first result to wait for.
	for (let i = rows.ours.length; i-- > 0;)
		if (!rows.ours[i] || !rows.pf[i]) { rows.ours.splice(i, 1); rows.pf.splice(i, 1); }
	const med = (v) => { const s = [...v].sort((x, y) => x - y); return s[Math.floor((s.length - 1) / 2)]; };
	for (const [k, label] of [['ours', 'Prongsai'], ['pf', 'Pagefind 1.6.0']]) {
		const r = rows[k];
		console.log(`| ${name} | ${label} | ${r.length} | ${(med(r.map((x) => x.bytes)) / 1024).toFixed(1)} KB | ${(Math.max(...r.map((x) => x.bytes)) / 1024).toFixed(1)} KB | ${med(r.map((x) => x.ms)).toFixed(0)} ms | ${Math.max(...r.map((x) => x.ms)).toFixed(0)} ms |`);
	}
	for (let i = 0; i < rows.ours.length; i++)
		console.error(`bench.mjs: ${rows.ours[i].q}: Prongsai ${rows.ours[i].bytes} B ${rows.ours[i].ms.toFixed(0)} ms, Pagefind ${rows.pf[i].bytes} B ${rows.pf[i].ms.toFixed(0)} ms`);
}
await browser.close();
ours.close();
theirs.close();
