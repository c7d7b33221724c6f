// search.js: the search page of the default theme.  Reads the index
// Prongsai's search.c wrote in search/ (its format: themes/default/README.md,
// Search) and shows the measures and pages that contain every word typed.
// No library, no request off the site.  A query is put in the same normal
// form as the index's text (search_norm in search.c); each word of two or
// more characters is found by its character bigrams at positions p, p+2,
// p+4..., which spell the word and nothing else, so the result is exact
// whatever a word segmenter would have said.
(function () {
	'use strict';
	var box = document.getElementById('search');
	if (!box || !window.fetch || !''.normalize) return;
	var form = document.getElementById('search-form');
	var input = document.getElementById('search-q');
	var state = document.getElementById('search-state');
	var list = document.getElementById('search-results');
	var more = document.getElementById('search-more');
	var sel = {
		year: document.getElementById('search-year'),
		area: document.getElementById('search-area'),
		status: document.getElementById('search-status')
	};
	var base = box.getAttribute('data-index');
	var root = box.getAttribute('data-root');
	var thai = box.getAttribute('data-digits') === 'thai';
	var PAGE = 20;			// results shown at once
	var SNIP = 80;			// characters of snippet around a match

	function t(id, n) {
		var s = box.getAttribute('data-t-' + id) || '';
		return n === undefined ? s : s.replace('{n}', n).replace('{year}', n).replace('{title}', n);
	}
	function digits(v) {
		var s = String(v);
		return thai ? s.replace(/[0-9]/g, function (d) {
			return String.fromCharCode(0x0e50 + d.charCodeAt(0) - 48);
		}) : s;
	}

	// ------------------------------------------------- the normal form
	// As search_norm in search.c, rule by rule and in its order.
	var INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
	var BLANK = /\s/;
	function fold(ch) {
		var c = ch.charCodeAt(0);
		if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7))
			return String.fromCharCode(c + 32);
		return ch;
	}
	function thaiDigit(d) {
		return String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48);
	}
	function norm(s) {
		var out = '', gap = false;
		for (var ch of s) {
			if (INVISIBLE.test(ch)) continue;
			if (BLANK.test(ch)) { gap = out.length > 0; continue; }
			if (gap) out += ' ';
			gap = false;
			out += fold(ch);
		}
		out = out.normalize('NFC').replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, '$1\u0e33');
		return out.replace(/[\u0e50-\u0e59]/g, thaiDigit);
	}
	// Text already in NFC (as search.c stores it) in normal form, with the
	// index in s of each UTF-16 unit of the result, for marking matches.
	function normMap(s) {
		var out = '', map = [], gap = false, i = 0;
		for (var ch of s) {
			if (!INVISIBLE.test(ch)) {
				if (BLANK.test(ch)) gap = out.length > 0;
				else {
					if (gap) { out += ' '; map.push(i); }
					gap = false;
					var f = fold(ch).replace(/[\u0e50-\u0e59]/g, thaiDigit);
					for (var k = 0; k < f.length; k++) { out += f[k]; map.push(i + k); }
				}
			}
			i += ch.length;
		}
		map.push(i);
		return { s: out, map: map };
	}

	// ------------------------------------------------------- the index
	var man = null;
	var files = new Map();	// url -> Promise of its content
	function get(url, kind) {
		if (!files.has(url))
			files.set(url, fetch(url).then(function (r) {
				if (!r.ok) throw new Error(url + ': ' + r.status);
				return kind === 'json' ? r.json() : r.arrayBuffer();
			}).then(function (v) {
				return kind === 'json' ? v : shardParse(new Uint8Array(v));
			}));
		return files.get(url);
	}
	// A shard: for each gram, a, b, the length of its postings, postings.
	function shardParse(u8) {
		var at = new Map(), i = 0;
		function rd() {
			var v = 0, m = 1, b;
			do { b = u8[i++]; v += (b & 127) * m; m *= 128; } while (b & 128);
			return v;
		}
		while (i < u8.length) {
			var a = rd(), b = rd(), len = rd();
			at.set(a * 0x200000 + b, [i, i + len]);
			i += len;
		}
		return { u8: u8, at: at };
	}
	// The postings of a gram in a shard: document number -> its positions.
	function postings(sh, key, first) {
		var r = sh.at.get(key);
		if (!r) return null;
		var u8 = sh.u8, i = r[0], out = new Map(), doc = -1;
		function rd() {
			var v = 0, m = 1, b;
			do { b = u8[i++]; v += (b & 127) * m; m *= 128; } while (b & 128);
			return v;
		}
		while (i < r[1]) {
			doc += rd();
			var pos = -1, ps = new Set();
			for (var g = rd(); g !== 0; g = rd()) { pos += g; ps.add(pos); }
			out.set(first + doc, ps);
		}
		return out;
	}
	// The grams that spell word w: at offsets 0, 2, 4... and the last pair.
	function cover(w) {
		var cs = Array.from(w), out = [];
		for (var o = 0; o + 1 < cs.length; o += 2) out.push(o);
		if (cs.length > 1 && out[out.length - 1] !== cs.length - 2) out.push(cs.length - 2);
		return out.map(function (o) {
			var a = cs[o].codePointAt(0), b = cs[o + 1].codePointAt(0);
			return { o: o, a: a, b: b, key: a * 0x200000 + b };
		});
	}
	// Documents of block k holding every word: id -> words found in the title.
	function blockFind(words, k) {
		var first = man.blocks[k][0], shards = man.blocks[k][1], need = [];
		var shard = function (g) { return (g.a * 1000003 + g.b) % shards; };
		words.forEach(function (w) { w.grams.forEach(function (g) { need.push(shard(g)); }); });
		need = Array.from(new Set(need));
		return Promise.all(need.map(function (s) {
			return get(base + 'b/' + k + '/' + s + '.bin', 'bin');
		})).then(function (shards) {
			var by = new Map();
			need.forEach(function (s, i) { by.set(s, shards[i]); });
			var hits = null;
			for (var w of words) {
				var ps = w.grams.map(function (g) { return postings(by.get(shard(g)), g.key, first); });
				if (ps.some(function (p) { return p === null; })) return new Map();
				var found = new Map();
				ps[0].forEach(function (pos0, doc) {
					if (hits && !hits.has(doc)) return;
					var sets = [];
					for (var j = 0; j < ps.length; j++) {
						var s = ps[j].get(doc);
						if (!s) return;
						sets.push(s);
					}
					var any = false, title = false;
					pos0.forEach(function (p) {
						if (title) return;
						for (var j = 1; j < sets.length; j++)
							if (!sets[j].has(p + w.grams[j].o)) return;
						any = true;
						if (p < man.body) title = true;
					});
					if (any) found.set(doc, (hits ? hits.get(doc) : 0) + (title ? 1 : 0));
				});
				hits = found;
				if (!hits.size) break;
			}
			return hits || new Map();
		});
	}
	function meta(id) {
		return get(base + 'm/' + Math.floor(id / man.meta) + '.json', 'json').then(function (v) {
			return v[id % man.meta];
		});
	}
	function text(id) {
		return get(base + 'x/' + Math.floor(id / man.text) + '.json', 'json').then(function (v) {
			return v[id % man.text];
		});
	}

	// ------------------------------------------------------- the page
	function filters() {
		return {
			year: sel.year && sel.year.value !== '' ? +sel.year.value : null,
			area: sel.area && sel.area.value !== '' ? +sel.area.value : null,
			status: sel.status && sel.status.value !== '' ? +sel.status.value : null
		};
	}
	function passes(m, f) {
		return (f.year === null || m[2] === f.year) &&
		    (f.area === null || (m[3] & (1 << f.area)) !== 0) &&
		    (f.status === null || m[4] === f.status);
	}
	function optionText(s, v) {
		for (var o of s.options) if (o.value === String(v)) return o.textContent;
		return '';
	}
	// Append s to el with every occurrence of the query's words marked.
	function marked(el, s, words) {
		var n = normMap(s), spans = [];
		for (var w of words)
			for (var i = n.s.indexOf(w.s); i >= 0; i = n.s.indexOf(w.s, i + 1))
				spans.push([n.map[i], n.map[i + w.s.length]]);
		spans.sort(function (a, b) { return a[0] - b[0]; });
		var at = 0;
		for (var sp of spans) {
			if (sp[0] < at) continue;
			el.appendChild(document.createTextNode(s.slice(at, sp[0])));
			var m = document.createElement('mark');
			m.textContent = s.slice(sp[0], sp[1]);
			el.appendChild(m);
			at = sp[1];
		}
		el.appendChild(document.createTextNode(s.slice(at)));
	}
	// The part of s around the first word found in it.
	function snippet(s, words) {
		var n = normMap(s), first = -1, len = 0;
		for (var w of words) {
			var i = n.s.indexOf(w.s);
			if (i >= 0 && (first < 0 || i < first)) { first = i; len = w.s.length; }
		}
		if (first < 0) return s.length > 2 * SNIP ? s.slice(0, 2 * SNIP) + '…' : s;
		var a = n.map[first], b = n.map[first + len];
		var from = Math.max(0, a - SNIP), to = Math.min(s.length, b + SNIP);
		// Not in the middle of a character's marks: back to a base letter.
		while (from > 0 && /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\udc00-\udfff]/.test(s[from])) from--;
		while (to < s.length && /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\udc00-\udfff]/.test(s[to])) to++;
		return (from > 0 ? '…' : '') + s.slice(from, to) + (to < s.length ? '…' : '');
	}
	function item(id, m, body, words) {
		var li = document.createElement('li');
		li.className = 'card search-hit';
		var h = document.createElement('h2');
		h.className = 'card-title';
		var a = document.createElement('a');
		a.href = root + m[0] + 'index.html';
		marked(a, m[1], words);
		h.appendChild(a);
		li.appendChild(h);
		var p = document.createElement('p');
		p.className = 'search-snippet';
		marked(p, snippet(body, words), words);
		li.appendChild(p);
		var f = document.createElement('p');
		f.className = 'meta search-facts';
		var parts = [];
		if (m[4] < 0) parts.push(t('search-page'));
		else {
			parts.push(t('fiscal-year', digits(m[2])));
			var areas = [];
			for (var k = 0; k < 3; k++)
				if (m[3] & (1 << k)) areas.push(optionText(sel.area, k) || ['IIT', 'EIT', 'OIT'][k]);
			parts.push(areas.join(', '));
		}
		f.appendChild(document.createTextNode(parts.join(' · ')));
		if (m[4] >= 0) {
			f.appendChild(document.createTextNode(' · '));
			var st = document.createElement('span');
			var code = sel.status.options[m[4] + 1].getAttribute('data-code');
			st.className = 'badge badge-' + code;
			st.textContent = optionText(sel.status, m[4]);
			f.appendChild(st);
			f.appendChild(document.createTextNode(' · ' + t('percent', digits(m[5]))));
		}
		li.appendChild(f);
		li.setAttribute('data-doc', id);
		return li;
	}

	var seq = 0, shown = PAGE, last = null;
	// Show the first `shown` of the ranked hits that pass the filters.
	var drawn = 0;		// the latest render; an older one that ends later is dropped
	function render(run, done) {
		var mine = ++drawn;
		var f = filters(), filtered = f.year !== null || f.area !== null || f.status !== null;
		var ids = run.ranked;
		var want = filtered ? ids : ids.slice(0, shown);
		return Promise.all(want.map(meta)).then(function (ms) {
			var keep = [];
			ms.forEach(function (m, i) { if (passes(m, f)) keep.push([want[i], m]); });
			var page = keep.slice(0, shown);
			var show = function (bodies) {
				if (run.id !== seq || mine !== drawn) return false;
				var frag = document.createDocumentFragment();
				bodies.forEach(function (b, i) { frag.appendChild(item(page[i][0], page[i][1], b, run.words)); });
				list.replaceChildren(frag);
				return true;
			};
			// The first result as soon as its text is there, then the rest.
			var head = !list.children.length && page.length ? text(page[0][0]).then(function (b) {
				return show([b]);
			}) : Promise.resolve(true);
			return head.then(function (going) {
				if (!going) return null;
				return Promise.all(page.map(function (e) { return text(e[0]); }));
			}).then(function (bodies) {
				if (!bodies || !show(bodies)) return;
				var total = filtered ? keep.length : ids.length;
				more.hidden = !(done && total > page.length);
				if (done) {
					state.textContent = total ? t('search-count', digits(total)) :
					    t('search-none', '“' + run.q.trim() + '”');
					box.setAttribute('data-state', 'done');
				}
			});
		});
	}
	function rank(run) {
		run.ranked = Array.from(run.hits.keys()).sort(function (a, b) {
			return (run.hits.get(b) - run.hits.get(a)) || (a - b);
		});
	}
	function search(q) {
		var id = ++seq;
		shown = PAGE;
		var ws = Array.from(new Set(norm(q).split(' ').filter(function (w) {
			return Array.from(w).length >= 2;
		})));
		if (!ws.length) {
			list.replaceChildren();
			more.hidden = true;
			state.textContent = norm(q) === '' ? '' : t('search-short');
			box.setAttribute('data-state', 'done');
			return Promise.resolve();
		}
		box.setAttribute('data-state', 'loading');
		state.textContent = t('search-loading');
		var run = { id: id, q: q, words: ws.map(function (w) { return { s: w, grams: null }; }), hits: new Map(), ranked: [] };
		last = run;
		return get(base + 'index.json', 'json').then(function (m) {
			man = m;
			run.words.forEach(function (w) { w.grams = cover(w.s); });
			var k = 0;
			function next() {
				if (run.id !== seq) return null;
				if (k >= man.blocks.length) { rank(run); return render(run, true); }
				return blockFind(run.words, k++).then(function (h) {
					if (run.id !== seq) return null;
					var grew = h.size > 0;
					h.forEach(function (v, d) { run.hits.set(d, v); });
					if (!grew || k >= man.blocks.length) return next();
					rank(run);
					return render(run, false).then(next);
				});
			}
			return next();
		}).catch(function () {
			if (run.id !== seq) return;
			state.textContent = t('search-error');
			box.setAttribute('data-state', 'error');
		});
	}

	function params() {
		var u = new URL(location.href);
		u.search = '';
		if (input.value.trim() !== '') u.searchParams.set('q', input.value.trim());
		for (var k in sel) if (sel[k] && sel[k].value !== '') u.searchParams.set(k, sel[k].value);
		history.replaceState(null, '', u.href);
	}
	var timer = 0;
	function soon() {
		clearTimeout(timer);
		timer = setTimeout(function () { params(); search(input.value); }, 150);
	}
	form.addEventListener('submit', function (e) {
		e.preventDefault();
		clearTimeout(timer);
		params();
		search(input.value);
	});
	input.addEventListener('input', soon);
	for (var k in sel) if (sel[k]) sel[k].addEventListener('change', function () {
		clearTimeout(timer);
		params();
		if (last && last.id === seq && last.ranked.length) { shown = PAGE; render(last, true); }
		else search(input.value);
	});
	more.addEventListener('click', function () {
		var n = list.children.length;
		shown += PAGE;
		render(last, true).then(function () {
			var a = list.children[n] && list.children[n].querySelector('a');
			if (a) a.focus();
		});
	});

	// For tests and other scripts: the site paths of every document that
	// holds every word of q, best first, without touching the page.
	window.prongsaiSearch = function (q) {
		var ws = Array.from(new Set(norm(q).split(' ').filter(function (w) {
			return Array.from(w).length >= 2;
		})));
		return get(base + 'index.json', 'json').then(function (m) {
			man = m;
			var words = ws.map(function (w) { return { s: w, grams: cover(w) }; });
			var ks = [];
			for (var k = 0; words.length && k < man.blocks.length; k++) ks.push(k);
			return Promise.all(ks.map(function (k) { return blockFind(words, k); }));
		}).then(function (hs) {
			var run = { hits: new Map() };
			hs.forEach(function (h) { h.forEach(function (v, d) { run.hits.set(d, v); }); });
			rank(run);
			return Promise.all(run.ranked.map(meta));
		}).then(function (ms) { return ms.map(function (m) { return m[0]; }); });
	};

	var start = new URL(location.href).searchParams;
	for (var s in sel)
		if (sel[s] && start.get(s) !== null) sel[s].value = start.get(s);
	if (start.get('q') !== null) {
		input.value = start.get('q');
		search(input.value);
	} else box.setAttribute('data-state', 'done');
})();
