// Fault: the search never lists anything, and the page has no list of links for readers without JavaScript.
(function () {
  'use strict';
  document.getElementById('search-form').addEventListener('submit', function (e) { e.preventDefault(); });
}());
