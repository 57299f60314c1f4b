/* Language switch keeps the section: the Swedish and English pages have the same
 * structure but different heading ids (they are made from the heading text). On a click
 * on the language menu, the link gets the position of the section being read
 * (#avsnitt-3 = the third h2/h3); the other page turns that into its own heading id.
 * Pages whose anchors are the same in both languages (glossary, sources: ids from the
 * data) mark that with [data-stable-anchors], and their ids are passed as they are.
 * Progressive: without it the switch still leads to the same page.
 */
(function () {
  "use strict";

  var PREFIX = "avsnitt-";

  function headings() {
    return Array.prototype.slice.call(document.querySelectorAll("article h2[id], article h3[id]"));
  }

  function currentHeading() {
    var list = headings();
    var hash = decodeURIComponent(window.location.hash.slice(1));
    for (var i = 0; i < list.length; i += 1) {
      if (hash && list[i].id === hash) return i;
    }
    var found = -1;
    list.forEach(function (h, index) {
      if (h.getBoundingClientRect().top < 120) found = index;
    });
    return found;
  }

  function stableTarget() {
    if (!document.querySelector("[data-stable-anchors]")) return null;
    var hash = decodeURIComponent(window.location.hash.slice(1));
    return hash && document.getElementById(hash) ? hash : null;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    var base = link.href.split("#")[0];
    var stable = stableTarget();
    if (stable) {
      link.href = base + "#" + encodeURIComponent(stable);
      return;
    }
    var index = currentHeading();
    link.href = index >= 0 ? base + "#" + PREFIX + (index + 1) : base;
  }, true);

  function restore() {
    var match = /^#avsnitt-(\d+)$/.exec(window.location.hash);
    if (!match) return;
    var heading = headings()[parseInt(match[1], 10) - 1];
    if (!heading) return;
    try {
      window.history.replaceState(null, "", "#" + heading.id);
    } catch (e) {
      /* file:// may refuse; scrolling is what matters */
    }
    heading.scrollIntoView();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restore);
  } else {
    restore();
  }
})();
