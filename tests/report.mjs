// tests/report.mjs: the browser half of tests/report.sh.
//
// usage: node tests/report.mjs OUTPUT_DIR ARTEFACT_DIR [NAME]
//
// With NAME, only the dashboards are checked, and their screenshots are
// named NAME-dashboard-*.png (tests/report.sh passes its varied copy).
//
// In headless Chromium (Debian's /usr/bin/chromium, driven by npm
// playwright-core): prints OUTPUT_DIR/2566/report/index.html to
// ARTEFACT_DIR/report-2566.pdf with the page size the CSS asks for, and
// screenshots the home page and the 2566 year page at 360 px and 1280 px
// into ARTEFACT_DIR, checking that neither scrolls sideways.  Prints
// PASS:/FAIL: lines; exits 1 if a check failed, 2 if Chromium did not start.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, art, label] = process.argv.slice(2);
const pre = label ? `${label}-` : '';
if (!out || !art) {
	console.error('usage: node tests/report.mjs OUTPUT_DIR ARTEFACT_DIR');
	process.exit(2);
}
const url = (p) => pathToFileURL(path.resolve(out, p)).href;
let failed = 0;
const check = (name, ok, why) => {
	if (ok) console.log(`PASS: report/${name}`);
	else { failed++; console.log(`FAIL: report/${name}${why ? ': ' + why : ''}`); }
};

let browser;
try {
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run'],
	});
} catch (e) {
	console.log(`FAIL: report/chromium: did not start: ${String(e.message).split('\n')[0]}`);
	process.exit(2);
}
check('chromium', true);

try {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();

	// The report, printed as the browser prints it.
	if (!label) {
	await page.goto(url('2566/report/index.html'), { waitUntil: 'load' });
	await page.emulateMedia({ media: 'print' });
	const chrome = await page.evaluate(() =>
		['.site-header', '.site-nav', '.breadcrumb', '.site-footer', '.print-hint']
			.filter((s) => { const e = document.querySelector(s); return e && getComputedStyle(e).display !== 'none'; }));
	check('print/no-chrome', chrome.length === 0, `visible when printing: ${chrome.join(' ')}`);
	const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
	check('print/font', /Sarabun/.test(font) && /Laksaman/.test(font), font);
	// Every outer rule of every report table is printed (style.css hides
	// them on screen, where the table scrolls in its frame): the sides as
	// the table's borders, the top and bottom as the lines the header and
	// footer rows draw on every page (tests/report.sh checks the pixels).
	const frame = await page.evaluate(() => [...document.querySelectorAll('table.report-table')]
		.map((t) => {
			const c = getComputedStyle(t), miss = ['Right', 'Left']
				.filter((k) => c[`border${k}Style`] !== 'solid' || parseFloat(c[`border${k}Width`]) <= 0);
			const line = (e) => e && getComputedStyle(e).display !== 'none' && /gradient/.test(getComputedStyle(e).backgroundImage);
			if (!line(t.querySelector('thead th'))) miss.push('Top');
			if (!line(t.querySelector('tfoot td'))) miss.push('Bottom');
			return miss;
		})
		.filter((m) => m.length));
	check('print/table-frame', frame.length === 0, `tables without outer rules: ${JSON.stringify(frame)}`);
	await page.pdf({ path: path.join(art, 'report-2566.pdf'), preferCSSPageSize: true });
	check('print/pdf', true);
	await page.emulateMedia({ media: null });
	await page.screenshot({ path: path.join(art, 'report-2566-1280.png'), fullPage: true });
	}

	// The dashboards at a phone's width and a desktop's.
	for (const [name, p] of [['home', 'index.html'], ['year-2566', '2566/index.html']]) {
		for (const w of [360, 1280]) {
			await page.setViewportSize({ width: w, height: 800 });
			await page.goto(url(p), { waitUntil: 'load' });
			const m = await page.evaluate(() => ({
				sw: document.documentElement.scrollWidth,
				iw: window.innerWidth,
				charts: document.querySelectorAll('svg[role="img"]').length,
				// Every SVG chart stays inside the page's width.
				wide: [...document.querySelectorAll('svg.chart-svg')]
					.filter((s) => s.getBoundingClientRect().right > window.innerWidth + 0.5).length,
				// Every chart label fits inside its SVG.
				clipped: [...document.querySelectorAll('svg.chart-svg text')].filter((t) => {
					const r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();
					return r.right > s.right + 0.5 || r.left < s.left - 0.5;
				}).map((t) => t.textContent),
				// A label's size as drawn, against the body text's.
				label: (() => { const t = document.querySelector('svg.chart-svg text.chart-label'); return t ? t.getBoundingClientRect().height : 0; })(),
				scale: (() => { const s = document.querySelector('svg.chart-svg'); return s ? s.getBoundingClientRect().width / s.viewBox.baseVal.width : 0; })(),
				fs: (() => { const t = document.querySelector('svg.chart-svg text.chart-label'); return t ? Number(t.getAttribute('font-size')) : 0; })(),
				body: parseFloat(getComputedStyle(document.body).fontSize),
			}));
			const px = m.fs * m.scale;
			check(`${pre}${name}-${w}/chart-text-size`, Math.abs(px - m.body) <= (w < 768 ? 1.5 : 0.5), `chart labels ${px.toFixed(1)} px, body ${m.body} px`);
			await page.screenshot({ path: path.join(art, `${pre}dashboard-${name}-${w}.png`), fullPage: true });
			check(`${pre}${name}-${w}/no-sideways-scroll`, m.sw <= m.iw, `scrollWidth ${m.sw} > innerWidth ${m.iw}`);
			check(`${pre}${name}-${w}/charts`, m.charts > 0 && m.wide === 0, `${m.charts} charts, ${m.wide} wider than the page`);
			check(`${pre}${name}-${w}/labels-fit`, m.clipped.length === 0, `outside the chart: ${m.clipped.join(' | ')}`);
		}
	}
	// Every page type at a phone's width and a desktop's; on a phone the
	// menus are folded behind one button and the year's status is on the
	// first screen of the home page; with a logo, main site link and
	// contact in site.yaml they are on every page.
	if (!label) {
		const types = [['home', 'index.html'], ['year', '2566/index.html'], ['area', '2566/iit/index.html'],
			['report', '2566/report/index.html'], ['measure', '2566/measures/e-service/index.html'],
			['owners', 'owners/index.html'], ['page', 'about/index.html'], ['404', '404.html']];
		for (const w of [360, 1280]) {
			await page.setViewportSize({ width: w, height: 740 });
			for (const [name, p] of types) {
				await page.goto(url(p), { waitUntil: 'load' });
				const m = await page.evaluate(() => {
					const vis = (s) => { const e = document.querySelector(s); return !!e && e.checkVisibility(); };
					const links = document.querySelector('.nav-menu a');
					return {
						sw: document.documentElement.scrollWidth, iw: window.innerWidth,
						logo: vis('.site-header img.brand-logo') && !!document.querySelector('.site-header img.brand-logo').alt,
						logoOk: [...document.images].every((i) => i.complete && i.naturalWidth > 0),
						main: vis('.site-header a.main-site'), contact: vis('.site-footer address.contact'),
						button: vis('.nav-button'), menu: !!links && links.checkVisibility(),
						navH: document.querySelector('.site-nav').getBoundingClientRect().height,
						statsTop: document.querySelector('.dashboard .stats') ? document.querySelector('.dashboard .stats').getBoundingClientRect().top : null,
						font: document.fonts.check('16px "Prongsai Thai"', 'ก'),
					};
				});
				await page.screenshot({ path: path.join(art, `page-${name}-${w}.png`), fullPage: true });
				// The 404 page links from the server's root (/ita/...), which a
				// file: URL does not have: tests/browser.sh serves it.
				if (name === '404')
					continue;
				check(`${name}-${w}/no-sideways-scroll`, m.sw <= m.iw, `scrollWidth ${m.sw} > innerWidth ${m.iw}`);
				check(`${name}-${w}/identity`, m.logo && m.logoOk && m.main && m.contact, JSON.stringify(m));
				if (w === 360)
					check(`${name}-360/menu-folded`, m.button && !m.menu && m.navH < 60, JSON.stringify(m));
				else
					check(`${name}-1280/menu-open`, !m.button && m.menu, JSON.stringify(m));
				if (name === 'home' && w === 360)
					check('home-360/status-on-first-screen', m.statsTop !== null && m.statsTop < 740 - 80, `stats at ${m.statsTop} px`);
			}
		}
		await page.goto(url('index.html'), { waitUntil: 'load' });
		await page.evaluate(() => document.fonts.ready);
		check('font/served', await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Prongsai Thai') && f.status === 'loaded')), 'Noto Sans Thai from static/fonts/ not loaded');
	}
} catch (e) {
	check('browser', false, e.message);
} finally {
	await browser.close();
}
process.exit(failed ? 1 : 0);
