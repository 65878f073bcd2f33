// On paper a relative link says nothing. When the site knows its address
// (base_url), the page carries its own (data-page-url on <html>), and just
// before printing each link inside <main> to another page of the site is
// given its absolute address, which the print style sheet shows after it.
// Done here rather than written into every link, where it would add a fifth
// to the size of every page for the few that are printed.
(function () {
  var page = document.documentElement.getAttribute('data-page-url');
  if (!page) return;
  window.addEventListener('beforeprint', function () {
    var links = document.querySelectorAll('main a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (!href || href.charAt(0) === '#' || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      try { links[i].setAttribute('data-print-url', new URL(href, page).href); } catch (e) { /* leave it */ }
    }
  });
})();
