// tests/serve-browser.mjs: the preview's live reload and error overlay in a real browser.
//
//   node tests/serve-browser.mjs URL SITE
//
// URL is a running `prongsai serve`'s address (http://127.0.0.1:PORT/ita/)
// and SITE its site folder, the example site's copy.  Debian's
// /usr/bin/chromium, driven headless through playwright-core, opens a
// measure's page; the measure's file is saved (a temporary file renamed
// over it) with a new title, and the page must reload by itself and show
// it; saved broken, the page must show the error overlay, visible, with
// the file's line; saved as it was, the overlay must go.  No console
// error on the way.  Prints one line per check: its name, a tab, and why
// it failed (nothing after the tab when it passed), as tests/serve.py.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [url, site] = process.argv.slice(2);
const file = path.join(site, 'content/measures/2566/asset-rules-awareness.md');
const page_url = url + '2566/measures/asset-rules-awareness/';
const WAIT = 60000;

function verdict(name, why = '') {
	console.log(`${name}\t${String(why).replace(/\s+/g, ' ').slice(0, 400)}`);
}

function save(text) {
	const tmp = path.join(path.dirname(file), '.' + path.basename(file) + '.swp');
	fs.writeFileSync(tmp, text);
	fs.renameSync(tmp, file);
}

const good = fs.readFileSync(file, 'utf8');
let browser;
try {
	browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
} catch (e) {
	verdict('browser launches', String(e.message || e).split('\n')[0]);
	process.exit(1);
}
const errors = [];
try {
	const page = await browser.newPage();
	page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(page_url);
	// The live-reload stream is open before the file changes.
	await page.waitForTimeout(1000);
	const title = 'ทดสอบเบราว์เซอร์';
	save(good.replace(/^title: .*$/m, `title: ${title}`));
	try {
		await page.waitForFunction((t) => document.querySelector('h1') &&
		    document.querySelector('h1').textContent.includes(t), title,
		    { timeout: WAIT });
		verdict('browser reloads after a save');
	} catch (e) {
		verdict('browser reloads after a save', 'the page did not show the new title by itself');
	}
	await page.waitForTimeout(500);
	save(good.replace(/^status: done$/m, 'status: finished'));
	try {
		const box = await page.waitForSelector('#prongsai-errors',
		    { state: 'visible', timeout: WAIT });
		const text = await box.textContent();
		const why = [];
		if (!text.includes('status: finished'))
			why.push('the overlay lacks the offending line');
		if (!/asset-rules-awareness\.md:\d+:\d+/.test(text))
			why.push('the overlay lacks file:line:col');
		verdict('browser shows the error overlay', why.join('; '));
	} catch (e) {
		verdict('browser shows the error overlay', 'no visible #prongsai-errors after a broken save');
	}
	save(good);
	try {
		await page.waitForSelector('#prongsai-errors', { state: 'detached', timeout: WAIT });
		verdict('browser overlay clears when fixed');
	} catch (e) {
		verdict('browser overlay clears when fixed', 'the overlay stayed after the fix');
	}
	verdict('browser no console errors', errors.join('; '));
} finally {
	fs.writeFileSync(file, good);
	await browser.close();
}
