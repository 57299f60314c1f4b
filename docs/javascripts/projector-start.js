/* Projector mode loads when it is wanted, not with the page (page weight, issue 12).
 *
 * projector.js and projector.css are about a third of an exercise page's own code, and
 * most readers never open the projector. This script, on every exercise page, shows the
 * [data-present] button and its hint and the reflection sheet's print button, and loads
 * the projector (its styles first, then its script) when:
 * - the button is pressed, or Alt+Shift+P (then the press is handed on once it has loaded);
 * - the pointer moves onto the button or it gets focus (so it is usually there by the press);
 * - the address names a projector slide (#storbild-N: a reload or Back/Forward in a meeting);
 * - this tab has projector state for the page (timers kept in sessionStorage by projector.js).
 * projector.js then takes over as if it had been loaded with the page. Classic script,
 * no network beyond the site's own files: it works from file:// too.
 */
(function () {
  "use strict";

  var HASH = /^#storbild-\d+$/;
  var STORE = "klokare-vard.storbild:" + window.location.pathname + ":"; // as in projector.js
  var here = document.currentScript ? document.currentScript.src : window.location.href;
  var loading = null;
  var loaded = false;

  function add(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      node.onload = resolve;
      node.onerror = reject;
      (tag === "link" ? document.head : document.body).append(node);
    });
  }

  function load() {
    if (!loading) {
      loading = add("link", { rel: "stylesheet", href: new URL("../stylesheets/projector.css", here).href })
        .then(function () { return add("script", { src: new URL("projector.js", here).href }); })
        .then(function () { loaded = true; });
      loading.catch(function () { loading = null; }); // e.g. offline with a half-saved copy: try again on the next press
    }
    return loading;
  }

  function storedState() {
    try {
      for (var i = 0; i < window.sessionStorage.length; i++) {
        if (window.sessionStorage.key(i).indexOf(STORE) === 0) return true;
      }
    } catch (e) {
      /* storage off: nothing was kept */
    }
    return false;
  }

  /* The reflection sheet for step 1: the same page, printed with only that step. */
  function printReflectionSheet() {
    document.documentElement.classList.add("print-reflection");
    window.print();
  }
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("print-reflection");
  });

  function start() {
    var roots = Array.prototype.filter.call(document.querySelectorAll("div.exercise[data-exercise]"), function (root) {
      return root.querySelector("section.exercise__slide");
    });
    if (!roots.length) return;
    roots.forEach(function (root) {
      var button = root.querySelector("[data-present]");
      var hint = root.querySelector(".exercise__hint");
      var sheet = root.querySelector("[data-print-reflection]");
      if (button) {
        button.hidden = false;
        button.setAttribute("aria-keyshortcuts", "Alt+Shift+P");
        button.addEventListener("pointerenter", load);
        button.addEventListener("focus", load);
        button.addEventListener("click", function () {
          if (loaded) return; // projector.js has its own handler on this button
          load().then(function () { button.click(); });
        });
      }
      if (hint) hint.hidden = false;
      if (sheet) {
        sheet.hidden = false;
        sheet.addEventListener("click", printReflectionSheet);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (loaded || event.defaultPrevented) return;
      if (event.code === "KeyP" && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        load().then(function () {
          document.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyP", key: "P", altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
        });
      }
    });
    window.addEventListener("popstate", function () {
      if (!loaded && HASH.test(window.location.hash)) load(); // projector.js reads the address when it starts
    });
    if (HASH.test(window.location.hash) || storedState()) load();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
