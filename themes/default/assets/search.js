// Offline search. The index is JavaScript loaded by <script> tags, because a
// fetch() of JSON fails from file://. Terms are split by first character into
// assets/search/terms-<c>.js and documents into chunks (docs-<n>.js); a query
// loads only the term files it needs, the chunks of the results it shows, and
// facets-<filter>.js once that filter is chosen. The query, filters and page live in the
// URL (history.replaceState), so a search can be bookmarked.
(function () {
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var form = document.getElementById('search-form');
  var filterBox = document.getElementById('search-filters');
  if (!input || !results || !window.RS_SEARCH_META) return;
  var meta = window.RS_SEARCH_META;
  var perPage = 20;  // results a page lists, newest first
  var minPrefix = 3;  // a word this long or longer also finds words it begins
  var abbrs = window.RS_SEARCH_ABBR || [];
  var scriptBase = document.querySelector('script[src$="search.js"]').getAttribute('src').replace(/search\.js$/, '');
  var root = scriptBase.replace(/assets\/$/, '');
  window.RS_SEARCH_TERMS = window.RS_SEARCH_TERMS || {};
  window.RS_SEARCH_DOCS = window.RS_SEARCH_DOCS || {};
  var filters = [
    { name: 'committee', label: 'Committee', options: meta.committees || [] },
    { name: 'year', label: 'Municipal year', options: meta.years || [] },
    { name: 'kind', label: 'Kind', options: meta.kinds || [] }
  ];
  var page = 1;

  // The same rules as the builder's search_stem().
  function stem(w) {
    if (/'s$/.test(w)) w = w.slice(0, -2);
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + 'y';
    if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }
  function tokens(text) {
    return text.toLowerCase().replace(/[’]/g, "'").split(/[^a-z0-9'\u0080-\uffff]+/).filter(function (t) { return t; })
      .map(function (t) { return t.replace(/^'+|'+$/g, ''); }).filter(function (t) { return t; });
  }
  function shardOf(s) { return /^[a-z0-9]/.test(s) ? s[0] : '_'; }
  function loadScript(loaded, file) {
    return new Promise(function (resolve) {
      if (loaded) return resolve();
      var s = document.createElement('script');
      s.src = scriptBase + 'search/' + file;
      s.onload = s.onerror = function () { resolve(); };
      document.head.appendChild(s);
    });
  }
  function loadShard(key) { return loadScript(window.RS_SEARCH_TERMS[key], 'terms-' + key + '.js'); }
  function loadDocs(ids) {
    var chunks = {};
    ids.forEach(function (i) { chunks[Math.floor(i / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return loadScript(window.RS_SEARCH_DOCS[c], 'docs-' + c + '.js');
    }));
  }
  function doc(i) { var c = window.RS_SEARCH_DOCS[Math.floor(i / meta.chunk)]; return c && c[i % meta.chunk]; }
  function decode(list) {
    var out = [], prev = 0;
    list.split(',').forEach(function (d) { prev += parseInt(d, 36); out.push(prev); });
    return out;
  }
  // Each shard's stems sorted once, so the words a prefix begins are found by binary search.
  var sortedKeys = {};
  function postings(s, prefix) {
    var key = shardOf(s), shard = window.RS_SEARCH_TERMS[key] || {};
    if (!prefix) return shard[s] ? decode(shard[s]) : [];
    var keys = sortedKeys[key] || (sortedKeys[key] = Object.keys(shard).sort());
    var lo = 0, hi = keys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < s) lo = mid + 1; else hi = mid; }
    var seen = {}, out = [];
    for (var k = lo; k < keys.length && keys[k].lastIndexOf(s, 0) === 0; k++) {
      decode(shard[keys[k]]).forEach(function (id) { if (!seen[id]) { seen[id] = true; out.push(id); } });
    }
    return out;
  }
  function prefixable(s) { return s.length >= minPrefix; }
  // A query is a list of alternatives (each a list of stems): glossary
  // abbreviations and their expansions stand for each other.
  function alternatives(q) {
    var lower = ' ' + tokens(q).join(' ') + ' ';
    var alts = [lower];
    abbrs.forEach(function (pair) {
      var abbr = ' ' + pair[0] + ' ', exp = ' ' + tokens(pair[1]).join(' ') + ' ';
      alts.slice().forEach(function (a) {
        if (a.indexOf(exp) >= 0) alts.push(a.split(exp).join(abbr));
        if (a.indexOf(abbr) >= 0) alts.push(a.split(abbr).join(exp));
      });
    });
    return alts.map(function (a) { return a.trim().split(' ').filter(function (t) { return t; }).map(stem); });
  }
  function intersect(a, b) {
    var set = {}, out = [];
    b.forEach(function (x) { set[x] = true; });
    a.forEach(function (x) { if (set[x]) out.push(x); });
    return out;
  }
  // Facet runs "gap.length" (base 36) as document numbers.
  function facetIds(runs) {
    var out = [], end = 0;
    (runs || '').split(',').forEach(function (r) {
      if (!r) return;
      var p = r.split('.'), start = end + parseInt(p[0], 36), len = parseInt(p[1], 36);
      for (var i = 0; i < len; i++) out.push(start + i);
      end = start + len;
    });
    return out;
  }
  function matches(word, stems) {
    var s = stem(word.toLowerCase().replace(/’/g, "'"));
    return stems.some(function (q) { return s === q || (prefixable(q) && s.lastIndexOf(q, 0) === 0); });
  }
  var wordSplit = /([A-Za-z0-9'’\u0080-\uffff]+)/;
  function markInto(el, text, stems) {
    text.split(wordSplit).forEach(function (p, i) {
      if (i % 2 === 1 && matches(p, stems)) {
        var m = document.createElement('mark');
        m.textContent = p;
        el.appendChild(m);
      } else if (p) {
        el.appendChild(document.createTextNode(p));
      }
    });
  }
  // About 240 characters of `text` around its first matched word.
  function snippet(text, stems) {
    if (text.length <= 240) return text;
    var parts = text.split(wordSplit), at = -1, pos = 0;
    for (var i = 0; i < parts.length; i++) {
      if (i % 2 === 1 && matches(parts[i], stems)) { at = pos; break; }
      pos += parts[i].length;
    }
    return cut(text, at < 60 ? 0 : at - 60);
  }
  // 240 characters from the first word start after `from`, ended at a space.
  function cut(text, from) {
    var start = from > 0 ? text.indexOf(' ', from) + 1 : 0;
    var body = text.slice(start, start + 240);
    var more = start + 240 < text.length && !/…$/.test(body);
    if (more) body = body.slice(0, Math.max(body.lastIndexOf(' '), 120));
    return (start > 0 ? '…' : '') + body + (more ? '…' : '');
  }
  function chosen() {
    var out = {};
    filters.forEach(function (f) { if (f.select && f.select.value) out[f.name] = f.select.value; });
    return out;
  }
  function updateUrl(q) {
    var parts = [];
    if (q) parts.push('q=' + encodeURIComponent(q));
    var c = chosen();
    filters.forEach(function (f) { if (c[f.name]) parts.push(f.name + '=' + encodeURIComponent(c[f.name])); });
    if (page > 1) parts.push('page=' + page);
    try {
      history.replaceState(null, '', location.pathname + (parts.length ? '?' + parts.join('&') : '') + location.hash);
    } catch (e) { /* some browsers refuse this on file://; the search still works */ }
  }
  function pager(pages) {
    var nav = document.createElement('nav');
    nav.className = 'search-pager';
    nav.setAttribute('aria-label', 'Results pages');
    function button(label, to, rel) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'search-page-' + rel;
      b.textContent = label;
      b.addEventListener('click', function () { page = to; run(true); });
      nav.appendChild(b);
    }
    if (page > 1) button('Previous page', page - 1, 'previous');
    var p = document.createElement('span');
    p.textContent = 'Page ' + page + ' of ' + pages;
    nav.appendChild(p);
    if (page < pages) button('Next page', page + 1, 'next');
    return nav;
  }
  function show(q, found, stems, total, moved) {
    var pages = Math.max(1, Math.ceil(total / perPage));
    results.textContent = '';
    var h = document.createElement('h2');
    h.textContent = total ? 'Results' : 'No results';
    h.tabIndex = -1;
    results.appendChild(h);
    var first = (page - 1) * perPage + 1;
    // The status names the filters too: a screen reader hears why there are fewer.
    var narrowed = filters.filter(function (f) { return f.select && f.select.value; })
      .map(function (f) { return f.select.options[f.select.selectedIndex].textContent; });
    status.textContent = total + (total === 1 ? ' result' : ' results') + ' for ' + q +
      (narrowed.length ? ' (' + narrowed.join(', ') + ')' : '') +
      (pages > 1 ? ', ' + first + ' to ' + (first + found.length - 1) + ' shown' : '');
    var list = document.createElement('ol');
    list.className = 'search-results';
    list.start = first;
    found.forEach(function (i) {
      var d = doc(i);
      if (!d) return;
      var li = document.createElement('li');
      li.className = 'search-result';
      var p = document.createElement('p');
      var a = document.createElement('a');
      a.href = root + d[2];
      markInto(a, d[1], stems);
      p.appendChild(a);
      li.appendChild(p);
      var info = document.createElement('p');
      info.className = 'meta';
      info.textContent = [d[0], d[3], d[4]].filter(function (x) { return x; }).join(' · ');
      li.appendChild(info);
      if (d[5]) {
        var s = document.createElement('p');
        markInto(s, snippet(d[5], stems), stems);
        li.appendChild(s);
      }
      list.appendChild(li);
    });
    results.appendChild(list);
    if (pages > 1) results.appendChild(pager(pages));
    if (moved) h.focus();
  }
  var pending = 0;
  function run(moved) {
    var q = input.value.trim();
    updateUrl(q);
    if (!q) return;
    var alts = alternatives(q);
    var needed = {};
    alts.forEach(function (a) { a.forEach(function (s) { needed[shardOf(s)] = true; }); });
    var c = chosen();
    var loads = Object.keys(needed).map(loadShard);
    window.RS_SEARCH_FACETS = window.RS_SEARCH_FACETS || {};
    Object.keys(c).forEach(function (name) {
      loads.push(loadScript(window.RS_SEARCH_FACETS[name], 'facets-' + name + '.js'));
    });
    var ticket = ++pending;
    Promise.all(loads).then(function () {
      if (ticket !== pending) return;
      var found = [], seen = {}, allStems = [];
      alts.forEach(function (stems) {
        if (!stems.length) return;
        allStems = allStems.concat(stems);
        var ids = postings(stems[0], prefixable(stems[0]));
        for (var i = 1; i < stems.length && ids.length; i++) ids = intersect(ids, postings(stems[i], prefixable(stems[i])));
        ids.forEach(function (id) { if (!seen[id]) { seen[id] = true; found.push(id); } });
      });
      var facets = window.RS_SEARCH_FACETS;
      Object.keys(c).forEach(function (name) { found = intersect(found, facetIds((facets[name] || {})[c[name]])); });
      found.sort(function (a, b) { return b - a; });  // newest first
      var total = found.length;
      var pages = Math.max(1, Math.ceil(total / perPage));
      if (page > pages) page = pages;
      var shown = found.slice((page - 1) * perPage, page * perPage);
      return loadDocs(shown).then(function () {
        if (ticket !== pending) return;
        updateUrl(q);
        show(q, shown, allStems, total, moved);
      });
    });
  }
  // The filters need the script, so the script draws them.
  function param(name) {
    var m = new RegExp('[?&]' + name + '=([^&]*)').exec(window.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : '';
  }
  if (filterBox) {
    filters.forEach(function (f) {
      if (!f.options.length) return;
      var wrap = document.createElement('div');
      wrap.className = 'search-filter';
      var label = document.createElement('label');
      label.htmlFor = 'search-' + f.name;
      label.textContent = f.label;
      var select = document.createElement('select');
      select.id = 'search-' + f.name;
      select.name = f.name;
      [['', 'Any']].concat(f.options).forEach(function (o) {
        var opt = document.createElement('option');
        opt.value = o[0];
        opt.textContent = o[1];
        select.appendChild(opt);
      });
      select.value = param(f.name);
      if (select.value !== param(f.name)) select.value = '';
      select.addEventListener('change', function () { page = 1; run(); });
      f.select = select;
      wrap.appendChild(label);
      wrap.appendChild(select);
      filterBox.appendChild(wrap);
    });
    filterBox.hidden = false;
  }
  var timer = null;
  input.addEventListener('input', function () { clearTimeout(timer); page = 1; timer = setTimeout(run, 150); });
  form.addEventListener('submit', function (e) { e.preventDefault(); page = 1; run(); });
  var initial = param('q');
  page = Math.max(1, parseInt(param('page'), 10) || 1);
  if (initial) { input.value = initial; run(); }
})();
