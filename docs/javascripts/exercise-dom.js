/* Shared by the exercise scripts (loaded before them; exercise-start.js loads the others):
 * a tiny element builder and the exercise's interface text (data-strings, written by
 * macros/exercises.py from macros/strings.py). Classic script, so it works from file://.
 */
window.KlokareExercise = (function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    if (text != null) node.textContent = text;
    return node;
  }

  function strings(node) {
    var host = node.closest("[data-strings]");
    try {
      return JSON.parse(host ? host.getAttribute("data-strings") : "{}");
    } catch (e) {
      return {};
    }
  }

  /* Shared by exercise-start.js and projector.js: the address of a projector slide
     (#storbild-N, one-based) and the sessionStorage prefix of projector state per page. */
  var SLIDE_HASH = /^#storbild-(\d+)$/;
  var PROJECTOR_STORE = "klokare-vard.storbild:";
  /* Shared by exercise-start.js and priority-store.js: the localStorage keys of the priority
     lists (version 2, and version 1 still read and moved over). */
  var LISTS_KEY = "klokare-vard.prioriteringslistor";
  var OLD_LISTS_KEY = "klokare-vard.prioriteringslista";

  /* Shared by exercise-start.js and projector.js: Alt+Shift+P opens projector mode. A
     modifier, not a single letter: WCAG 2.1.4 (character key shortcuts), and Material's own
     "p" (previous page) keeps working. */
  function isProjectorShortcut(event) {
    return event.code === "KeyP" && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
  }

  return {
    el: el, strings: strings, SLIDE_HASH: SLIDE_HASH, PROJECTOR_STORE: PROJECTOR_STORE,
    LISTS_KEY: LISTS_KEY, OLD_LISTS_KEY: OLD_LISTS_KEY, isProjectorShortcut: isProjectorShortcut
  };
})();
