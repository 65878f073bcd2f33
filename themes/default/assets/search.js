// Offline search. The index is JavaScript loaded by <script> tags, because a
// fetch() of JSON fails from file://. Terms are split by first character into
// assets/search/terms-<c>.js and documents into chunks (docs-<n>.js); a query
// loads only the term files it needs and the chunks of the results it shows.
(function () {
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var form = document.getElementById('search-form');
  if (!input || !results || !window.RS_SEARCH_META) return;
  var meta = window.RS_SEARCH_META;
  var shown = 50;  // results listed per query, newest first
  var abbrs = window.RS_SEARCH_ABBR || [];
  var scriptBase = document.querySelector('script[src$="search.js"]').getAttribute('src').replace(/search\.js$/, '');
  var root = scriptBase.replace(/assets\/$/, '');
  window.RS_SEARCH_TERMS = window.RS_SEARCH_TERMS || {};
  window.RS_SEARCH_DOCS = window.RS_SEARCH_DOCS || {};

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
  function postings(s) {
    var shard = window.RS_SEARCH_TERMS[shardOf(s)] || {};
    var list = shard[s];
    if (!list) return [];
    var out = [], prev = 0;
    list.split(',').forEach(function (d) { prev += parseInt(d, 36); out.push(prev); });
    return out;
  }
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
  function markInto(el, text, stems) {
    var parts = text.split(/([A-Za-z0-9'’\u0080-\uffff]+)/);
    parts.forEach(function (p, i) {
      if (i % 2 === 1 && stems.indexOf(stem(p.toLowerCase().replace(/’/g, "'"))) >= 0) {
        var m = document.createElement('mark');
        m.textContent = p;
        el.appendChild(m);
      } else if (p) {
        el.appendChild(document.createTextNode(p));
      }
    });
  }
  function show(q, found, stems, total) {
    found = found.filter(function (i) { return doc(i); });
    results.textContent = '';
    var h = document.createElement('h2');
    h.textContent = found.length ? 'Results' : 'No results';
    results.appendChild(h);
    status.textContent = total + (total === 1 ? ' result' : ' results') + ' for ' + q +
      (total > found.length ? ', the newest ' + found.length + ' shown' : '');
    var list = document.createElement('ol');
    list.className = 'search-results';
    found.forEach(function (i) {
      var d = doc(i);
      var li = document.createElement('li');
      li.className = 'search-result';
      var p = document.createElement('p');
      var a = document.createElement('a');
      a.href = root + d[2];
      markInto(a, d[1], stems);
      p.appendChild(a);
      li.appendChild(p);
      var meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = [d[0], d[3], d[4]].filter(function (x) { return x; }).join(' · ');
      li.appendChild(meta);
      if (d[5]) {
        var s = document.createElement('p');
        markInto(s, d[5], stems);
        li.appendChild(s);
      }
      list.appendChild(li);
    });
    results.appendChild(list);
  }
  var pending = 0;
  function run() {
    var q = input.value.trim();
    if (!q) return;
    var alts = alternatives(q);
    var needed = {};
    alts.forEach(function (a) { a.forEach(function (s) { needed[shardOf(s)] = true; }); });
    var ticket = ++pending;
    Promise.all(Object.keys(needed).map(loadShard)).then(function () {
      if (ticket !== pending) return;
      var found = [], seen = {}, allStems = [];
      alts.forEach(function (stems) {
        if (!stems.length) return;
        allStems = allStems.concat(stems);
        var ids = postings(stems[0]);
        for (var i = 1; i < stems.length && ids.length; i++) ids = intersect(ids, postings(stems[i]));
        ids.forEach(function (id) { if (!seen[id]) { seen[id] = true; found.push(id); } });
      });
      found.sort(function (a, b) { return b - a; });  // newest first
      var total = found.length;
      var page = found.slice(0, shown);
      return loadDocs(page).then(function () {
        if (ticket === pending) show(q, page, allStems, total);
      });
    });
  }
  var timer = null;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
  var initial = /[?&]q=([^&]*)/.exec(window.location.search);
  if (initial) { input.value = decodeURIComponent(initial[1].replace(/\+/g, ' ')); run(); }
})();
