// Fault: a script error on load.
window.addEventListener('DOMContentLoaded', function () {
  document.getElementById('no-such-element').textContent = 'never';
});
