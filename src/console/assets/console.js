// The console's only script: progressive enhancement (every page works without it).
// - Live counts: elements with data-live="<key>" show the count of that key from the server-sent
//   events of /events (the queue's counts), and a page marked data-refresh-on-change reloads when
//   they change while nobody is typing in it.
// - Confirmations: a form with data-confirm="question" asks before it is sent.
// - The prompt preview (a form with data-copy-editors) sends the editors' current texts.
"use strict";

(function () {
  function showCounts(counts) {
    document.querySelectorAll("[data-live]").forEach(function (el) {
      var n = counts[el.getAttribute("data-live")];
      if (n === undefined) { return; }
      el.textContent = String(n);
      if (el.classList.contains("badge")) { el.hidden = n === 0; }
    });
  }

  var leaving = false;

  // A person is busy when a field has focus or holds text they typed: a reload would lose it.
  function busy() {
    if (leaving) { return true; }
    var el = document.activeElement;
    if (el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) { return true; }
    return Array.prototype.some.call(
      document.querySelectorAll("textarea, input:not([type=hidden])"),
      function (f) { return f.value !== f.defaultValue; });
  }

  function listen() {
    if (!window.EventSource) { return; }
    var last = null;
    var source = new EventSource("/events");
    // A page left keeps its stream open otherwise (kept for going back), and a browser allows few
    // connections to one host: after a handful of pages the next one would wait for a free one.
    window.addEventListener("pagehide", function () { source.close(); });
    source.addEventListener("counts", function (e) {
      var counts;
      try { counts = JSON.parse(e.data); } catch (_) { return; }
      showCounts(counts);
      // Says the live counts arrived (tests wait for it before changing what the page shows).
      document.documentElement.setAttribute("data-live-seen", "");
      var refresh = document.querySelector("[data-refresh-on-change]") !== null;
      if (last !== null && last !== e.data && refresh && !busy()) { window.location.reload(); }
      last = e.data;
    });
  }

  document.addEventListener("submit", function (e) {
    var q = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (q && !window.confirm(q)) { e.preventDefault(); return; }
    // The page is on its way to the form's answer: a reload now would cancel it (and its flash).
    leaving = true;
    // The prompt preview sends the editors' texts as they are now (saved or not).
    if (e.target.hasAttribute && e.target.hasAttribute("data-copy-editors")) {
      e.target.querySelectorAll("input[data-editor]").forEach(function (input) {
        var editor = document.querySelector('textarea[data-file="' + input.getAttribute("data-editor") + '"]');
        if (editor) { input.value = editor.value; }
      });
    }
  });

  if (document.querySelector('meta[name="csrf-token"]')) { listen(); }
})();
