/* Shared by projector.js and priority-list.js (loaded before them: exercise-start.js loads those):
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

  return { el: el, strings: strings };
})();
