// Filters a page of the undertakings register in place, and keeps the filter
// in the address (?state=overdue&committee=audit), so a filtered list, such
// as one owner's overdue undertakings, can be bookmarked or sent on. Without
// JavaScript the pages link to one list per state and per owner instead, so
// nothing depends on this file.
(function () {
  var form = document.getElementById('register-filter');
  var table = document.getElementById('register-table');
  if (!form || !table) return;
  var state = document.getElementById('filter-state');
  var committee = document.getElementById('filter-committee');
  var status = document.getElementById('filter-status');
  var caption = table.caption;
  var captionText = caption ? caption.textContent : '';
  var rows = table.tBodies[0].rows;
  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  var params = new URLSearchParams(window.location.search);
  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++)
      if (select.options[i].value === value) { select.value = value; return; }
  }
  choose(state, params.get('state') || '');
  choose(committee, params.get('committee') || '');
  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!state.value || r.getAttribute('data-state') === state.value) &&
               (!committee.value || r.getAttribute('data-committee') === committee.value);
      r.hidden = !ok;
      if (ok) shown++;
    }
    var filtered = state.value || committee.value;
    var text = filtered ? shown + ' of the ' + rows.length + ' undertakings on this page match the filter' : '';
    status.textContent = text;
    if (caption) caption.textContent = filtered ? text + ' (' + captionText + ')' : captionText;
    var next = new URLSearchParams();
    if (state.value) next.set('state', state.value);
    if (committee.value) next.set('committee', committee.value);
    var query = next.toString();
    try {
      history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
    } catch (e) { /* some browsers refuse history on file:// pages; the filter still works */ }
  }
  state.addEventListener('change', apply);
  committee.addEventListener('change', apply);
  if (state.value || committee.value) apply();
})();
