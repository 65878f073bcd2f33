// Filters the undertakings register in place. Without JavaScript the page
// links to one page per state instead, so nothing depends on this file.
(function () {
  var form = document.getElementById('register-filter');
  var table = document.getElementById('register-table');
  if (!form || !table) return;
  var state = document.getElementById('filter-state');
  var committee = document.getElementById('filter-committee');
  var status = document.getElementById('filter-status');
  var rows = table.tBodies[0].rows;
  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!state.value || r.getAttribute('data-state') === state.value) &&
               (!committee.value || r.getAttribute('data-committee') === committee.value);
      r.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' undertakings.';
  }
  state.addEventListener('change', apply);
  committee.addEventListener('change', apply);
})();
