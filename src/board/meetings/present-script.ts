/**
 * The present view's only script, served as a file from this site (the CSP allows scripts from 'self' on
 * that page and nothing inline). Every second it asks for the live part of the page and swaps it in when it
 * changed, so votes show within two seconds without a reload. Without scripts the page refreshes itself
 * (a meta refresh inside <noscript>).
 */
export const PRESENT_SCRIPT = `(function () {
  var live = document.getElementById('live');
  if (!live || !window.fetch) return;
  var url = live.getAttribute('data-src');
  var last = null;
  function tick() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
      .then(function (html) {
        live.classList.remove('stale');
        if (html !== last) { live.innerHTML = html; last = html; }
      })
      .catch(function () { live.classList.add('stale'); })
      .then(function () { setTimeout(tick, 1000); });
  }
  tick();
})();
`;
