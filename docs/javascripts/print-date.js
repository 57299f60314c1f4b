/* The print-only block at the end of each page (overrides/render/print_footer.html) shows
 * the date the page was printed. Progressive: without this script it shows the build date.
 */
(function () {
  "use strict";

  function today() {
    var lang = document.documentElement.lang || undefined;
    try {
      return new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (err) {
      return new Date().toISOString().slice(0, 10);
    }
  }

  function fill() {
    var shown = document.querySelectorAll("[data-print-date]");
    Array.prototype.forEach.call(shown, function (el) {
      var time = el.querySelector("time");
      time.textContent = today();
      time.setAttribute("datetime", new Date().toISOString().slice(0, 10));
      el.hidden = false;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-print-date-fallback]"), function (el) {
      el.hidden = true;
    });
  }

  fill();
  window.addEventListener("beforeprint", fill);
})();
