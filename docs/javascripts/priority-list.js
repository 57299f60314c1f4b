/* Priority list ("Prioriteringslista") for the voting step of an exercise.
 *
 * Fills every div.priority-list[data-priority-list] (see macros/exercises.py). The
 * facilitator types each group's suggestion and sets its votes; the list stays sorted
 * by votes (highest first; equal votes keep the order they were added in).
 *
 * Stored only in this browser: one site-wide localStorage key, so the follow-up page
 * and the projector view show the same list. Nothing is sent anywhere; works from
 * file:// too. Without JavaScript the page says how to do without (.priority-list__nojs).
 *
 * Export: print (window.print; print CSS shows a plain table), print the list alone
 * (html.print-list: heading, unit or meeting if given, date, ranked items), copy as text
 * (navigator.clipboard, textarea fallback) and CSV (UTF-8 with BOM, Blob + a[download]);
 * the date is in the copied text and the file name. The unit or meeting name is optional
 * and kept under its own key.
 * Other scripts may use window.klokareVard.priorityList (items(), subscribe()).
 */
(function () {
  "use strict";

  var KEY = "klokare-vard.prioriteringslista";
  var FILE = "prioriteringslista";
  var UNIT_KEY = KEY + ".enhet";
  var items = [];          // [{id, text, votes, added}]
  var listeners = [];
  var memoryOnly = false;  // localStorage refused (private mode, policy): keep in memory
  var counter = 0;
  var lastAdded = null;    // id of the suggestion just added (widgets scroll it into view)

  /* --- store ---------------------------------------------------------------------- */

  function load() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (e) {
      memoryOnly = true;
      return;
    }
    var data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (e) {
      data = null;
    }
    var list = data && Array.isArray(data.items) ? data.items : [];
    items = list
      .filter(function (it) { return it && typeof it.text === "string" && it.text.trim(); })
      .map(function (it, i) {
        return {
          id: String(it.id || "i" + i),
          text: it.text.trim(),
          votes: clampVotes(it.votes),
          added: typeof it.added === "number" ? it.added : i
        };
      });
    sort();
  }

  function save() {
    if (memoryOnly) return;
    try {
      if (items.length) {
        window.localStorage.setItem(KEY, JSON.stringify({ version: 1, items: items }));
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (e) {
      memoryOnly = true;
    }
  }

  function clampVotes(value) {
    var n = parseInt(value, 10);
    if (!isFinite(n) || n < 0) return 0;
    return Math.min(n, 9999);
  }

  function sort() {
    items.sort(function (a, b) { return b.votes - a.votes || a.added - b.added; });
  }

  function changed() {
    sort();
    save();
    listeners.forEach(function (fn) { fn(); });
  }

  function nextAdded() {
    return items.reduce(function (max, it) { return Math.max(max, it.added); }, -1) + 1;
  }

  function add(text) {
    text = text.replace(/\s+/g, " ").trim();
    if (!text) return null;
    counter += 1;
    var item = { id: Date.now().toString(36) + "-" + counter, text: text, votes: 0, added: nextAdded() };
    items.push(item);
    lastAdded = item.id;
    changed();
    lastAdded = null;
    return item;
  }

  function find(id) {
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i];
    return null;
  }

  function setVotes(id, votes) {
    var item = find(id);
    if (!item) return;
    item.votes = clampVotes(votes);
    changed();
  }

  function remove(id) {
    items = items.filter(function (it) { return it.id !== id; });
    changed();
  }

  function clear() {
    items = [];
    changed();
  }

  /* --- export ----------------------------------------------------------------------- */

  function csvField(value) {
    var s = String(value);
    return /[",;\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(strings) {
    var rows = [[strings.pl_rank, strings.pl_suggestion, strings.pl_votes]];
    items.forEach(function (it, i) { rows.push([i + 1, it.text, it.votes]); });
    var sep = strings.csv_separator || ",";
    return "\ufeff" + rows.map(function (r) { return r.map(csvField).join(sep); }).join("\r\n") + "\r\n";
  }

  /* Today's date as 2026-03-02 (the reader's own calendar day). */
  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function readUnit() {
    try {
      return window.localStorage.getItem(UNIT_KEY) || "";
    } catch (e) {
      return "";
    }
  }

  function writeUnit(value) {
    try {
      if (value) window.localStorage.setItem(UNIT_KEY, value);
      else window.localStorage.removeItem(UNIT_KEY);
    } catch (e) {
      /* kept on screen only */
    }
  }

  function toText(strings, unit) {
    var lines = [[strings.pl_title, unit, today()].filter(Boolean).join(" – ")];
    items.forEach(function (it, i) {
      lines.push((i + 1) + ". " + it.text + " (" + strings.pl_votes + ": " + it.votes + ")");
    });
    return lines.join("\n");
  }

  function download(strings, unit) {
    var blob = new Blob([toCsv(strings)], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    var slug = (unit || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    a.download = [FILE, slug, today()].filter(Boolean).join("-") + ".csv";
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function copyFallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    var active = document.activeElement;
    // Inside the projector dialog the rest of the page may be inert: put it next to the focus.
    var host = active && active.parentNode && active !== document.body ? active.parentNode : document.body;
    host.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    area.remove();
    if (active && active.focus) active.focus();
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyFallback(text); }
      );
    }
    return Promise.resolve(copyFallback(text));
  }

  /* --- one widget --------------------------------------------------------------------- */

  var widgets = 0;

  var el = window.KlokareExercise.el;

  function init(root) {
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "true");
    widgets += 1;
    var prefix = "priority-list-" + widgets;
    var s = window.KlokareExercise.strings(root);
    var nojs = root.querySelector(".priority-list__nojs");
    if (nojs) nojs.hidden = true;

    // Add form: label + text input + button; Enter submits.
    var form = el("form", { className: "priority-list__form", autocomplete: "off" });
    var label = el("label", { for: prefix + "-new", className: "priority-list__label" }, s.pl_suggestion);
    var input = el("input", { type: "text", id: prefix + "-new", name: "suggestion", maxlength: "200", className: "priority-list__input" });
    var addButton = el("button", { type: "submit", className: "md-button md-button--primary priority-list__add" }, s.pl_add);
    form.append(label, input, addButton);

    var empty = el("p", { className: "priority-list__empty" }, s.pl_empty);
    var list = el("ol", { className: "priority-list__items" });

    var actions = el("div", { className: "priority-list__actions" });
    var printButton = el("button", { type: "button", className: "md-button priority-list__print-all", "data-action": "print" }, s.pl_print);
    var printListButton = el("button", { type: "button", className: "md-button", "data-action": "print-list" }, s.pl_print_list);
    var copyButton = el("button", { type: "button", className: "md-button", "data-action": "copy" }, s.pl_copy);
    var csvButton = el("button", { type: "button", className: "md-button", "data-action": "csv" }, s.pl_csv);
    var clearButton = el("button", { type: "button", className: "md-button priority-list__clear", "data-action": "clear" }, s.pl_clear);
    actions.append(printButton, printListButton, copyButton, csvButton, clearButton);

    // Optional unit or meeting name for the list-only printout, the copied text and the file.
    var unitField = el("p", { className: "priority-list__unit-field" });
    var unitInput = el("input", { type: "text", id: prefix + "-unit", maxlength: "80", className: "priority-list__input priority-list__unit-input" });
    unitInput.value = readUnit();
    unitField.append(el("label", { for: prefix + "-unit", className: "priority-list__label" }, s.pl_unit), " ", unitInput);
    unitInput.addEventListener("change", function () {
      writeUnit(unitInput.value.replace(/\s+/g, " ").trim());
      render();
    });

    // A visible heading over the vote column (the number fields are labelled one by one).
    var header = el("div", { className: "priority-list__header", "aria-hidden": "true" });
    header.append(el("span", null, s.pl_suggestion), el("span", { className: "priority-list__header-votes" }, s.pl_votes));

    // The list-only printout's heading lines (print CSS shows them in html.print-list).
    var sheetHead = el("p", { className: "priority-list__sheet-meta print-only" });

    var status = el("p", { className: "priority-list__status", role: "status" });

    // Print: a plain table with the current content, and blank rows to fill in by hand.
    var table = el("table", { className: "priority-list__print print-only" });
    var head = el("tr");
    [s.pl_rank, s.pl_suggestion, s.pl_votes].forEach(function (t) { head.append(el("th", { scope: "col" }, t)); });
    var thead = el("thead");
    thead.append(head);
    var tbody = el("tbody");
    table.append(thead, tbody);

    var local = root.querySelector(".priority-list__local");
    root.insertBefore(form, local ? local.nextSibling : null);
    root.append(empty, header, list, unitField, actions, status, sheetHead, table);

    function render() {
      var focused = document.activeElement;
      var focusId = null;
      var focusRole = null;
      if (focused && list.contains(focused)) {
        var li = focused.closest("li");
        focusId = li && li.getAttribute("data-id");
        focusRole = focused.getAttribute("data-role");
      }

      list.textContent = "";
      tbody.textContent = "";
      empty.hidden = items.length > 0;
      list.hidden = items.length === 0;
      header.hidden = items.length === 0;
      var unit = readUnit();
      if (document.activeElement !== unitInput) unitInput.value = unit;
      sheetHead.textContent = [unit, fmtDate(s)].filter(Boolean).join(" · ");

      items.forEach(function (it, i) {
        var li = el("li", { className: "priority-list__item", "data-id": it.id });
        var text = el("span", { className: "priority-list__text" }, it.text);
        var votes = el("span", { className: "priority-list__votes" });
        var less = el("button", { type: "button", className: "priority-list__step", "data-role": "less", "aria-label": s.pl_less + ": " + it.text }, "−");
        var numberId = prefix + "-votes-" + it.id;
        var numLabel = el("label", { for: numberId, className: "kv-visually-hidden" }, s.pl_votes + ": " + it.text);
        var number = el("input", { type: "number", id: numberId, min: "0", max: "9999", step: "1", inputmode: "numeric", className: "priority-list__number", "data-role": "votes" });
        number.value = String(it.votes);
        var more = el("button", { type: "button", className: "priority-list__step", "data-role": "more", "aria-label": s.pl_more + ": " + it.text }, "+");
        votes.append(less, numLabel, number, more);
        var del = el("button", { type: "button", className: "priority-list__remove", "data-role": "remove", "aria-label": s.pl_remove + ": " + it.text, title: s.pl_remove }, "×");
        li.append(text, votes, del);
        list.append(li);

        var row = el("tr");
        row.append(el("td", null, String(i + 1)), el("td", null, it.text), el("td", null, String(it.votes)));
        tbody.append(row);
      });
      for (var blank = items.length; blank < 5; blank++) {
        var r = el("tr", { className: "priority-list__blank" });
        r.append(el("td", null, String(blank + 1)), el("td"), el("td"));
        tbody.append(r);
      }

      if (lastAdded) {
        // The list may scroll inside the projector slide: show the new suggestion.
        var added = list.querySelector('li[data-id="' + lastAdded + '"]');
        if (added && added.offsetParent && added.scrollIntoView) added.scrollIntoView({ block: "nearest" });
      }

      if (focusId) {
        var target = list.querySelector('li[data-id="' + focusId + '"] [data-role="' + focusRole + '"]');
        if (target) target.focus();
        else if (focusRole === "remove") (list.querySelector("[data-role=remove]") || input).focus();
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (add(input.value)) {
        input.value = "";
      }
      input.focus();
    });

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-role]");
      if (!button) return;
      var id = button.closest("li").getAttribute("data-id");
      var item = find(id);
      if (!item) return;
      var role = button.getAttribute("data-role");
      if (role === "more") setVotes(id, item.votes + 1);
      else if (role === "less") setVotes(id, item.votes - 1);
      else if (role === "remove") remove(id);
    });

    // "change" (not "input"): the list re-sorts when the number is committed, not per keystroke.
    list.addEventListener("change", function (event) {
      var number = event.target.closest("input[data-role=votes]");
      if (!number) return;
      setVotes(number.closest("li").getAttribute("data-id"), number.value);
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input[data-role=votes]")) {
        event.preventDefault();
        setVotes(event.target.closest("li").getAttribute("data-id"), event.target.value);
      }
    });

    function announce(text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    actions.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "print") {
        window.print();
      } else if (action === "print-list") {
        render();
        document.documentElement.classList.add("print-list");
        window.print();
      } else if (action === "copy") {
        copy(toText(s, readUnit())).then(function (ok) { if (ok) announce(s.pl_copied); });
      } else if (action === "csv") {
        download(s, readUnit());
      } else if (action === "clear") {
        if (window.confirm(s.pl_confirm_clear)) {
          clear();
          input.focus();
        }
      }
    });

    listeners.push(render);
    render();
  }

  function fmtDate(strings) {
    return (strings.pl_date || "{date}").replace("{date}", today());
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("print-list");
  });

  /* --- start -------------------------------------------------------------------------- */

  // Another tab (or the follow-up page open elsewhere) changed the list.
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY && event.key !== null) return;
    load();
    listeners.forEach(function (fn) { fn(); });
  });

  function start() {
    var roots = document.querySelectorAll("div.priority-list[data-priority-list]");
    if (!roots.length) return;
    load();
    Array.prototype.forEach.call(roots, init);
  }

  window.klokareVard = window.klokareVard || {};
  window.klokareVard.priorityList = {
    key: KEY,
    items: function () { return items.map(function (it) { return { text: it.text, votes: it.votes }; }); },
    subscribe: function (fn) { listeners.push(fn); }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
