/* From idea to action: the follow-up parts of a priority list (div.priority-list[data-follow-up]).
 *
 * Used by priority-list.js, which owns the widget:
 * - meta(item): one line under a suggestion (status, owner, follow-up date)
 * - overview(list): the items due for follow-up, and every item grouped by status
 * - panel(item, ctx): the fields for one suggestion (owner, next step, status, follow-up
 *   date) and its measure: the values, when the change started, the run chart
 *   (run-chart.js), a summary of what the rules say, the data as a table, and a button
 *   that prints the chart alone on A4.
 * The panel is kept while it is open and only its values are refreshed, so typing and
 * Tab work as expected. Text goes in as text (textContent), never as HTML.
 */
window.KlokareFollowUp = (function () {
  "use strict";

  var el = window.KlokareExercise.el;
  var charts = window.KlokareRunChart;
  var STATUSES = ["idea", "in_progress", "done", "dropped"];

  function fmt(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] != null ? values[k] : m;
    });
  }

  function lang() {
    return document.documentElement.lang || "sv";
  }

  function number(value) {
    try {
      return new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 }).format(value);
    } catch (e) {
      return String(value);
    }
  }

  // For the text field: no grouping, the page's decimal sign.
  function plainNumber(value) {
    var text = String(Math.round(value * 1e6) / 1e6);
    return lang() === "sv" ? text.replace(".", ",").replace("-", "−") : text;
  }

  function isDue(it, today) {
    return !!it.due && it.due <= today && (it.status === "idea" || it.status === "in_progress");
  }

  /* --- under each suggestion ----------------------------------------------------------- */

  function meta(it, s, today) {
    var parts = [s["pl_status_" + it.status]];
    if (it.owner) parts.push(s.pl_owner + ": " + it.owner);
    if (it.due) parts.push(s.pl_due + ": " + it.due + (isDue(it, today) ? " (" + s.pl_due_now_short + ")" : ""));
    if (it.measure && it.measure.points.length) parts.push(fmt(s.pl_measure_count, { n: it.measure.points.length }));
    return el("span", { className: "priority-list__meta", "data-status": it.status }, parts.join(" · "));
  }

  /* --- the overview ---------------------------------------------------------------------- */

  function itemLine(it, s) {
    var li = el("li");
    li.append(el("span", { className: "priority-list__overview-text" }, it.text));
    var more = [];
    if (it.owner) more.push(s.pl_owner + ": " + it.owner);
    if (it.next) more.push(s.pl_next + ": " + it.next);
    if (it.due) more.push(s.pl_due + ": " + it.due);
    if (more.length) li.append(document.createTextNode(" – " + more.join("; ")));
    return li;
  }

  function overview(list, s, today, prefix) {
    var box = el("section", { className: "priority-list__summary", "aria-labelledby": prefix + "-overview" });
    box.append(el("h4", { id: prefix + "-overview" }, s.pl_overview));
    if (!list.items.length) {
      box.hidden = true;
      return box;
    }
    var due = list.items.filter(function (it) { return isDue(it, today); });
    due.sort(function (a, b) { return a.due < b.due ? -1 : a.due > b.due ? 1 : 0; });
    var dueBlock = el("div", { className: "priority-list__due", "data-group": "due" });
    dueBlock.append(el("p", { className: "priority-list__group-title" }, fmt(s.pl_due_now, { n: due.length })));
    if (due.length) {
      var dueList = el("ul");
      due.forEach(function (it) { dueList.append(itemLine(it, s)); });
      dueBlock.append(dueList);
    } else {
      dueBlock.append(el("p", { className: "priority-list__none" }, s.pl_due_none));
    }
    box.append(dueBlock);

    var groups = el("div", { className: "priority-list__groups" });
    STATUSES.forEach(function (status) {
      var items = list.items.filter(function (it) { return it.status === status; });
      var group = el("div", { className: "priority-list__group", "data-group": status });
      group.append(el("p", { className: "priority-list__group-title" }, s["pl_status_" + status] + " (" + items.length + ")"));
      if (items.length) {
        var ul = el("ul");
        items.forEach(function (it) { ul.append(itemLine(it, s)); });
        group.append(ul);
      }
      groups.append(group);
    });
    box.append(groups);
    return box;
  }

  /* --- measure values as text ---------------------------------------------------------------- */

  var VALUE = /^[-−+]?\d+(?:[.,]\d+)?$/;

  function formatValues(points) {
    return points.map(function (p) {
      return p.label ? p.label + "; " + plainNumber(p.value) : plainNumber(p.value);
    }).join("\n");
  }

  // "v. 12; 34", "2025-03<TAB>140", "vecka 3 12", "12,5": label (optional) and value.
  function parseValues(text) {
    var points = [];
    var lines = String(text).split(/\r?\n/);
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      if (!line) continue;
      var label = "";
      var value = line;
      var cut = Math.max(line.lastIndexOf(";"), line.lastIndexOf("\t"));
      if (cut >= 0) {
        label = line.slice(0, cut).trim();
        value = line.slice(cut + 1).trim();
      } else {
        var space = line.search(/\s\S+$/);
        if (space >= 0) {
          label = line.slice(0, space).trim();
          value = line.slice(space + 1).trim();
        }
      }
      if (!VALUE.test(value)) return { error: i + 1 };
      points.push({ label: label, value: Number(value.replace("−", "-").replace(",", ".")) });
    }
    return { points: points };
  }

  /* --- the panel for one suggestion ------------------------------------------------------ */

  function field(labelText, control, id, hint) {
    var box = el("div", { className: "priority-list__field" });
    box.append(el("label", { for: id }, labelText));
    if (hint) box.append(hint);
    box.append(control);
    return box;
  }

  function panel(item, ctx) {
    var s = ctx.s;
    var store = ctx.store;
    var id = ctx.id;
    var itemId = item.id;
    var current = item;
    var dirty = false; // the values field holds text that could not be read: keep it

    var node = el("div", { className: "priority-list__panel", id: id, role: "group", "aria-label": s.pl_follow_up + ": " + item.text });

    var owner = el("input", { type: "text", id: id + "-owner", maxlength: String(store.limits.owner), "data-role": "owner", autocomplete: "off" });
    var next = el("input", { type: "text", id: id + "-next", maxlength: String(store.limits.next), "data-role": "next", autocomplete: "off" });
    var status = el("select", { id: id + "-status", "data-role": "status" });
    STATUSES.forEach(function (st) { status.append(el("option", { value: st }, s["pl_status_" + st])); });
    var due = el("input", { type: "date", id: id + "-due", "data-role": "due" });
    var fields = el("div", { className: "priority-list__fields" });
    fields.append(
      field(s.pl_owner, owner, id + "-owner"),
      field(s.pl_next, next, id + "-next"),
      field(s.pl_status, status, id + "-status"),
      field(s.pl_due, due, id + "-due")
    );

    // The measure.
    var measure = el("fieldset", { className: "priority-list__measure" });
    measure.append(el("legend", null, s.pl_measure));
    measure.append(el("p", { className: "priority-list__hint" }, s.pl_measure_hint));
    var measureName = el("input", { type: "text", id: id + "-measure", maxlength: String(store.limits.name), "data-role": "measure-name", autocomplete: "off" });
    var per = el("select", { id: id + "-per", "data-role": "per" });
    per.append(el("option", { value: "week" }, s.pl_per_week), el("option", { value: "month" }, s.pl_per_month));
    var valuesHint = el("p", { className: "priority-list__hint", id: id + "-values-hint" }, s.pl_values_hint);
    var values = el("textarea", { id: id + "-values", rows: "6", "data-role": "values", "aria-describedby": id + "-values-hint", spellcheck: "false" });
    var valuesError = el("p", { className: "priority-list__error", role: "alert" });
    var change = el("select", { id: id + "-change", "data-role": "change" });
    var measureFields = el("div", { className: "priority-list__fields" });
    measureFields.append(
      field(s.pl_measure_name, measureName, id + "-measure"),
      field(s.pl_per, per, id + "-per")
    );
    var valuesField = field(s.pl_values, values, id + "-values", valuesHint);
    valuesField.classList.add("priority-list__field--wide");
    var changeField = field(s.pl_change, change, id + "-change");
    var result = el("div", { className: "run-chart" });
    var printButton = el("button", { type: "button", className: "md-button", "data-role": "print-chart" }, s.pl_print_chart);
    measure.append(measureFields, valuesField, valuesError, changeField, result, printButton);
    node.append(fields, measure);

    /* events: each field saves when its value is committed */

    function commitOnEnter(input, save) {
      input.addEventListener("change", save);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          save();
        }
      });
    }
    commitOnEnter(owner, function () { store.update(itemId, { owner: owner.value }); });
    commitOnEnter(next, function () { store.update(itemId, { next: next.value }); });
    status.addEventListener("change", function () { store.update(itemId, { status: status.value }); });
    due.addEventListener("change", function () { store.update(itemId, { due: due.value }); });
    commitOnEnter(measureName, function () { store.setMeasure(itemId, { name: measureName.value }); });
    per.addEventListener("change", function () { store.setMeasure(itemId, { per: per.value }); });
    change.addEventListener("change", function () { store.setMeasure(itemId, { change: parseInt(change.value, 10) }); });
    values.addEventListener("change", function () {
      var read = parseValues(values.value);
      if (read.error) {
        dirty = true;
        valuesError.textContent = fmt(s.pl_values_error, { n: read.error });
        return;
      }
      if (read.points.length > store.limits.points) {
        dirty = true;
        valuesError.textContent = fmt(s.pl_values_too_many, { max: store.limits.points });
        return;
      }
      dirty = false;
      valuesError.textContent = "";
      store.setMeasure(itemId, { points: read.points });
      values.value = formatValues(read.points); // change comes on leaving the field: tidy it
    });
    printButton.addEventListener("click", function () { printChart(); });

    /* refresh */

    var shown = null;

    function set(control, value) {
      if (document.activeElement !== control && control.value !== value) control.value = value;
    }

    function update(it) {
      current = it;
      node.setAttribute("aria-label", s.pl_follow_up + ": " + it.text);
      var m = it.measure || { name: "", per: "week", points: [], change: -1 };
      set(owner, it.owner);
      set(next, it.next);
      set(status, it.status);
      set(due, it.due);
      set(measureName, m.name);
      set(per, m.per);
      if (!dirty) set(values, formatValues(m.points));

      var key = JSON.stringify([m, it.text, ctx.list().name]);
      if (key === shown) return;
      shown = key;

      change.textContent = "";
      change.append(el("option", { value: "-1" }, s.pl_change_none));
      m.points.forEach(function (p, i) {
        if (i === 0) return;
        change.append(el("option", { value: String(i) }, fmt(s.pl_change_at, { label: p.label || String(i + 1) })));
      });
      change.value = String(m.change > 0 ? m.change : -1);
      change.disabled = m.points.length < 2;
      printButton.hidden = m.points.length < 2;

      result.textContent = "";
      result.append(drawing(it, m));
    }

    // The chart, what the rules say, and the data table (the chart's text alternative).
    function drawing(it, m) {
      var frag = document.createDocumentFragment();
      if (m.points.length < 2) {
        frag.append(el("p", { className: "priority-list__hint" }, s.rc_none));
        return frag;
      }
      var a = charts.analyse(m.points.map(function (p) { return p.value; }));
      var name = m.name || it.text;
      var label = function (i) { return m.points[i].label || String(i + 1); };
      var perText = m.per === "month" ? s.pl_per_month : s.pl_per_week;
      var description = fmt(s.rc_desc, { n: m.points.length, per: perText, m: number(a.median) }) +
        (m.change > 0 ? " " + fmt(s.rc_desc_change, { label: label(m.change) }) : "");
      var figure = el("figure", { className: "run-chart__figure" });
      figure.append(charts.draw(m.points, m.change, a, {
        id: id + "-chart",
        title: fmt(s.rc_title, { name: name }),
        description: description,
        format: number,
        labels: { median: s.rc_median_label, change: s.rc_change_label }
      }));
      var legend = el("ul", { className: "run-chart__legend" });
      [["point", s.rc_legend_point], ["shift", s.rc_legend_shift], ["median", s.rc_legend_median], ["change", s.rc_legend_change]]
        .forEach(function (entry) {
          if (entry[0] === "change" && m.change < 1) return;
          if (entry[0] === "shift" && !a.shifts.length) return;
          var li = el("li", { className: "run-chart__key run-chart__key--" + entry[0] });
          li.append(el("span", { className: "run-chart__swatch", "aria-hidden": "true" }), document.createTextNode(entry[1]));
          legend.append(li);
        });
      figure.append(legend);
      frag.append(figure);

      var summary = el("div", { className: "run-chart__summary" });
      var say = function (text, cls) { summary.append(el("p", cls ? { className: cls } : null, text)); };
      say(fmt(s.rc_median, { m: number(a.median), n: m.points.length, u: a.useful }));
      if (a.longest && a.longest.points.length === 1) {
        say(s.rc_longest_one);
      } else if (a.longest) {
        var first = a.longest.points[0];
        var last = a.longest.points[a.longest.points.length - 1];
        say(fmt(s.rc_longest, {
          k: a.longest.points.length, from: label(first), to: label(last),
          side: a.longest.side > 0 ? s.rc_above : s.rc_below
        }));
      }
      if (a.shifts.length) say(s.rc_shift_yes, "run-chart__signal");
      else say(s.rc_shift_no);
      if (a.limits) {
        say(fmt(s.rc_crossings, { c: a.crossings, low: a.limits.low, high: a.limits.high }));
        if (a.tooFew) say(s.rc_too_few, "run-chart__signal");
        else if (a.tooMany) say(s.rc_too_many, "run-chart__signal");
        else say(s.rc_crossings_ok);
      } else {
        say(fmt(s.rc_crossings_unknown, { c: a.crossings }));
      }
      frag.append(summary);

      var table = el("table", { className: "run-chart__table" });
      table.append(el("caption", null, fmt(s.rc_table, { name: name })));
      var head = el("tr");
      var columns = [m.per === "month" ? s.pl_per_month_col : s.pl_per_week_col, s.rc_col_value, s.rc_col_side];
      if (m.change > 0) columns.push(s.rc_col_phase);
      columns.forEach(function (t) { head.append(el("th", { scope: "col" }, t)); });
      var thead = el("thead");
      thead.append(head);
      var body = el("tbody");
      m.points.forEach(function (p, i) {
        var side = a.sides[i] > 0 ? s.rc_above : a.sides[i] < 0 ? s.rc_below : s.rc_on_median;
        if (a.inShift[i]) side += " – " + s.rc_in_shift;
        var row = el("tr", { "data-index": String(i) });
        row.append(el("th", { scope: "row" }, label(i)), el("td", null, number(p.value)), el("td", null, side));
        if (m.change > 0) row.append(el("td", null, i < m.change ? s.rc_before : s.rc_after));
        body.append(row);
      });
      table.append(thead, body);
      frag.append(table);
      return frag;
    }

    // The chart alone on paper: a copy of it in a sheet of its own, removed after printing.
    function printChart() {
      var figure = result.querySelector(".run-chart__figure");
      if (!figure) return;
      var m = current.measure;
      var sheet = el("div", { className: "run-chart-print" });
      sheet.append(el("h1", null, m.name || current.text));
      var list = ctx.list();
      sheet.append(el("p", null, (list.date ? list.name + " (" + list.date + ")" : list.name) + " · " + current.text));
      Array.prototype.forEach.call(result.children, function (child) {
        var copy = child.cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (n) { n.id = n.id + "-print"; });
        var svg = copy.querySelector ? copy.querySelector("svg[aria-labelledby]") : null;
        if (svg) svg.setAttribute("aria-labelledby", svg.getAttribute("aria-labelledby").split(" ").map(function (x) { return x + "-print"; }).join(" "));
        sheet.append(copy);
      });
      document.body.append(sheet);
      document.documentElement.classList.add("print-chart");
      window.print();
    }

    update(item);
    return { node: node, update: update };
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("print-chart");
    Array.prototype.forEach.call(document.querySelectorAll(".run-chart-print"), function (n) { n.remove(); });
  });

  return { meta: meta, overview: overview, panel: panel, parseValues: parseValues, isDue: isDue };
})();
