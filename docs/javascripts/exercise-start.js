/* An exercise page's own code loads when it is wanted, not with the page (page weight, issue 12).
 *
 * Most readers of an exercise page read it; few open the projector, and the priority list
 * sits at the end of the exercise. So this script is all that loads with the page, and it
 * loads the rest (styles first, then scripts in order; from file:// too):
 *
 * Projector mode (projector.css, projector.js), when
 * - the [data-present] button is pressed, or Alt+Shift+P (the press is handed on once loaded);
 * - the pointer moves onto the button or it gets focus (so it is usually there by the press);
 * - the address names a projector slide (#storbild-N: a reload or Back/Forward in a meeting);
 * - this tab has projector state for the page (timers kept in sessionStorage by projector.js).
 *
 * The priority list (priority-store.js, priority-list.js; with data-follow-up also
 * follow-up.css, run-chart.js, priority-follow-up.js), when
 * - the list comes within a screen's height of the window (IntersectionObserver);
 * - projector mode loads (its voting slide shows the list);
 * - this browser already keeps lists (localStorage), so there is something to show at once;
 * - the page is about to be printed (the handout has the list's rows), or the browser has no
 *   IntersectionObserver.
 *
 * It also shows the [data-present] button, its hint and the reflection sheet's print button.
 * If a file cannot be loaded (a half-saved copy of the site), the list says what it says
 * without JavaScript, and the next press tries again.
 */
(function () {
  "use strict";

  var HASH = window.KlokareExercise.SLIDE_HASH;
  var STORE = window.KlokareExercise.PROJECTOR_STORE + window.location.pathname + ":";
  var LISTS = [window.KlokareExercise.LISTS_KEY, window.KlokareExercise.OLD_LISTS_KEY];
  var here = document.currentScript ? document.currentScript.src : window.location.href;

  /* Styles keep the order they had as one file: exercise.css, follow-up.css, projector.css. */
  var STYLES = ["exercise.css", "follow-up.css", "projector.css"];

  function placeStyle(node, name) {
    var after = null;
    Array.prototype.forEach.call(document.querySelectorAll("link[rel=stylesheet]"), function (link) {
      var rank = STYLES.indexOf(link.href.split("/").pop());
      if (rank >= 0 && rank < STYLES.indexOf(name)) after = link;
    });
    if (after) after.after(node);
    else document.head.append(node);
  }

  function add(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      node.onload = resolve;
      node.onerror = reject;
      if (tag === "link") placeStyle(node, attrs.href.split("/").pop());
      else document.body.append(node);
    });
  }

  /* One part: its styles, then its scripts one after the other; loads once, again after a failure. */
  function part(styles, scripts) {
    var loading = null;
    var self = {
      loaded: false,
      load: function () {
        if (!loading) {
          var chain = Promise.all(styles.map(function (href) {
            return add("link", { rel: "stylesheet", href: new URL(href, here).href });
          }));
          scripts.forEach(function (src) {
            chain = chain.then(function () { return add("script", { src: new URL(src, here).href }); });
          });
          loading = chain.then(function () { self.loaded = true; });
          loading.catch(function () { loading = null; });
        }
        return loading;
      }
    };
    return self;
  }

  function kept(storage, test) {
    try {
      for (var i = 0; i < storage.length; i++) if (test(storage.key(i))) return true;
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

  function startList(lists) {
    var followUp = lists.some(function (root) { return root.hasAttribute("data-follow-up"); });
    var list = part(
      followUp ? ["../stylesheets/follow-up.css"] : [],
      ["priority-store.js"].concat(followUp ? ["run-chart.js", "priority-follow-up.js"] : [], ["priority-list.js"])
    );
    var notes = lists.map(function (root) { return root.querySelector(".priority-list__nojs"); }).filter(Boolean);
    notes.forEach(function (note) { note.hidden = true; }); // it is on its way
    function load() {
      return list.load().catch(function () {
        notes.forEach(function (note) { note.hidden = false; });
      });
    }
    window.addEventListener("beforeprint", load);
    var stored = kept(window.localStorage, function (key) { return LISTS.indexOf(key) >= 0; });
    if (stored || !("IntersectionObserver" in window)) {
      load();
    } else {
      var watch = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          watch.disconnect();
          load();
        }
      }, { rootMargin: "100% 0px 100% 0px" });
      lists.forEach(function (root) { watch.observe(root); });
    }
    return load;
  }

  function startProjector(roots, loadList) {
    var projector = part(["../stylesheets/projector.css"], ["projector.js"]);
    function load() {
      return Promise.all([projector.load(), loadList ? loadList() : null]);
    }
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
          if (projector.loaded) return; // projector.js has its own handler on this button
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
      if (projector.loaded || event.defaultPrevented) return;
      if (window.KlokareExercise.isProjectorShortcut(event)) {
        event.preventDefault();
        event.stopPropagation(); // as projector.js does: Material's shortcuts on window stay out of it
        load().then(function () {
          document.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyP", key: "P", altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
        });
      }
    });
    window.addEventListener("popstate", function () {
      if (!projector.loaded && HASH.test(window.location.hash)) load(); // projector.js reads the address when it starts
    });
    var state = kept(window.sessionStorage, function (key) { return key.indexOf(STORE) === 0; });
    if (HASH.test(window.location.hash) || state) load();
  }

  function start() {
    var lists = Array.prototype.slice.call(document.querySelectorAll("div.priority-list[data-priority-list]"));
    var loadList = lists.length ? startList(lists) : null;
    var decks = Array.prototype.filter.call(document.querySelectorAll("div.exercise[data-exercise]"), function (root) {
      return root.querySelector("section.exercise__slide");
    });
    if (decks.length) startProjector(decks, loadList);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
