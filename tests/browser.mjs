// tests/browser.mjs: what a citizen sees, checked in a real browser.
//
//   node tests/browser.mjs [--shots DIR] NAME=OUTPUT_DIR...
//
// Serves each built site (OUTPUT_DIR, as `prongsai build` wrote it) over
// HTTP on 127.0.0.1 from this process, under the path of the site's
// base_url (read from the home page's canonical link), with 404.html and
// status 404 for any missing address.  Drives Debian's /usr/bin/chromium
// headless through playwright-core, on one page of every page type: the
// type is the body's class "page-TYPE", and the page taken is the largest
// HTML file of that type (the worst case for size, layout and
// keyboard); the 404 page is reached by asking for an address that does
// not exist.  On each page:
//
//   load      no console error, no failed request (status >= 400 or a
//             network error), except the 404 navigation itself: what
//             Playwright reports and what the server logged, which also
//             holds the browser's own icon requests (Playwright hides any
//             URL ending in /favicon.ico from its events); the browser
//             must have asked for one of the page's icons (its
//             link rel="icon" addresses, or /favicon.ico without one)
//             within ICON_WAIT ms of the load, so a missing icon is seen
//             on every page (Chromium asks only once per run for an icon
//             that failed, so the server sees its 404 on the first page
//             only)
//   offline   no request to any host but 127.0.0.1: Chromium's proxy is a
//             trap on 127.0.0.1 that answers 403 and drops tunnels
//             (loopback bypasses a proxy), so nothing leaves the machine.
//             Not page.route(): with interception on, Playwright aborts
//             every /favicon.ico request before it is sent, and the
//             missing icon would go unseen
//   budget    HTML + CSS + JS transferred (every response body of the
//             load as it came over the wire, gzipped as a production
//             server sends text, except evidence under files/) < 100 KB;
//             the uncompressed size is printed too
//   axe       axe-core, tags wcag2a wcag2aa wcag21a wcag21aa: no
//             violation, at 360 and at 1280 px
//   hscroll   at 360 x 740: the page does not scroll sideways
//   clipped   at 360 x 740: no element's text is wider than its box, no
//             box cuts its content off (overflow hidden/clip), no text
//             lies outside the viewport; deliberate scroll containers
//             (role=region with overflow-x auto|scroll, the table
//             wrappers) and what is inside them are exempt, as are
//             visually-hidden text and the off-screen skip link
//   wide      at 1280 x 800: main is at least 900 px wide and its content
//             spans at least 60 % of main's content box when main is
//             taller than the viewport (a long page squeezed into a
//             phone-width column fails; a readable prose measure of
//             ~46rem passes; a short message such as the 404 may be
//             narrow)
//   skip      the first Tab focuses the skip link (a.skip-link to #main);
//             Enter on it sets #main and the next Tab lands inside main
//   focus     each of the first 30 Tab stops shows a focus indicator
//             (an outline that is not none/0 wide, or a box-shadow)
//   tab       every rendered a[href], button, input, select, textarea,
//             summary and [tabindex>=0] (not inside a closed <details>)
//             is reached by Tab, in document order
//   thai      Thai renders with real glyphs: in the h1's font, "กิ่" is as
//             wide as "ก" (the vowel and tone marks are zero-width
//             combining glyphs); with tofu every code point is a box of
//             its own, so the marked string is about three times wider.
//             The platform font that drew the h1 is printed.
//
// Screenshots (the full page, or its first 8000 px) go to DIR (default
// tests/out), as SITE-TYPE-WIDTH.png.  Prints PASS: browser/SITE/TYPE or FAIL:
// browser/SITE/TYPE: PAGE: RULE: detail per page, and the run time.
// Exits 1 if any check failed or Chromium did not start: never skips.

import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const top = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AXE = path.join(top, 'node_modules/axe-core/axe.min.js');
const CHROMIUM = '/usr/bin/chromium';
const BUDGET = 100 * 1024;
const FOCUS_STOPS = 30;
const SHOT_MAX = 8000;	// px: the top of a very long page is enough to look at
const MAX_TABS = 3000;
const ICON_WAIT = 5000;	// ms after the last load for the browser to ask for the icon
const NARROW = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };

const started = Date.now();
let shots = path.join(top, 'tests/out');
const sites = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
	if (argv[i] === '--shots') shots = argv[++i];
	else if (/^[\w.-]+=/.test(argv[i])) {
		const at = argv[i].indexOf('=');
		sites.push({ name: argv[i].slice(0, at), dir: path.resolve(argv[i].slice(at + 1)) });
	} else {
		console.error(`browser.mjs: bad argument ${argv[i]}`);
		process.exit(2);
	}
}
if (!sites.length) {
	console.error('usage: node tests/browser.mjs [--shots DIR] NAME=OUTPUT_DIR...');
	process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let pass = 0, fail = 0;
function report(id, problems) {
	if (!problems.length) {
		pass++;
		console.log(`PASS: browser/${id}`);
		return;
	}
	fail++;
	for (const p of problems) console.log(`FAIL: browser/${id}: ${p}`);
}

// ------------------------------------------------------------ the server

const TYPES = {
	'.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8', '.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
	'.ico': 'image/x-icon', '.pdf': 'application/pdf', '.woff2': 'font/woff2',
};

// The path of the site's base_url, from the home page's canonical link.
function basePath(dir) {
	const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
	const m = home.match(/<link rel="canonical" href="([^"]*)"/);
	if (!m) return '/';
	let p = new URL(m[1].replace(/&amp;/g, '&')).pathname;
	p = p.replace(/index\.html$/, '');
	return p.endsWith('/') ? p : p + '/';
}

// Serves dir under base; server.log gets { url, status } for every answer.
function serve(dir, base) {
	const log = [];
	const server = http.createServer((req, res) => {
		let rel = null;
		try {
			const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
			if (p.startsWith(base)) rel = p.slice(base.length);
		} catch { rel = null; }
		let file = null;
		if (rel !== null && !rel.split('/').includes('..')) {
			file = path.join(dir, rel);
			try {
				if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
				if (!fs.statSync(file).isFile()) file = null;
			} catch { file = null; }
		}
		let status = 200;
		if (!file) {
			status = 404;
			file = path.join(dir, '404.html');
		}
		let body = fs.readFileSync(file);
		const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
		const head = { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
		// Text is sent gzipped, as any production web server sends it.
		if (/^text\/|xml|json/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
			body = zlib.gzipSync(body, { level: 6 });
			head['Content-Encoding'] = 'gzip';
		}
		head['Content-Length'] = body.length;
		log.push({ url: `http://${req.headers.host}${req.url}`, status });
		res.writeHead(status, head);
		res.end(req.method === 'HEAD' ? undefined : body);
	});
	server.log = log;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}

// Chromium's proxy: every request for another host ends here (hits) and
// fails, plain HTTP with 403, an HTTPS or WebSocket tunnel dropped.
function trap() {
	const hits = [];
	const server = http.createServer((req, res) => {
		hits.push(req.url);
		res.writeHead(403, { 'Content-Type': 'text/plain' });
		res.end('tests/browser.mjs: no request may leave the machine\n');
	});
	server.on('connect', (req, socket) => { hits.push(`https://${req.url}/`); socket.destroy(); });
	server.hits = hits;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve(server));
	});
}

// ------------------------------------------------------------ the pages

function htmlFiles(dir) {
	const out = [];
	const walk = (d) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })
		    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const f = path.join(d, e.name);
			if (e.isDirectory()) walk(f);
			else if (e.name.endsWith('.html')) out.push(path.relative(dir, f));
		}
	};
	walk(dir);
	return out;
}

// One page per type: the largest file of that type; ties by name.
function pickPages(dir) {
	const best = new Map();
	for (const rel of htmlFiles(dir)) {
		const text = fs.readFileSync(path.join(dir, rel), 'utf8');
		const m = text.match(/<body[^>]*class="[^"]*\bpage-([\w-]+)/);
		const type = m ? m[1] : 'unknown';
		const size = Buffer.byteLength(text);
		const cur = best.get(type);
		if (!cur || size > cur.size) best.set(type, { rel, size });
	}
	return [...best.entries()].sort().map(([type, v]) => ({ type, rel: v.rel }));
}

function urlOf(origin, base, rel, type) {
	if (type === '404') return `${origin}${base}no-such-page/at/depth/`;
	const p = rel.split(path.sep).map(encodeURIComponent).join('/');
	return `${origin}${base}${p.replace(/(^|\/)index\.html$/, '$1')}`;
}

// ------------------------------------------------------------ in the page

// Width problems at the phone width; runs in the page.
function layoutProblems() {
	const out = [];
	const vw = window.innerWidth;
	const de = document.documentElement;
	if (de.scrollWidth > vw || document.body.scrollWidth > vw)
		out.push(`hscroll: the page is ${Math.max(de.scrollWidth, document.body.scrollWidth)} px wide in a ${vw} px viewport`);
	const name = (el) => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		if (el.classList.length) s += '.' + [...el.classList].join('.');
		const t = (el.textContent || '').trim().replace(/\s+/g, ' ');
		return `${s} "${t.slice(0, 40)}${t.length > 40 ? '…' : ''}"`;
	};
	const exempt = (el) => {
		if (!el.checkVisibility({ visibilityProperty: true })) return true;
		for (let e = el; e && e !== document.body; e = e.parentElement) {
			const cs = getComputedStyle(e);
			if (e.getAttribute('role') === 'region' && /auto|scroll/.test(cs.overflowX)) return true;
			if (e.classList.contains('visually-hidden') || e.classList.contains('skip-link')) return true;
			if (cs.position === 'absolute' && (cs.clip !== 'auto' || cs.clipPath !== 'none') ) return true;
			if (cs.display === 'none' || cs.visibility === 'hidden') return true;
		}
		return false;
	};
	const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
	let n = 0;
	for (const el of document.body.querySelectorAll('*')) {
		if (n >= 10) break;
		const cs = getComputedStyle(el);
		if (cs.display === 'inline' || cs.display === 'contents' || el.clientWidth === 0) {
			// Inline text: only that it lies inside the viewport.
			if (ownText(el) && !exempt(el)) {
				const r = el.getBoundingClientRect();
				if (r.width && (r.right > vw + 1 || r.left < -1)) {
					out.push(`clipped: ${name(el)} runs outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} px)`);
					n++;
				}
			}
			continue;
		}
		if (el.scrollWidth <= el.clientWidth + 1) continue;
		if (exempt(el)) continue;
		if (/hidden|clip/.test(cs.overflowX))
			out.push(`clipped: ${name(el)} cuts off its content (${el.scrollWidth} px in ${el.clientWidth} px, overflow ${cs.overflowX})`);
		else if (/auto|scroll/.test(cs.overflowX))
			out.push(`clipped: ${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px) but is not a labelled region`);
		else if (ownText(el))
			out.push(`clipped: the text of ${name(el)} is wider than its box (${el.scrollWidth} px in ${el.clientWidth} px)`);
		else continue;
		n++;
	}
	// Text nodes whose glyphs run past the viewport.
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	for (let t = walker.nextNode(); t && n < 10; t = walker.nextNode()) {
		if (!t.data.trim() || exempt(t.parentElement)) continue;
		range.selectNodeContents(t);
		const r = range.getBoundingClientRect();
		if (r.width && r.right > vw + 1) {
			out.push(`clipped: text "${t.data.trim().slice(0, 40)}" in ${name(t.parentElement)} ends at ${Math.round(r.right)} px, past the ${vw} px viewport`);
			n++;
		}
	}
	return out;
}

// Use of the width at 1280 px; runs in the page.
function wideProblems() {
	const out = [];
	const vw = window.innerWidth;
	const main = document.querySelector('main');
	if (!main) return ['wide: no main element'];
	const r = main.getBoundingClientRect();
	if (r.width < 900) out.push(`wide: main is ${Math.round(r.width)} px wide at ${vw} px (want >= 900)`);
	const cs = getComputedStyle(main);
	const left = r.left + parseFloat(cs.paddingLeft);
	const inner = r.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
	let right = left;
	for (const el of main.querySelectorAll('*')) {
		const b = el.getBoundingClientRect();
		if (b.width && b.height) right = Math.max(right, Math.min(b.right, r.right));
	}
	// Only a column one must scroll through matters: a short message
	// (the 404 page) may stay narrow.
	if (right - left < 0.6 * inner && main.scrollHeight > window.innerHeight)
		out.push(`wide: the content of main spans ${Math.round(right - left)} px of its ${Math.round(inner)} px (want >= 60 %)`);
	return out;
}

// Marks each tabbable element with data-tabbable="N"; returns how many.
function markTabbable() {
	const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
	let n = 0;
	for (const el of document.querySelectorAll(sel)) {
		if (el.disabled || el.tabIndex < 0) continue;
		if (el.matches('input[type=hidden]')) continue;
		const cs = getComputedStyle(el);
		if (cs.visibility === 'hidden' || el.closest('[inert], [hidden]')) continue;
		if (!el.getClientRects().length || !el.checkVisibility({ visibilityProperty: true })) continue;
		// The content of a closed <details> is not rendered, unless the page
		// shows it (the menu from 768 px, ::details-content): checkVisibility
		// above says which.
		el.dataset.tabbable = String(n++);
	}
	return n;
}

// The focused element now: its tabbable index, name, and focus indicator.
function focused() {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) return null;
	const cs = getComputedStyle(el);
	const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
	const shadow = cs.boxShadow && cs.boxShadow !== 'none';
	let s = el.tagName.toLowerCase();
	if (el.className && typeof el.className === 'string') s += '.' + el.className.trim().split(/\s+/).join('.');
	const t = (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
	return {
		index: el.dataset.tabbable === undefined ? -1 : Number(el.dataset.tabbable),
		name: `${s} "${t.slice(0, 40)}"`,
		visible: outline || shadow,
		skip: el.matches('a.skip-link[href="#main"]'),
		inMain: !!el.closest('main'),
		afterMain: !!(document.querySelector('main').compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
	};
}

// Zero-width Thai marks in the h1's font; runs in the page.
function thaiGlyphs() {
	const h = document.querySelector('h1') || document.body;
	const cs = getComputedStyle(h);
	const width = (s) => {
		const span = document.createElement('span');
		span.style.cssText = `position:absolute;left:0;top:0;white-space:nowrap;visibility:hidden;font:${cs.font}`;
		span.textContent = s;
		document.body.appendChild(span);
		const w = span.getBoundingClientRect().width;
		span.remove();
		return w;
	};
	const base = width('กกกกกกกกกก');
	const marked = width('กิ่กิ่กิ่กิ่กิ่กิ่กิ่กิ่กิ่กิ่');
	return { base, marked, font: cs.fontFamily, hasThai: /[\u0E00-\u0E7F]/.test(h.textContent) };
}

// ------------------------------------------------------------ one page

async function newPage(browser, viewport, record) {
	const context = await browser.newContext({ viewport, locale: 'th-TH', serviceWorkers: 'block' });
	const page = await context.newPage();
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') record.thirdParty.push(r.url());
	});
	page.on('console', (m) => { if (m.type() === 'error') record.console.push({ text: m.text(), url: m.location().url }); });
	page.on('pageerror', (e) => record.console.push({ text: `uncaught ${e.message}`, url: '' }));
	page.on('requestfailed', (r) => record.failed.push(`${r.url()} (${r.failure() ? r.failure().errorText : 'failed'})`));
	page.on('response', (r) => {
		record.responses.push(r);
		if (r.status() >= 400) record.bad.push({ url: r.url(), status: r.status() });
	});
	return { context, page };
}

// Failed requests as the server logged them (from this page's slice of
// server.log), the same words as loadProblems.
function servedProblems(served, target, type) {
	const out = [];
	for (const s of served) {
		if (s.status < 400 || (type === '404' && s.url === target && s.status === 404)) continue;
		out.push(`load: ${s.url} answered ${s.status}`);
	}
	return out;
}

// Waits until the server has answered a request for one of the page's
// icons; returns the problem, or null.
async function iconProblem(page, served, origin) {
	const icons = await page.evaluate((o) => {
		const links = [...document.querySelectorAll('link[rel~="icon" i]')].map((l) => l.href);
		return links.length ? links : [`${o}/favicon.ico`];
	}, origin);
	for (const t0 = Date.now(); Date.now() - t0 < ICON_WAIT; await new Promise((r) => setTimeout(r, 50)))
		if (served().some((s) => icons.includes(s.url))) return null;
	return `load: the browser asked for none of the page's icons (${icons.join(', ')}) within ${ICON_WAIT} ms `
		+ '(Chromium does not ask again for an icon that failed earlier in the run)';
}

async function loadProblems(record, target, type, budget) {
	const out = [];
	for (const u of record.thirdParty) out.push(`offline: request to another host: ${u}`);
	for (const b of record.bad) {
		if (type === '404' && b.url === target && b.status === 404) continue;
		if (record.thirdParty.includes(b.url)) continue;
		out.push(`load: ${b.url} answered ${b.status}`);
	}
	for (const f of record.failed)
		if (!record.thirdParty.some((u) => f.startsWith(u))) out.push(`load: request failed: ${f}`);
	for (const c of record.console) {
		if (type === '404' && c.url === target && /status of 404/.test(c.text)) continue;
		out.push(`console: ${c.text}${c.url ? ` (${c.url})` : ''}`);
	}
	let bytes = 0, raw = 0;
	const parts = [];
	for (const r of record.responses) {
		if (new URL(r.url()).pathname.includes('/files/')) continue;
		const sizes = await r.request().sizes();
		let n = 0;
		try { n = (await r.body()).length; } catch { n = 0; }
		bytes += sizes.responseBodySize;
		raw += n;
		parts.push(`${new URL(r.url()).pathname.split('/').filter(Boolean).pop() || 'index'} ${(sizes.responseBodySize / 1024).toFixed(1)}`);
	}
	if (bytes >= BUDGET && budget)
		out.push(`budget: ${(bytes / 1024).toFixed(1)} KB of HTML+CSS+JS transferred (limit ${BUDGET / 1024} KB): ${parts.join(', ')}`);
	return { out, bytes, raw };
}

async function axeProblems(page, width) {
	await page.addScriptTag({ path: AXE });
	const res = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ' [' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 160) + ']' : ''}`),
		}));
	});
	return res.map((v) => `axe ${v.id} (${v.impact}) at ${width} px: ${v.help}: ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).join('; ')}`);
}

async function keyboardProblems(page) {
	const out = [];
	const total = await page.evaluate(markTabbable);
	await page.keyboard.press('Tab');
	const first = await page.evaluate(focused);
	if (!first || !first.skip) {
		out.push(`skip: the first Tab focuses ${first ? first.name : 'nothing'}, not the skip link a.skip-link[href="#main"]`);
	} else {
		if (!first.visible) out.push('focus: the skip link has no visible focus indicator');
		await page.keyboard.press('Enter');
		const hash = await page.evaluate(() => location.hash);
		await page.keyboard.press('Tab');
		const next = await page.evaluate(focused);
		if (hash !== '#main') out.push(`skip: Enter on the skip link left the address at "${hash}", not #main`);
		if (!next || !(next.inMain || next.afterMain))
			out.push(`skip: after the skip link, Tab goes to ${next ? next.name : 'nothing'}, not into main`);
	}
	// Every stop from the top, in order.
	await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); location.hash = ''; });
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.id = 'prongsai-test-start'; a.tabIndex = -1;
		document.body.prepend(a); a.focus(); a.remove();
	});
	const seen = new Set();
	let last = -1, stops = 0, unmarked = 0, disorder = 0, hidden = 0;
	for (let i = 0; i < MAX_TABS; i++) {
		await page.keyboard.press('Tab');
		const f = await page.evaluate(focused);
		if (!f) break;
		if (f.index >= 0 && seen.has(f.index)) break;
		stops++;
		if (stops <= FOCUS_STOPS && !f.visible && hidden++ < 5)
			out.push(`focus: Tab stop ${stops}, ${f.name}, has no visible focus indicator (outline none and no box-shadow)`);
		if (f.index < 0) { if (unmarked++ < 3) out.push(`tab: Tab stop ${stops}, ${f.name}, is focusable but not a link or control`); continue; }
		if (f.index < last && disorder++ < 3) out.push(`tab: Tab stop ${stops}, ${f.name}, comes before the previous stop in the document: order is not logical`);
		seen.add(f.index);
		last = Math.max(last, f.index);
	}
	if (seen.size < total) {
		const missed = await page.evaluate((s) => [...document.querySelectorAll('[data-tabbable]')]
			.filter((e) => !s.includes(Number(e.dataset.tabbable))).slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 30)}"`), [...seen]);
		out.push(`tab: ${seen.size} of ${total} links and controls reached by Tab; not reached: ${missed.join(', ')}`);
	}
	return { out, stops, total };
}

async function checkPage(browser, site, server, origin, pg, cdpFonts) {
	const target = urlOf(origin, site.base, pg.rel, pg.type);
	const label = pg.type === '404' ? new URL(target).pathname : pg.rel;
	const problems = [];
	const info = {};
	for (const vp of [NARROW, WIDE]) {
		const record = { console: [], failed: [], bad: [], responses: [], thirdParty: [] };
		const { context, page } = await newPage(browser, vp, record);
		const from = server.log.length;
		const served = () => server.log.slice(from);
		try {
			const resp = await page.goto(target, { waitUntil: 'load' });
			const want = pg.type === '404' ? 404 : 200;
			if (!resp || resp.status() !== want)
				problems.push(`load: ${target} answered ${resp ? resp.status() : 'nothing'}, want ${want}`);
			await page.evaluate(() => document.fonts.ready);
			const tall = await page.evaluate(() => document.documentElement.scrollHeight);
			await page.screenshot({
				path: path.join(shots, `${site.name}-${pg.type}-${vp.width}.png`), fullPage: true,
				clip: { x: 0, y: 0, width: vp.width, height: Math.min(tall, SHOT_MAX) },
			});
			const load = await loadProblems(record, target, pg.type, vp === WIDE);
			problems.push(...load.out);
			info.kb = `${(load.bytes / 1024).toFixed(1)} KB transferred (${(load.raw / 1024).toFixed(1)} KB uncompressed)`;
			if (vp === NARROW) {
				problems.push(...await page.evaluate(layoutProblems));
			} else {
				problems.push(...await page.evaluate(wideProblems));
				const th = await page.evaluate(thaiGlyphs);
				if (!(th.base > 0) || Math.abs(th.marked - th.base) > 0.05 * th.base)
					problems.push(`thai: in ${th.font}, "กิ่" x10 is ${th.marked.toFixed(1)} px and "ก" x10 ${th.base.toFixed(1)} px: Thai marks are not zero-width glyphs (tofu?)`);
				if (cdpFonts) {
					const cdp = await context.newCDPSession(page);
					await cdp.send('DOM.enable');
					await cdp.send('CSS.enable');
					const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
					const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
					if (nodeId) {
						const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
						info.fonts = fonts.map((f) => `${f.familyName} (${f.glyphCount})`).join(', ');
					}
				}
			}
			problems.push(...await axeProblems(page, vp.width));
			if (vp === WIDE) {
				await page.goto(target, { waitUntil: 'load' });
				const kb = await keyboardProblems(page);
				problems.push(...kb.out);
				info.stops = `${kb.stops}/${kb.total}`;
			}
			const icon = await iconProblem(page, served, origin);
			if (icon) problems.push(icon);
			problems.push(...servedProblems(served(), target, pg.type));
		} catch (e) {
			problems.push(`error at ${vp.width} px: ${String(e.message || e).split('\n')[0]}`);
		} finally {
			await context.close();
		}
	}
	report(`${site.name}/${pg.type}`, [...new Set(problems)].map((p) => `${label}: ${p}`));
	return info;
}

// ------------------------------------------------------------ main

let browser;
const proxy = await trap();
try {
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run',
			`--proxy-server=http://127.0.0.1:${proxy.address().port}`],
	});
} catch (e) {
	console.log(`FAIL: browser/launch: Chromium did not start (${CHROMIUM}): ${String(e.message || e).split('\n')[0]}`);
	console.log('0 passed, 1 failed');
	proxy.close();
	process.exit(1);
}
console.log(`browser: ${CHROMIUM} ${browser.version()}`);

try {
	for (const site of sites) {
		const t0 = Date.now();
		if (!fs.existsSync(path.join(site.dir, 'index.html'))) {
			report(`${site.name}/site`, [`no index.html in ${site.dir}`]);
			continue;
		}
		site.base = basePath(site.dir);
		const server = await serve(site.dir, site.base);
		const origin = `http://127.0.0.1:${server.address().port}`;
		const pages = pickPages(site.dir);
		if (!pages.some((p) => p.type === '404')) report(`${site.name}/404`, ['404.html: no 404 page in the output']);
		let first = true;
		for (const pg of pages) {
			const info = await checkPage(browser, site, server, origin, pg, first);
			if (info.fonts) console.log(`browser: ${site.name}: the h1 is drawn with ${info.fonts}`);
			console.log(`browser: ${site.name}/${pg.type}: ${pg.rel}, ${info.kb}, ${info.stops} Tab stops`);
			first = false;
		}
		server.close();
		console.log(`browser: ${site.name}: ${pages.length} page types in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	}
} finally {
	await browser.close();
	proxy.close();
}
// Chromium's own traffic (its updater, accounts) ends here too: shown, not failed.
if (proxy.hits.length) {
	const hosts = new Set(proxy.hits.map((u) => { try { return new URL(u).host; } catch { return u; } }));
	console.log(`browser: the proxy stopped ${proxy.hits.length} request(s) for other hosts: ${[...hosts].join(', ')}`);
}
console.log(`browser: run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
