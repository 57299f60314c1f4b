/* Example catalogue filters: kind, care area, profession, type of measure and free text.
 * Progressive: without JavaScript every example is listed and the filter form stays hidden.
 * The URL query reflects the filter (?profession=sjukskoterska&text=prov), so a link can be
 * shared and a reload restores it. (Not ?q=: Material opens its own search for that.)
 * The count of shown examples is announced (role=status). Examples that do not fit are taken
 * out of the list (not hidden) and put back in their place when they fit again.
 *
 * Free text: a card is shown when it has at least one of the words, and the cards with
 * the most words come first. Matching ignores case and å/ä/ö (lagvard finds lågvärd),
 * finds a word inside a compound (prov in labbprover) and tries the word without a common
 * ending (prover -> prov, utmönstra -> utmönstr). When nothing fits, the reader is told
 * which words matched nothing and offered a way on: clear the search, drop a filter, or
 * search the whole site.
 *
 * On a phone the four selects sit behind a "Filtrera (1)" disclosure (open on wider screens),
 * and when a filter changes the count and first result are brought into view.
 */
(function () {
  "use strict";

  // Swedish and English endings, longest first; the stem keeps at least MIN_STEM letters.
  var ENDINGS = ["erna", "arna", "orna", "ande", "ende", "ing", "en", "et", "er", "ar", "or", "na", "es", "ed", "a", "e", "n", "s"];
  var MIN_STEM = 4;

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  /* The forms a query word is looked for in: itself, and itself without a common ending.
     Worked out once per word (a keystroke asks for them once per card). */
  var formsOf = {};
  function forms(word) {
    if (Object.prototype.hasOwnProperty.call(formsOf, word)) return formsOf[word];
    var out = formsOf[word] = [word];
    ENDINGS.forEach(function (ending) {
      var stem = word.slice(0, word.length - ending.length);
      if (word.length > ending.length && word.slice(-ending.length) === ending && stem.length >= MIN_STEM && out.indexOf(stem) === -1) {
        out.push(stem);
      }
    });
    return out;
  }

  function has(hay, word) {
    return forms(word).some(function (form) { return hay.indexOf(form) !== -1; });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function init(root) {
    var form = root.querySelector("form");
    var count = root.querySelector("[role=status]");
    var list = root.querySelector(".catalogue__list");
    var cards = Array.prototype.slice.call(root.querySelectorAll(".catalogue__card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var text = form.querySelector("input[name=text]");
    var empty = root.querySelector(".catalogue__empty");
    var without = empty.querySelector("[data-without]");
    var siteSearch = empty.querySelector("[data-site-search]");
    var siteSearchBase = siteSearch.getAttribute("href");
    var template = root.getAttribute("data-shown-template") || "{n} / {total}";
    var unmatchedTemplate = root.getAttribute("data-unmatched-template") || "{words}";
    var withoutTemplate = root.getAttribute("data-without-template") || "{filter}: {value} ({n})";
    var more = form.querySelector(".catalogue__more");
    var moreTemplate = more.getAttribute("data-more-template") || "{n}";
    var wide = window.matchMedia("(min-width: 600px)");
    var total = cards.length;
    var hays = cards.map(function (card) { return fold(card.getAttribute("data-text")); });
    // Each card's values per filter, read once: " sjukskoterska lakare " (spaces around each).
    var facets = cards.map(function (card) {
      var values = {};
      selects.forEach(function (sel) { values[sel.name] = " " + (card.getAttribute("data-" + sel.name) || "") + " "; });
      return values;
    });
    // The cards the list holds now (indexes), in order: as built, all of them.
    var placed = cards.map(function (card, i) { return i; });
    // Only the cards go in the list: the whitespace between them would be re-checked by
    // the browser at every change.
    Array.prototype.slice.call(list.childNodes).forEach(function (node) {
      if (node.nodeType === 3 && !node.nodeValue.trim()) list.removeChild(node);
    });

    function state() {
      var s = {};
      selects.forEach(function (sel) { if (sel.value) s[sel.name] = sel.value; });
      if (text.value.trim()) s.text = text.value.trim();
      return s;
    }

    function passes(index, skip) {
      return selects.every(function (sel) {
        if (!sel.value || sel === skip) return true;
        return facets[index][sel.name].indexOf(" " + sel.value + " ") !== -1;
      });
    }

    /* How many of the words a card has (0 when a filter excludes it); -1: no words given. */
    function score(index, words, skip) {
      if (!passes(index, skip)) return 0;
      if (!words.length) return -1;
      return words.filter(function (w) { return has(hays[index], w); }).length;
    }

    function label(sel) {
      var field = sel.closest(".catalogue__field");
      return field ? field.querySelector("label").textContent : sel.name;
    }

    function offerWithout(words) {
      var items = without.querySelector("ul");
      items.textContent = "";
      selects.forEach(function (sel) {
        if (!sel.value) return;
        var n = cards.filter(function (card, i) { return score(i, words, sel) !== 0; }).length;
        if (!n) return;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = fill(withoutTemplate, { filter: label(sel), value: sel.options[sel.selectedIndex].text, n: n });
        button.addEventListener("click", function () {
          sel.value = "";
          update();
          text.focus();
        });
        var li = document.createElement("li");
        li.appendChild(button);
        items.appendChild(li);
      });
      without.hidden = !items.children.length;
    }

    /* Make the list hold the cards `wanted` (indexes) in that order, best matches first.
       Cards left out are taken out of the page rather than hidden: with hundreds of hidden
       cards side by side, every change made the browser walk past them again and again (a
       1,000-card catalogue took half a second per key). Only the cards that must move are
       touched. */
    function place(wanted) {
      if (wanted.join(",") === placed.join(",")) return;
      var keep = [];
      wanted.forEach(function (i) { keep[i] = true; });
      placed.forEach(function (i) {
        if (!keep[i]) list.removeChild(cards[i]);
      });
      var next = list.firstElementChild;
      wanted.forEach(function (i) {
        if (cards[i] === next) {
          next = next.nextElementSibling;
        } else {
          list.insertBefore(cards[i], next);
        }
      });
      placed = wanted;
    }

    function apply() {
      var words = fold(text.value).split(/\s+/).filter(Boolean);
      var scores = cards.map(function (card, i) { return score(i, words); });
      var order = cards.map(function (card, i) { return i; });
      if (words.length) {
        order.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
      }
      var visible = order.filter(function (i) { return scores[i] !== 0; });
      place(visible);
      var shown = visible.length;
      var status = fill(template, { n: shown, total: total });
      var unmatched = words.filter(function (w) {
        return !hays.some(function (hay) { return has(hay, w); });
      });
      if (unmatched.length) {
        status += ". " + fill(unmatchedTemplate, { words: unmatched.map(function (w) { return "”" + w + "”"; }).join(", ") });
      }
      count.textContent = status;
      more.querySelector("summary").textContent = fill(moreTemplate, {
        n: selects.filter(function (sel) { return sel.value; }).length
      });
      empty.hidden = shown > 0;
      if (!shown) {
        empty.querySelector("[data-clear-text]").parentNode.hidden = !words.length;
        offerWithout(words);
        siteSearch.parentNode.hidden = !words.length;
        siteSearch.setAttribute("href", siteSearchBase + "?q=" + encodeURIComponent(text.value.trim()));
      }
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
      text.value = params.get("text") || "";
    }

    // The text box fires `change` when it loses focus, e.g. on a press of one of the
    // buttons offered below; re-drawing them then would swallow that click.
    var last = null;
    function update() {
      var now = JSON.stringify(state());
      if (now === last) return;
      last = now;
      apply();
      writeUrl();
    }

    /* After a filter changes on a phone, the answer must be on screen: if the first shown
       example lies below the screen, scroll so that the count and it stand at the top. */
    function reveal() {
      var first = list.querySelector(".catalogue__card") || empty;
      if (!wide.matches && first.getBoundingClientRect().top > window.innerHeight - 48) {
        count.scrollIntoView({ block: "start" });
      }
    }

    function keepOpenWhenWide() {
      if (wide.matches) more.open = true;
    }

    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      if (event.target.tagName !== "SELECT") return;
      update();
      reveal();
    });
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    empty.querySelector("[data-clear-text]").addEventListener("click", function () {
      text.value = "";
      update();
      text.focus();
    });

    readUrl();
    keepOpenWhenWide();
    if (wide.addEventListener) wide.addEventListener("change", keepOpenWhenWide);
    form.hidden = false;
    last = JSON.stringify(state());
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
