/* Example catalogue filters: kind, care area, profession, type of measure and free text.
 * Progressive: without JavaScript every example is listed and the filter form stays hidden.
 * The URL query reflects the filter (?profession=sjukskoterska&q=prov), so a link can be
 * shared and a reload restores it. The count of shown examples is announced (role=status).
 */
(function () {
  "use strict";

  function normalise(text) {
    return (text || "").toLowerCase().trim();
  }

  function init(root) {
    var form = root.querySelector("form");
    var count = root.querySelector("[role=status]");
    var cards = Array.prototype.slice.call(root.querySelectorAll(".catalogue__card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var text = form.querySelector("input[name=q]");
    var template = root.getAttribute("data-shown-template") || "{n} / {total}";
    var total = cards.length;

    function state() {
      var s = {};
      selects.forEach(function (sel) { if (sel.value) s[sel.name] = sel.value; });
      if (normalise(text.value)) s.q = text.value.trim();
      return s;
    }

    function apply() {
      var s = state();
      var words = normalise(s.q).split(/\s+/).filter(Boolean);
      var shown = 0;
      cards.forEach(function (card) {
        var ok = selects.every(function (sel) {
          if (!sel.value) return true;
          return (card.getAttribute("data-" + sel.name) || "").split(" ").indexOf(sel.value) !== -1;
        });
        if (ok && words.length) {
          var hay = card.getAttribute("data-text") || "";
          ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
        }
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = template.replace("{n}", shown).replace("{total}", total);
    }

    function writeUrl() {
      var params = new URLSearchParams(state());
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      try {
        window.history.replaceState(null, "", url);
      } catch (e) {
        /* some file:// contexts refuse history changes; the filter still works */
      }
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (sel) {
        var value = params.get(sel.name) || "";
        var known = Array.prototype.some.call(sel.options, function (o) { return o.value === value; });
        sel.value = known ? value : "";
      });
      text.value = params.get("q") || "";
    }

    form.addEventListener("input", function () { apply(); writeUrl(); });
    form.addEventListener("change", function () { apply(); writeUrl(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(); writeUrl(); }, 0);
    });

    readUrl();
    form.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-catalogue]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
