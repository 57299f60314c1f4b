/* Language switch keeps the section: every page carries the same heading ids in both
 * languages (written in the Markdown as { #id }, from the data on generated pages; a test
 * checks that they match). On a click on the language menu, the link gets the id of the
 * section being read: the one in the address while its heading is on the screen, or else
 * the last heading above the top of the screen. (Material rewrites the address as the page
 * scrolls, and on a slow machine it can do so while the page is still settling, so the
 * address alone may name a section that is no longer in view.) Progressive: without it
 * the switch still leads to the same page.
 */
(function () {
  "use strict";

  function currentSection() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var named = hash ? document.getElementById(hash) : null;
    if (named) {
      var top = named.getBoundingClientRect().top;
      if (top >= 0 && top < window.innerHeight) return hash;
    }
    var found = null;
    Array.prototype.forEach.call(document.querySelectorAll("article h2[id], article h3[id]"), function (h) {
      if (h.getBoundingClientRect().top < 120) found = h.id;
    });
    return found || (named ? hash : null);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    var id = currentSection();
    var base = link.href.split("#")[0];
    link.href = id ? base + "#" + encodeURIComponent(id) : base;
  }, true);
})();
