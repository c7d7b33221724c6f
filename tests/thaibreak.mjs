// tests/thaibreak.mjs: where Chromium ends the lines of Thai text.
//
//   node tests/thaibreak.mjs WIDTH CONTROL FILE...
//
// Opens each HTML file (file: URL) in Debian's /usr/bin/chromium at
// WIDTH x 740 px and prints, as JSON, every line end that falls between
// two Thai letters: the Thai run around it (the letters of the same
// block, across the page's <wbr> and spans) and the offset of the break
// in it, in UTF-16 code units.  A line end is found from the letters'
// own boxes (Range.getClientRects, one per character): the next letter
// is on a lower line and to the left.  With CONTROL "control" the
// build's spans are turned off first (span.w, span.n as white-space:
// normal), as if the build had not marked the words: the checker must
// then find breaks inside words, or it could never fail.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [width, control, ...files] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: Number(width), height: 740 } });
const out = [];
for (const f of files) {
	await page.goto(pathToFileURL(path.resolve(f)).href);
	if (control === 'control')
		await page.addStyleTag({ content: '.w, .n { white-space: normal !important; }' });
	const r = await page.evaluate(() => {
		const thai = (c) => c >= '\u0e01' && c <= '\u0e4f';
		const skip = /^(SCRIPT|STYLE|TITLE|SVG|PRE|CODE|OPTION|SELECT|TEXTAREA|TEXT)$/i;
		const block = (n) => {
			let e = n.parentElement;
			while (e && getComputedStyle(e).display.startsWith('inline'))
				e = e.parentElement;
			return e;
		};
		// Runs of Thai letters of one block: a text node's end does not
		// end one (the build's <wbr> and spans split text nodes), any
		// other character does.
		const breaks = [];
		let run = [];
		const flush = () => {
			const text = run.map((x) => x.c).join('');
			let prev = null;
			run.forEach((x, i) => {
				if (!x.rect || x.rect.width === 0)
					return;
				if (prev && x.rect.top > prev.rect.top + prev.rect.height / 2 &&
				    x.rect.left < prev.rect.left)
					breaks.push({ run: text, at: i });
				prev = x;
			});
			run = [];
		};
		const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n; (n = w.nextNode());) {
			let bad = false;
			for (let e = n.parentElement; e && !bad; e = e.parentElement)
				bad = skip.test(e.tagName) || e.classList.contains('visually-hidden');
			if (bad) {
				flush();
				continue;
			}
			const b = block(n);
			for (let i = 0; i < n.data.length; i++) {
				const c = n.data[i];
				if (!thai(c)) {
					flush();
					continue;
				}
				if (run.length && run[0].b !== b)
					flush();
				const rg = document.createRange();
				rg.setStart(n, i);
				rg.setEnd(n, i + 1);
				const rs = rg.getClientRects();
				run.push({ c, b, rect: rs.length ? rs[0] : null });
			}
		}
		flush();
		return { breaks, width: document.documentElement.scrollWidth };
	});
	out.push({ file: f, ...r });
}
await browser.close();
console.log(JSON.stringify(out));
