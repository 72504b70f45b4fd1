// gk 站内搜索：在本地索引（search-index.js）中按子串和二字组匹配中文，不联网，file:// 下也能用。
// Site search: substring and bigram matching over the local index; no network, works from file://.
(function () {
  'use strict';
  // A government's search page has its index (search-index.js) loaded before this script. A workspace's search
  // across governments lists their indexes (#search-sources) and loads them here, all at once, run in order: each
  // entry gets its government's name and a link from the top of the output.
  var sources = document.querySelectorAll('#search-sources [data-src]');
  var index = sources.length > 0 ? [] : window.GK_SEARCH_INDEX || [];
  var loading = sources.length > 0;
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !list) return;

  // g: the government, in a workspace's search across governments.
  var FIELDS = ['n', 'c', 'i', 'g', 'd', 's', 'x'];
  // A hit in the item's name counts most, then its category and id, then government, domain, subject and content.
  var WEIGHTS = { n: 8, c: 4, i: 4, g: 3, d: 3, s: 2, x: 1 };
  // Results come a page at a time; 显示更多结果 adds the next page, so every result can be reached.
  var PAGE = 50;
  var EXCERPT = 80;
  // Everyday short forms of names the tables spell out: 低保 is how residents ask for 最低生活保障.
  var ALIASES = { '低保': ['最低生活保障'], '社保': ['社会保险'], '医保': ['医疗保险', '医疗保障'] };

  function norm(s) {
    return String(s || '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  }

  var prepared = [];
  function prepare() {
    prepared = index.map(function (entry, order) {
      var folded = {};
      FIELDS.forEach(function (key) { folded[key] = norm(entry[key]); });
      return { entry: entry, folded: folded, all: FIELDS.map(function (key) { return folded[key]; }).join('\u0000'), order: order };
    });
  }

  function bigrams(s) {
    var out = [];
    for (var i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    return out;
  }

  // Chinese has no spaces between words, so every term is matched as a substring; when nothing contains the
  // whole query, items sharing most of its two-character pieces still come up (预算公开 finds 预算信息公开).
  function termsOf(query) {
    return String(query).normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  }

  // A term and the longer names it stands for.
  function spellings(t) {
    return [t].concat(ALIASES[t] || []);
  }

  // Several words are matched together: an item must contain every one (in any field). When no item has them
  // all, the items with most of them come up, and the status says so.
  function search(query) {
    var terms = termsOf(query);
    if (terms.length === 0) return { all: true, hits: [] };
    var full = [];
    var partial = [];
    prepared.forEach(function (p) {
      var score = 0;
      var matched = 0;
      terms.forEach(function (t) {
        var best = 0;
        FIELDS.forEach(function (key) {
          spellings(t).forEach(function (w) {
            if (p.folded[key].indexOf(w) >= 0 && WEIGHTS[key] > best) best = WEIGHTS[key];
          });
        });
        if (best === 0) {
          // No field holds the term whole: most of its two-character pieces still count as a weaker hit.
          var grams = bigrams(t);
          if (grams.length >= 2) {
            var found = grams.filter(function (g) { return p.all.indexOf(g) >= 0; }).length;
            if (found / grams.length >= 0.6) best = found / grams.length;
          }
        }
        if (best > 0) matched++;
        score += best;
      });
      if (matched === terms.length) full.push({ p: p, score: score });
      else if (matched > 0 && terms.length > 1) partial.push({ p: p, score: matched * 100 + score });
    });
    var order = function (a, b) { return b.score - a.score || a.p.order - b.p.order; };
    var hits = full.length > 0 ? full : partial;
    hits.sort(order);
    return { all: full.length > 0, hits: hits.map(function (h) { return h.p.entry; }) };
  }

  // Text only, through the DOM: index values never become markup.
  function highlighted(text, terms) {
    var span = document.createElement('span');
    var lower = String(text).toLowerCase();
    var at = 0;
    while (at < text.length) {
      var next = -1;
      var len = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; len = t.length; }
      });
      if (next < 0 || len === 0) break;
      span.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(next, next + len);
      span.appendChild(mark);
      at = next + len;
    }
    span.appendChild(document.createTextNode(text.slice(at)));
    return span;
  }

  // The index holds the whole 公开内容 so all of it is searched; a result shows about EXCERPT characters around the hit.
  function excerptOf(text, terms) {
    if (text.length <= EXCERPT) return text;
    var lower = text.toLowerCase();
    var at = -1;
    terms.forEach(function (t) {
      var i = lower.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    var start = at < 0 ? 0 : Math.max(0, Math.min(at - 20, text.length - EXCERPT));
    return (start > 0 ? '…' : '') + text.slice(start, start + EXCERPT) + (start + EXCERPT < text.length ? '…' : '');
  }

  var current = { q: '', results: [], terms: [], shown: 0 };

  function resultItem(e, terms) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = e.h;
    a.appendChild(highlighted(e.n || e.i, terms));
    var title = document.createElement('p');
    title.className = 'result-title';
    title.appendChild(a);
    li.appendChild(title);
    var meta = document.createElement('p');
    meta.className = 'muted result-meta';
    meta.textContent = [e.g, e.d, e.c === e.n ? '' : e.c, e.s].filter(Boolean).join(' · ');
    li.appendChild(meta);
    if (e.x) {
      var excerpt = document.createElement('p');
      excerpt.className = 'result-excerpt';
      excerpt.appendChild(highlighted(excerptOf(e.x, terms), terms));
      li.appendChild(excerpt);
    }
    return li;
  }

  function showMore() {
    var next = current.results.slice(current.shown, current.shown + PAGE);
    next.forEach(function (e) { list.appendChild(resultItem(e, current.terms)); });
    current.shown += next.length;
    if (more) {
      var left = current.results.length - current.shown;
      more.hidden = left <= 0;
      more.textContent = '显示更多结果（还有 ' + left + ' 个）';
    }
  }

  function render(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var q = String(query).trim();
    current = { q: q, results: [], terms: [], shown: 0 };
    if (more) more.hidden = true;
    if (loading) {
      status.textContent = '正在载入搜索索引……';
      return;
    }
    if (q === '') {
      status.textContent = '共 ' + index.length + ' 个事项。输入关键词开始搜索。';
      return;
    }
    var found = search(q);
    var terms = [];
    termsOf(q).forEach(function (t) { terms = terms.concat(spellings(t)); });
    current.results = found.hits;
    current.terms = terms;
    var n = found.hits.length;
    if (n === 0) status.textContent = '没有找到与“' + q + '”相关的事项。';
    else if (found.all) status.textContent = '找到 ' + n + ' 个与“' + q + '”相关的事项' + (n > PAGE ? '，先显示前 ' + PAGE + ' 个。' : '。');
    else status.textContent = '没有同时含有“' + termsOf(q).join('”“') + '”的事项；以下 ' + n + ' 个事项含有其中部分词语。';
    showMore();
  }

  // The query is kept in the address: typing updates it in place, a search adds a history entry, Back goes back.
  var typing;
  // Whether the current history entry holds a search the visitor finished (submitted, or came back to with Back):
  // typing a new query then starts a new entry rather than overwriting that one, however slowly it is typed.
  var settled = false;
  function remember(q, push) {
    try {
      var url = new URL(window.location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      if (url.href === window.location.href) return;
      if (push) window.history.pushState({ q: q }, '', url.href);
      else window.history.replaceState({ q: q }, '', url.href);
    } catch (err) {
      // Some browsers refuse history changes on file:// pages; the search works all the same.
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(typing);
    remember(input.value.trim(), true);
    settled = true;
    render(input.value);
  });
  input.addEventListener('input', function () {
    render(input.value);
    clearTimeout(typing);
    typing = setTimeout(function () {
      remember(input.value.trim(), settled);
      settled = false;
    }, 300);
  });
  if (more) {
    more.addEventListener('click', function () {
      var first = current.shown;
      showMore();
      // Keyboard users land on the first new result.
      var link = list.children[first] && list.children[first].querySelector('a');
      if (link) link.focus();
    });
  }
  window.addEventListener('popstate', function () {
    var q = new URLSearchParams(window.location.search).get('q') || '';
    clearTimeout(typing);
    settled = q !== '';
    input.value = q;
    render(q);
  });

  if (!loading) prepare();
  var initial = new URLSearchParams(window.location.search).get('q') || '';
  settled = initial !== '';
  input.value = initial;
  render(initial);

  // Fetched all at once and run in order (async = false): each index's load event comes right after it has run and
  // before the next one runs, so the entries it left in GK_SEARCH_INDEX are its own. One that is missing is passed
  // over. When the last has run, the search runs on what the visitor has typed meanwhile.
  function loadAll() {
    var left = sources.length;
    var finish = function (script) {
      window.GK_SEARCH_INDEX = undefined;
      script.parentNode.removeChild(script);
      left--;
      if (left > 0) return;
      loading = false;
      prepare();
      render(input.value);
    };
    Array.prototype.forEach.call(sources, function (source) {
      var script = document.createElement('script');
      script.async = false;
      script.onload = function () {
        var entries = window.GK_SEARCH_INDEX || [];
        var name = source.textContent;
        var base = source.getAttribute('data-base') || '';
        entries.forEach(function (e) {
          e.g = name;
          if (!/^\//.test(e.h)) e.h = base + e.h;
          index.push(e);
        });
        finish(script);
      };
      script.onerror = function () {
        finish(script);
      };
      script.src = source.getAttribute('data-src');
      document.body.appendChild(script);
    });
  }
  if (loading) loadAll();
})();
