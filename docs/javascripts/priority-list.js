/* Priority list ("Prioriteringslista") for the voting step and the follow-up session.
 *
 * Fills every div.priority-list[data-priority-list] (see macros/exercises.py). The
 * facilitator keeps one named list per unit or meeting, types each group's suggestion and
 * sets its votes; a list stays sorted by votes (highest first; equal votes keep the order
 * they were added in). With [data-follow-up] each suggestion also gets an owner, a next
 * step, a status, a follow-up date and a measure with a run chart (priority-follow-up.js).
 *
 * The data (priority-store.js) stays in this browser; every widget on every page shows
 * the same current list. Nothing is sent anywhere; works from file:// too. A list travels
 * as a file the user saves and opens (JSON with a version field, or CSV with BOM).
 * Without JavaScript the page says how to do without (.priority-list__nojs).
 */
(function () {
  "use strict";

  var store = window.KlokareLists;
  var el = window.KlokareExercise.el;
  var widgets = 0;

  function fmt(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] != null ? values[k] : m;
    });
  }

  function listLabel(list) {
    return list.date ? list.name + " (" + list.date + ")" : list.name;
  }

  /* --- column headings ---------------------------------------------------------------- */

  /* "Förslag" and "Röster" over the rows. The heading row is built from the rows' own parts
     (same classes, same widths), so each heading sits over its column in the page and on the
     projector alike. Hidden from screen readers: each vote field already names itself. */
  function columnHeadings(s, followUp) {
    var row = el("div", { className: "priority-list__columns", "aria-hidden": "true" });
    var votes = el("span", { className: "priority-list__votes" });
    votes.append(el("span", { className: "priority-list__step" }), el("span", { className: "priority-list__number" }, s.pl_votes), el("span", { className: "priority-list__step" }));
    row.append(el("span", { className: "priority-list__main" }, s.pl_suggestion), votes);
    if (followUp) row.append(el("span", { className: "priority-list__toggle" }, s.pl_follow_up));
    row.append(el("span", { className: "priority-list__remove" }));
    row.hidden = true;
    return row;
  }

  /* --- print the list alone --------------------------------------------------------- */

  /* A sheet to file after the meeting: the list's name, its date (today if none), the ranked
     suggestions with their votes (and follow-up fields when any are filled in), nothing else.
     It is put at the end of <body> for the print and removed afterwards; the print styles
     (html.kv-print-list in exercise.css) hide everything else, the projector too. */
  function printList(list, s, today) {
    var old = document.querySelector(".priority-list-sheet");
    if (old) old.remove();
    var sheet = el("div", { className: "priority-list-sheet" });
    sheet.append(el("h1", null, list.name || s.pl_title));
    sheet.append(el("p", { className: "priority-list-sheet__date" }, s.pl_list_date + ": " + (list.date || today)));
    var extra = ["owner", "next", "due"].filter(function (f) { return list.items.some(function (it) { return it[f]; }); });
    var withStatus = list.items.some(function (it) { return it.status && it.status !== "idea"; });
    var table = el("table");
    var head = el("tr");
    var names = [s.pl_rank, s.pl_suggestion, s.pl_votes].concat(withStatus ? [s.pl_status] : [], extra.map(function (f) { return s["pl_" + f]; }));
    names.forEach(function (t) { head.append(el("th", { scope: "col" }, t)); });
    var thead = el("thead");
    thead.append(head);
    var body = el("tbody");
    list.items.forEach(function (it, i) {
      var row = el("tr");
      row.append(el("td", null, String(i + 1)), el("td", null, it.text), el("td", null, String(it.votes)));
      if (withStatus) row.append(el("td", null, s["pl_status_" + it.status] || ""));
      extra.forEach(function (f) { row.append(el("td", null, it[f] || "")); });
      body.append(row);
    });
    table.append(thead, body);
    sheet.append(table);
    sheet.append(el("p", { className: "priority-list-sheet__source" }, document.title));
    document.body.append(sheet);
    var html = document.documentElement;
    html.classList.add("kv-print-list");
    function done() {
      window.removeEventListener("afterprint", done);
      html.classList.remove("kv-print-list");
      sheet.remove();
    }
    window.addEventListener("afterprint", done);
    window.print();
  }

  /* --- export ------------------------------------------------------------------------- */

  function toText(list, s) {
    var lines = [listLabel({ name: list.name, date: list.date || store.today() })];
    list.items.forEach(function (it, i) {
      var line = (i + 1) + ". " + it.text + " (" + s.pl_votes + ": " + it.votes + ")";
      var more = [];
      if (it.status !== "idea") more.push(s.pl_status + ": " + s["pl_status_" + it.status]);
      if (it.owner) more.push(s.pl_owner + ": " + it.owner);
      if (it.next) more.push(s.pl_next + ": " + it.next);
      if (it.due) more.push(s.pl_due + ": " + it.due);
      lines.push(more.length ? line + " – " + more.join("; ") : line);
    });
    return lines.join("\n");
  }

  function download(name, content, type) {
    var blob = new Blob([content], { type: type });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
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

  function problemText(problem, fileName, s) {
    var values = { file: fileName, item: problem.item, field: problem.field };
    if (problem.code === "field" && problem.item == null) return fmt(s.pl_err_list_field, values);
    return fmt(s["pl_err_" + problem.code] || s.pl_err_broken, values);
  }

  /* --- one widget --------------------------------------------------------------------- */

  function init(root) {
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "true");
    widgets += 1;
    var prefix = "priority-list-" + widgets;
    var s = window.KlokareExercise.strings(root);
    var followUp = root.hasAttribute("data-follow-up") && window.KlokareFollowUp;
    store.start({ name: s.pl_title });
    var nojs = root.querySelector(".priority-list__nojs");
    if (nojs) nojs.hidden = true;

    // Lists: pick one, start a new one, name and date it, delete it (with undo).
    var bar = el("div", { className: "priority-list__lists", role: "group", "aria-label": s.pl_lists });
    var pickLabel = el("label", { for: prefix + "-pick", className: "priority-list__label" }, s.pl_list);
    var pick = el("select", { id: prefix + "-pick", className: "priority-list__select" });
    var newButton = el("button", { type: "button", className: "md-button", "data-action": "new-list" }, s.pl_new_list);
    var deleteButton = el("button", { type: "button", className: "md-button", "data-action": "delete-list" }, s.pl_delete_list);
    var nameLabel = el("label", { for: prefix + "-name", className: "priority-list__label" }, s.pl_list_name);
    var nameInput = el("input", { type: "text", id: prefix + "-name", maxlength: String(store.limits.name), className: "priority-list__input priority-list__name", autocomplete: "off" });
    var dateLabel = el("label", { for: prefix + "-date", className: "priority-list__label" }, s.pl_list_date);
    var dateInput = el("input", { type: "date", id: prefix + "-date", className: "priority-list__input priority-list__date" });
    var pickRow = el("div", { className: "priority-list__row" });
    pickRow.append(pickLabel, pick, newButton, deleteButton);
    var nameRow = el("div", { className: "priority-list__row" });
    nameRow.append(nameLabel, nameInput, dateLabel, dateInput);
    bar.append(pickRow, nameRow);

    // Add form: label + text input + button; Enter submits.
    var form = el("form", { className: "priority-list__form", autocomplete: "off" });
    var label = el("label", { for: prefix + "-new", className: "priority-list__label" }, s.pl_suggestion);
    var input = el("input", { type: "text", id: prefix + "-new", name: "suggestion", maxlength: String(store.limits.text), className: "priority-list__input" });
    var addButton = el("button", { type: "submit", className: "md-button md-button--primary priority-list__add" }, s.pl_add);
    form.append(label, input, addButton);

    var overview = followUp ? el("div", { className: "priority-list__overview" }) : null;
    var empty = el("p", { className: "priority-list__empty" }, s.pl_empty);
    var columns = columnHeadings(s, followUp);
    var list = el("ol", { className: "priority-list__items" });

    var actions = el("div", { className: "priority-list__actions" });
    var printListButton = el("button", { type: "button", className: "md-button", "data-action": "print-list" }, s.pl_print_list);
    var printButton = el("button", { type: "button", className: "md-button", "data-action": "print" }, s.pl_print);
    var copyButton = el("button", { type: "button", className: "md-button", "data-action": "copy" }, s.pl_copy);
    var csvButton = el("button", { type: "button", className: "md-button", "data-action": "csv" }, s.pl_csv);
    var saveButton = el("button", { type: "button", className: "md-button", "data-action": "save" }, s.pl_save_file);
    var openButton = el("button", { type: "button", className: "md-button", "data-action": "open" }, s.pl_open_file);
    var clearButton = el("button", { type: "button", className: "md-button priority-list__clear", "data-action": "clear" }, s.pl_clear);
    actions.append(printListButton, copyButton, csvButton, printButton, saveButton, openButton, clearButton);
    var fileInput = el("input", { type: "file", accept: ".json,.csv,application/json,text/csv", hidden: "", tabindex: "-1", "aria-hidden": "true" });
    var filesNote = el("p", { className: "priority-list__files-note" }, s.pl_files_note);
    var warning = el("p", { className: "priority-list__warning" }, s.pl_memory_only);

    var status = el("p", { className: "priority-list__status", role: "status" });
    var undoButton = el("button", { type: "button", className: "md-button priority-list__undo" }, s.pl_undo);
    undoButton.hidden = true;
    var error = el("p", { className: "priority-list__error", role: "alert" });

    // Opening a list that is already here: replace it, keep both, or cancel.
    var question = el("div", { className: "priority-list__question", role: "group", "aria-labelledby": prefix + "-question" });
    var questionText = el("p", { id: prefix + "-question" });
    var replaceButton = el("button", { type: "button", className: "md-button md-button--primary", "data-answer": "replace" }, s.pl_replace);
    var bothButton = el("button", { type: "button", className: "md-button", "data-answer": "copy" }, s.pl_keep_both);
    var cancelButton = el("button", { type: "button", className: "md-button", "data-answer": "cancel" }, s.pl_cancel);
    var questionButtons = el("div", { className: "priority-list__actions" });
    questionButtons.append(replaceButton, bothButton, cancelButton);
    question.append(questionText, questionButtons);
    question.hidden = true;

    // Print: a plain table with the current content, and blank rows to fill in by hand.
    var table = el("table", { className: "priority-list__print print-only" });
    var caption = el("caption", { className: "priority-list__print-caption" });
    var head = el("tr");
    [s.pl_rank, s.pl_suggestion, s.pl_votes].forEach(function (t) { head.append(el("th", { scope: "col" }, t)); });
    var thead = el("thead");
    thead.append(head);
    var tbody = el("tbody");
    table.append(caption, thead, tbody);

    var local = root.querySelector(".priority-list__local");
    var anchor = local ? local.nextSibling : null;
    root.insertBefore(warning, anchor);
    root.insertBefore(bar, anchor);
    root.insertBefore(form, anchor);
    if (overview) root.insertBefore(overview, anchor);
    root.append(empty, columns, list, actions, filesNote, fileInput, status, undoButton, error, question, table);

    var panels = {};     // follow-up panels by item id (kept while open, so focus survives)
    var open = {};       // item ids whose panel is open
    var rowsKey = null;  // what the rows showed last time

    function rowKey(current) {
      return JSON.stringify([current.id, current.items.map(function (it) {
        return [it.id, it.text, it.votes, it.status, it.owner, it.due, it.measure ? it.measure.points.length : 0, !!open[it.id]];
      }), store.today()]);
    }

    function buildRow(it) {
      var li = el("li", { className: "priority-list__item", "data-id": it.id });
      var textBox = el("div", { className: "priority-list__main" });
      textBox.append(el("span", { className: "priority-list__text" }, it.text));
      if (followUp) {
        var meta = followUp.meta(it, s, store.today());
        if (meta) textBox.append(meta);
      }
      var votes = el("span", { className: "priority-list__votes" });
      var less = el("button", { type: "button", className: "priority-list__step", "data-role": "less", "aria-label": s.pl_less + ": " + it.text }, "−");
      var numberId = prefix + "-votes-" + it.id;
      var numLabel = el("label", { for: numberId, className: "kv-visually-hidden" }, s.pl_votes + ": " + it.text);
      var number = el("input", { type: "number", id: numberId, min: "0", max: String(store.limits.votes), step: "1", inputmode: "numeric", className: "priority-list__number", "data-role": "votes" });
      number.value = String(it.votes);
      var more = el("button", { type: "button", className: "priority-list__step", "data-role": "more", "aria-label": s.pl_more + ": " + it.text }, "+");
      // On a narrow list the rows wrap and the column headings are hidden: each row says it.
      var votesWord = el("span", { className: "priority-list__votes-label", "aria-hidden": "true" }, s.pl_votes);
      votes.append(votesWord, less, numLabel, number, more);
      li.append(textBox, votes);
      if (followUp) {
        var panelId = prefix + "-panel-" + it.id;
        var toggle = el("button", {
          type: "button", className: "priority-list__toggle", "data-role": "toggle",
          "aria-expanded": open[it.id] ? "true" : "false", "aria-controls": panelId,
          "aria-label": s.pl_follow_up + ": " + it.text
        }, s.pl_follow_up);
        li.append(toggle);
      }
      var del = el("button", { type: "button", className: "priority-list__remove", "data-role": "remove", "aria-label": s.pl_remove + ": " + it.text, title: s.pl_remove }, "×");
      li.append(del);
      if (followUp && open[it.id]) {
        if (!panels[it.id]) {
          panels[it.id] = followUp.panel(it, { s: s, id: prefix + "-panel-" + it.id, store: store, list: function () { return store.current(); } });
        }
        li.append(panels[it.id].node);
      }
      return li;
    }

    function render() {
      var current = store.current();
      var focused = document.activeElement;
      var focusId = null;
      var focusRole = null;
      if (focused && list.contains(focused)) {
        var li = focused.closest("li.priority-list__item");
        focusId = li && li.getAttribute("data-id");
        focusRole = focused.getAttribute("data-role");
      }

      // The list bar (its fields keep their place; only values change).
      pick.textContent = "";
      store.lists().forEach(function (l) {
        var option = el("option", { value: l.id }, listLabel(l));
        if (l.id === current.id) option.selected = true;
        pick.append(option);
      });
      if (document.activeElement !== nameInput) nameInput.value = current.name;
      if (document.activeElement !== dateInput) dateInput.value = current.date;
      warning.hidden = !store.memoryOnly();
      if (overview) {
        overview.textContent = "";
        overview.append(followUp.overview(current, s, store.today(), prefix));
      }

      var key = rowKey(current);
      if (key !== rowsKey) {
        rowsKey = key;
        list.textContent = "";
        current.items.forEach(function (it) { list.append(buildRow(it)); });
      }
      // Panels of items that are gone (or in another list) are dropped.
      Object.keys(panels).forEach(function (id) {
        var it = store.item(id);
        if (!it || !open[id]) {
          delete panels[id];
        } else {
          panels[id].update(it);
        }
      });
      Object.keys(open).forEach(function (id) { if (!store.item(id)) delete open[id]; });
      empty.hidden = current.items.length > 0;
      list.hidden = current.items.length === 0;
      columns.hidden = current.items.length === 0;

      tbody.textContent = "";
      caption.textContent = listLabel(current);
      current.items.forEach(function (it, i) {
        var row = el("tr");
        row.append(el("td", null, String(i + 1)), el("td", null, it.text), el("td", null, String(it.votes)));
        tbody.append(row);
      });
      for (var blank = current.items.length; blank < 5; blank++) {
        var r = el("tr", { className: "priority-list__blank" });
        r.append(el("td", null, String(blank + 1)), el("td"), el("td"));
        tbody.append(r);
      }

      var lastAdded = store.lastAdded();
      if (lastAdded) {
        // The list may scroll inside the projector slide: show the new suggestion.
        var added = list.querySelector('li[data-id="' + lastAdded + '"]');
        if (added && added.offsetParent && added.scrollIntoView) added.scrollIntoView({ block: "nearest" });
      }

      if (focusId && !list.contains(document.activeElement)) {
        var target = list.querySelector('li[data-id="' + focusId + '"] [data-role="' + focusRole + '"]');
        if (target) target.focus();
        else if (focusRole === "remove") (list.querySelector("[data-role=remove]") || input).focus();
      }
    }

    /* Lists */

    pick.addEventListener("change", function () {
      store.select(pick.value);
      announce(fmt(s.pl_list_shown, { name: listLabel(store.current()) }));
    });
    newButton.addEventListener("click", function () {
      var made = store.create(s.pl_new_list_name);
      if (!made) {
        showError(s.pl_too_many_lists);
        return;
      }
      hideUndo();
      nameInput.focus();
      nameInput.select();
      announce(fmt(s.pl_list_created, { name: listLabel(made) }));
    });
    nameInput.addEventListener("change", function () { store.rename(nameInput.value, undefined); });
    nameInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        store.rename(nameInput.value, undefined);
      }
    });
    dateInput.addEventListener("change", function () { store.rename(undefined, dateInput.value); });

    var undoToken = null;
    function hideUndo() {
      undoToken = null;
      undoButton.hidden = true;
    }
    deleteButton.addEventListener("click", function () {
      var current = store.current();
      undoToken = store.remove(current.id);
      if (!undoToken) return;
      undoButton.hidden = false;
      undoButton.setAttribute("aria-label", s.pl_undo + ": " + fmt(s.pl_list_deleted, { name: listLabel(current) }));
      announce(fmt(s.pl_list_deleted, { name: listLabel(current) }));
      undoButton.focus();
    });
    undoButton.addEventListener("click", function () {
      if (!undoToken) return;
      var back = undoToken.list;
      store.undo(undoToken);
      hideUndo();
      announce(fmt(s.pl_list_restored, { name: listLabel(back) }));
      pick.focus();
    });

    /* Suggestions */

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (store.add(input.value)) {
        input.value = "";
      }
      input.focus();
    });

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-role]");
      if (!button || !list.contains(button)) return;
      var li = button.closest("li.priority-list__item");
      var id = li.getAttribute("data-id");
      var item = store.item(id);
      if (!item) return;
      var role = button.getAttribute("data-role");
      if (role === "more") store.setVotes(id, item.votes + 1);
      else if (role === "less") store.setVotes(id, item.votes - 1);
      else if (role === "remove") store.removeItem(id);
      else if (role === "toggle") {
        if (open[id]) delete open[id];
        else open[id] = true;
        render();
      }
    });

    // "change" (not "input"): the list re-sorts when the number is committed, not per keystroke.
    list.addEventListener("change", function (event) {
      var number = event.target.closest("input[data-role=votes]");
      if (!number) return;
      store.setVotes(number.closest("li").getAttribute("data-id"), number.value);
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input[data-role=votes]")) {
        event.preventDefault();
        store.setVotes(event.target.closest("li").getAttribute("data-id"), event.target.value);
      }
    });

    /* Messages */

    function announce(text) {
      error.textContent = "";
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function showError(text) {
      status.textContent = "";
      error.textContent = text;
    }

    /* Files */

    var pending = null; // a list read from a file, waiting for replace / keep both

    function receive(list, fileName) {
      if (store.find(list.id)) {
        pending = list;
        questionText.textContent = fmt(s.pl_exists, { name: listLabel(store.find(list.id)), file: fileName });
        question.hidden = false;
        replaceButton.focus();
        return;
      }
      finish(list, "copy");
    }

    function finish(list, mode) {
      var done = store.put(list, mode, s.pl_copy_suffix);
      if (!done) {
        showError(s.pl_too_many_lists);
        return;
      }
      hideUndo();
      announce(fmt(s.pl_opened, { name: listLabel(done), n: done.items.length }));
      pick.focus();
    }

    questionButtons.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-answer]");
      if (!button || !pending) return;
      var answer = button.getAttribute("data-answer");
      var list = pending;
      pending = null;
      question.hidden = true;
      if (answer === "cancel") {
        announce(s.pl_nothing_changed);
        openButton.focus();
      } else {
        finish(list, answer);
      }
    });

    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      fileInput.value = "";
      if (!file) return;
      question.hidden = true;
      pending = null;
      if (file.size > store.limits.bytes) {
        showError(problemText(new store.FileProblem("size"), file.name, s));
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var read;
        try {
          read = store.readFile(file.name, String(reader.result), s);
        } catch (e) {
          if (!(e instanceof store.FileProblem)) throw e;
          showError(problemText(e, file.name, s));
          return;
        }
        receive(read, file.name);
      };
      reader.onerror = function () { showError(problemText(new store.FileProblem("broken"), file.name, s)); };
      reader.readAsText(file, "utf-8");
    });

    actions.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      error.textContent = ""; // an old message does not outlive the next action
      var action = button.getAttribute("data-action");
      var current = store.current();
      var base = store.fileBase(current, s.pl_file_default);
      if (action === "print") {
        window.print();
      } else if (action === "print-list") {
        printList(current, s, store.today());
      } else if (action === "copy") {
        copy(toText(current, s)).then(function (ok) { if (ok) announce(s.pl_copied); });
      } else if (action === "csv") {
        download(base + ".csv", store.toCsv(current, s), "text/csv;charset=utf-8");
      } else if (action === "save") {
        download(base + ".json", store.toJson(current), "application/json;charset=utf-8");
      } else if (action === "open") {
        fileInput.click();
      } else if (action === "clear") {
        if (window.confirm(s.pl_confirm_clear)) {
          store.clearItems();
          input.focus();
        }
      }
    });

    store.subscribe(render);
    render();
  }

  /* --- start -------------------------------------------------------------------------- */

  function start() {
    var roots = document.querySelectorAll("div.priority-list[data-priority-list]");
    Array.prototype.forEach.call(roots, init);
  }

  window.klokareVard = window.klokareVard || {};
  window.klokareVard.priorityList = {
    key: store.key,
    items: function () { return store.current().items.map(function (it) { return { text: it.text, votes: it.votes }; }); },
    subscribe: function (fn) { store.subscribe(fn); }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
