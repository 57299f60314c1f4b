/* Priority lists: the data, kept only in this browser, and the files a user saves or opens.
 *
 * No page elements here (priority-list.js and priority-follow-up.js draw the widgets).
 * Classic script, no network: it works from file:// and offline.
 *
 * localStorage "klokare-vard.prioriteringslistor" = {version: 2, current: <list id>, lists: [list]}
 *   list:    {id, name, date ("YYYY-MM-DD" or ""), items: [item]}
 *   item:    {id, text, votes, added, owner, next, status, due ("YYYY-MM-DD" or ""), measure}
 *   status:  "idea" | "in_progress" | "done" | "dropped"
 *   measure: null or {name, per ("week" | "month"), points: [{label, value}], change}
 *            change: index of the first point after the change started, or -1
 * Version 1 kept one list under "klokare-vard.prioriteringslista" as {version: 1, items}.
 * On load such a list becomes a list of its own (and the current one); the old key is
 * removed only after the new one has been written, so nothing is lost.
 *
 * Files: JSON {format, version, exported, list} (any version up to 2; also the bare
 * version 1 object) and CSV (UTF-8 with BOM; ";" on the Swedish pages, "," in English).
 * A file that cannot be read throws a FileProblem and changes nothing.
 */
window.KlokareLists = (function () {
  "use strict";

  var KEY = window.KlokareExercise.LISTS_KEY; // exercise-dom.js, loaded before this file
  var OLD_KEY = window.KlokareExercise.OLD_LISTS_KEY;
  var BROKEN_KEY = "klokare-vard.prioriteringslistor.oläsbar";
  var FORMAT = "klokare-vard.prioriteringslista";
  var VERSION = 2;
  var STATUSES = ["idea", "in_progress", "done", "dropped"];
  var LIMITS = {
    bytes: 1000000, lists: 100, items: 200, points: 520, votes: 9999,
    text: 200, name: 100, owner: 100, next: 300, label: 40, value: 1e12
  };
  var DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  var ID = /^[A-Za-z0-9_-]{1,64}$/;

  var state = { current: null, lists: [] };
  var defaults = { name: "Prioriteringslista" };
  var listeners = [];
  var memoryOnly = false;
  var started = false;
  var counter = 0;
  var lastAdded = null;

  /* --- small helpers ------------------------------------------------------------------ */

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function newId(prefix) {
    counter += 1;
    return prefix + Date.now().toString(36) + "-" + counter + Math.floor(Math.random() * 1296).toString(36);
  }

  function oneLine(value) {
    return String(value).replace(/\s+/g, " ").trim();
  }

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // A problem with a file or a stored value: what (code), and where (item number, field).
  function FileProblem(code, item, field) {
    this.code = code;   // "size" | "broken" | "foreign" | "newer" | "field" | "row" (CSV) | "empty"
    this.item = item;   // 1-based item (or CSV row) number, or null
    this.field = field; // the field's name in the file, or null
  }

  function fail(item, field) {
    throw new FileProblem("field", item, field);
  }

  /* --- checking one list (files and storage alike) --------------------------------------- */

  function text(value, max, item, field, required) {
    if (value === undefined || value === null) value = "";
    if (typeof value !== "string") fail(item, field);
    var s = oneLine(value);
    if (s.length > max || (required && !s)) fail(item, field);
    return s;
  }

  function date(value, item, field) {
    if (value === undefined || value === null || value === "") return "";
    if (typeof value !== "string" || !DATE.test(value)) fail(item, field);
    return value;
  }

  function checkMeasure(raw, item) {
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== "object" || Array.isArray(raw)) fail(item, "measure");
    var per = raw.per === undefined ? "week" : raw.per;
    if (per !== "week" && per !== "month") fail(item, "measure.per");
    var points = raw.points === undefined ? [] : raw.points;
    if (!Array.isArray(points) || points.length > LIMITS.points) fail(item, "measure.points");
    points = points.map(function (p) {
      if (!p || typeof p !== "object") fail(item, "measure.points");
      var value = p.value;
      if (typeof value !== "number" || !isFinite(value) || Math.abs(value) > LIMITS.value) fail(item, "measure.points.value");
      return { label: text(p.label, LIMITS.label, item, "measure.points.label", false), value: value };
    });
    var change = raw.change === undefined || raw.change === null ? -1 : raw.change;
    if (typeof change !== "number" || change !== Math.floor(change) || change < -1 || change >= Math.max(points.length, 1)) {
      fail(item, "measure.change");
    }
    return { name: text(raw.name, LIMITS.name, item, "measure.name", false), per: per, points: points, change: change };
  }

  function checkItem(raw, index) {
    var n = index + 1;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) fail(n, null);
    var votes = raw.votes === undefined ? 0 : raw.votes;
    if (typeof votes !== "number" || votes !== Math.floor(votes) || votes < 0 || votes > LIMITS.votes) fail(n, "votes");
    var status = raw.status === undefined || raw.status === "" ? "idea" : raw.status;
    if (STATUSES.indexOf(status) === -1) fail(n, "status");
    var added = typeof raw.added === "number" && isFinite(raw.added) ? raw.added : index;
    return {
      id: typeof raw.id === "string" && ID.test(raw.id) ? raw.id : newId("i"),
      text: text(raw.text, LIMITS.text, n, "text", true),
      votes: votes,
      added: added,
      owner: text(raw.owner, LIMITS.owner, n, "owner", false),
      next: text(raw.next, LIMITS.next, n, "next", false),
      status: status,
      due: date(raw.due, n, "due"),
      measure: checkMeasure(raw.measure, n)
    };
  }

  function checkList(raw) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new FileProblem("foreign", null, null);
    if (!Array.isArray(raw.items)) fail(null, "items");
    if (raw.items.length > LIMITS.items) fail(null, "items");
    var items = raw.items.map(checkItem);
    var seen = {};
    items.forEach(function (it) {
      if (seen[it.id]) it.id = newId("i");
      seen[it.id] = true;
    });
    var list = {
      id: typeof raw.id === "string" && ID.test(raw.id) ? raw.id : newId("l"),
      name: text(raw.name, LIMITS.name, null, "name", false) || defaults.name,
      date: date(raw.date, null, "date"),
      items: items
    };
    sortItems(list);
    return list;
  }

  // The version 1 list (storage or a copy of it): text and votes only; lenient, like v1 was.
  function fromVersion1(raw) {
    var items = (Array.isArray(raw.items) ? raw.items : [])
      .filter(function (it) { return it && typeof it.text === "string" && oneLine(it.text); })
      .slice(0, LIMITS.items)
      .map(function (it, i) {
        var votes = parseInt(it.votes, 10);
        return {
          id: typeof it.id === "string" && ID.test(it.id) ? it.id : "i" + i,
          text: oneLine(it.text).slice(0, LIMITS.text),
          votes: isFinite(votes) && votes > 0 ? Math.min(votes, LIMITS.votes) : 0,
          added: typeof it.added === "number" ? it.added : i
        };
      });
    return checkList({ name: defaults.name, date: "", items: items });
  }

  function sortItems(list) {
    list.items.sort(function (a, b) { return b.votes - a.votes || a.added - b.added; });
  }

  /* --- storage ------------------------------------------------------------------------ */

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      memoryOnly = true;
      return null;
    }
  }

  function write() {
    if (memoryOnly) return false;
    try {
      window.localStorage.setItem(KEY, JSON.stringify({ version: VERSION, current: state.current, lists: state.lists }));
      return true;
    } catch (e) {
      memoryOnly = true;
      return false;
    }
  }

  function keepBroken(raw) {
    try {
      window.localStorage.setItem(BROKEN_KEY, raw);
    } catch (e) {
      /* the list stays unreadable, but the page still works */
    }
  }

  function load() {
    state = { current: null, lists: [] };
    var raw = read(KEY);
    if (raw) {
      var data = null;
      try {
        data = JSON.parse(raw);
      } catch (e) {
        data = null;
      }
      if (data && Array.isArray(data.lists)) {
        data.lists.forEach(function (l) {
          try {
            state.lists.push(checkList(l));
          } catch (e) {
            keepBroken(JSON.stringify(l)); // kept aside, never silently dropped
          }
        });
        state.current = data.current;
      } else {
        keepBroken(raw);
      }
    }
    migrate();
    if (!find(state.current)) state.current = state.lists.length ? state.lists[0].id : null;
  }

  // A version 1 list becomes a list of its own; the old key goes once the new one is saved.
  function migrate() {
    var raw = read(OLD_KEY);
    if (!raw) return;
    var data = null;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      data = null;
    }
    if (!data || !Array.isArray(data.items)) return; // unreadable: leave it where it is
    var list = fromVersion1(data);
    if (list.items.length) {
      state.lists.push(list);
      state.current = list.id;
      if (!write()) return;
    }
    try {
      window.localStorage.removeItem(OLD_KEY);
    } catch (e) {
      /* nothing more to do */
    }
  }

  function find(id) {
    for (var i = 0; i < state.lists.length; i++) if (state.lists[i].id === id) return state.lists[i];
    return null;
  }

  // The list shown: until something is added, a new empty list lives in memory only.
  function current() {
    var list = find(state.current);
    if (!list) {
      list = { id: newId("l"), name: defaults.name, date: today(), items: [] };
      state.lists.push(list);
      state.current = list.id;
    }
    return list;
  }

  // An empty list with the default name holds nothing: it gives way to a list being added.
  function dropPlaceholders() {
    state.lists = state.lists.filter(function (l) { return l.items.length || l.name !== defaults.name; });
  }

  function worthKeeping() {
    return state.lists.some(function (l) { return l.items.length || l.name !== defaults.name; }) || state.lists.length > 1;
  }

  function changed() {
    state.lists.forEach(sortItems);
    if (worthKeeping()) write();
    else if (!memoryOnly) {
      try {
        window.localStorage.removeItem(KEY);
      } catch (e) {
        memoryOnly = true;
      }
    }
    notify();
  }

  function notify() {
    listeners.forEach(function (fn) { fn(); });
  }

  /* --- lists -------------------------------------------------------------------------- */

  function select(id) {
    if (!find(id)) return;
    state.current = id;
    changed();
  }

  function create(name) {
    dropPlaceholders();
    if (state.lists.length >= LIMITS.lists) return null;
    var list = { id: newId("l"), name: oneLine(name || "").slice(0, LIMITS.name) || defaults.name, date: today(), items: [] };
    state.lists.push(list);
    state.current = list.id;
    changed();
    return list;
  }

  function rename(name, day) {
    var list = current();
    if (name !== undefined) list.name = oneLine(name).slice(0, LIMITS.name) || list.name;
    if (day !== undefined) list.date = DATE.test(day) ? day : "";
    changed();
  }

  // Returns what undo() needs to put the list back where it was.
  function remove(id) {
    var index = -1;
    for (var i = 0; i < state.lists.length; i++) if (state.lists[i].id === id) index = i;
    if (index === -1) return null;
    var removed = state.lists.splice(index, 1)[0];
    if (state.current === id) state.current = state.lists.length ? state.lists[Math.min(index, state.lists.length - 1)].id : null;
    changed();
    return { list: removed, index: index };
  }

  function undo(token) {
    if (!token || find(token.list.id)) return;
    dropPlaceholders(); // e.g. the empty list that stood in for the deleted one
    state.lists.splice(Math.min(token.index, state.lists.length), 0, token.list);
    state.current = token.list.id;
    changed();
  }

  // mode "replace": the list with the same id is replaced; "copy": added beside it.
  function put(list, mode, copySuffix) {
    list = clone(list);
    dropPlaceholders();
    var existing = find(list.id);
    if (existing && mode === "replace") {
      state.lists[state.lists.indexOf(existing)] = list;
    } else {
      if (state.lists.length >= LIMITS.lists) return null;
      if (existing) {
        list.id = newId("l");
        list.name = (list.name + " " + (copySuffix || "")).trim().slice(0, LIMITS.name);
      }
      state.lists.push(list);
    }
    state.current = list.id;
    changed();
    return list;
  }

  /* --- items of the current list --------------------------------------------------------- */

  function item(id) {
    var items = current().items;
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i];
    return null;
  }

  function nextAdded(list) {
    return list.items.reduce(function (max, it) { return Math.max(max, it.added); }, -1) + 1;
  }

  function add(value) {
    var s = oneLine(value || "").slice(0, LIMITS.text);
    var list = current();
    if (!s || list.items.length >= LIMITS.items) return null;
    var it = { id: newId("i"), text: s, votes: 0, added: nextAdded(list), owner: "", next: "", status: "idea", due: "", measure: null };
    list.items.push(it);
    lastAdded = it.id;
    changed();
    lastAdded = null;
    return it;
  }

  function clampVotes(value) {
    var n = parseInt(value, 10);
    if (!isFinite(n) || n < 0) return 0;
    return Math.min(n, LIMITS.votes);
  }

  function setVotes(id, votes) {
    var it = item(id);
    if (!it) return;
    it.votes = clampVotes(votes);
    changed();
  }

  // Follow-up fields: owner, next, status, due. Bad values are ignored (the form offers only good ones).
  function update(id, fields) {
    var it = item(id);
    if (!it) return;
    if (fields.owner !== undefined) it.owner = oneLine(fields.owner).slice(0, LIMITS.owner);
    if (fields.next !== undefined) it.next = oneLine(fields.next).slice(0, LIMITS.next);
    if (fields.status !== undefined && STATUSES.indexOf(fields.status) !== -1) it.status = fields.status;
    if (fields.due !== undefined) it.due = DATE.test(fields.due) ? fields.due : "";
    changed();
  }

  function measureOf(it) {
    if (!it.measure) it.measure = { name: "", per: "week", points: [], change: -1 };
    return it.measure;
  }

  // fields: name, per, change; points: replace all points (already checked numbers).
  function setMeasure(id, fields) {
    var it = item(id);
    if (!it) return;
    var m = measureOf(it);
    if (fields.name !== undefined) m.name = oneLine(fields.name).slice(0, LIMITS.name);
    if (fields.per === "week" || fields.per === "month") m.per = fields.per;
    if (fields.points !== undefined) {
      m.points = fields.points.slice(0, LIMITS.points).map(function (p) {
        return { label: oneLine(p.label || "").slice(0, LIMITS.label), value: p.value };
      });
    }
    if (fields.change !== undefined) m.change = fields.change;
    if (m.change >= m.points.length) m.change = -1;
    changed();
  }

  function removeItem(id) {
    var list = current();
    list.items = list.items.filter(function (it) { return it.id !== id; });
    changed();
  }

  function clearItems() {
    current().items = [];
    changed();
  }

  /* --- files -------------------------------------------------------------------------- */

  function toJson(list) {
    return JSON.stringify({ format: FORMAT, version: VERSION, exported: new Date().toISOString(), list: list }, null, 2) + "\n";
  }

  function fileBase(list, fallback) {
    var slug = list.name.toLowerCase()
      .replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
    return (slug || fallback) + "-" + (list.date || today()); // a file to keep says when
  }

  function csvField(value) {
    var s = String(value);
    return /[",;\t\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  var COLUMNS = ["pl_rank", "pl_suggestion", "pl_votes", "pl_status", "pl_owner", "pl_next", "pl_due"];

  // A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a '.
  function csvText(value) {
    return /^[=+\-@]/.test(value) ? "'" + value : value;
  }

  function fromCsvText(value) {
    return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
  }

  function toCsv(list, s) {
    var rows = [COLUMNS.map(function (k) { return s[k]; })];
    list.items.forEach(function (it, i) {
      rows.push([i + 1, csvText(it.text), it.votes, s["pl_status_" + it.status], csvText(it.owner), csvText(it.next), it.due]);
    });
    var sep = s.csv_separator || ",";
    return "\ufeff" + rows.map(function (r) { return r.map(csvField).join(sep); }).join("\r\n") + "\r\n";
  }

  // RFC 4180 with the separator found in the first line (";", "," or tab).
  function parseCsv(textValue) {
    var firstLine = textValue.split(/\r?\n/, 1)[0];
    var sep = [";", ",", "\t"].reduce(function (best, c) {
      return firstLine.split(c).length > firstLine.split(best).length ? c : best;
    }, ";");
    var rows = [];
    var row = [];
    var field = "";
    var quoted = false;
    for (var i = 0; i < textValue.length; i++) {
      var c = textValue[i];
      if (quoted) {
        if (c === '"' && textValue[i + 1] === '"') { field += '"'; i++; }
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"' && field === "") quoted = true;
      else if (c === sep) { row.push(field); field = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && textValue[i + 1] === "\n") i++;
        row.push(field); rows.push(row); row = []; field = "";
      } else field += c;
    }
    if (quoted) throw new FileProblem("broken", null, null);
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows.filter(function (r) { return r.some(function (f) { return f.trim(); }); });
  }

  function fromCsv(textValue, s, fileName) {
    var rows = parseCsv(textValue);
    if (!rows.length) throw new FileProblem("empty", null, null);
    var known = s.pl_csv_any || {};
    var head = rows[0].map(function (h) { return known[h.trim().toLowerCase()] || null; });
    // The columns of every version so far: rank, suggestion, votes first.
    if (head[0] !== "pl_rank" || head[1] !== "pl_suggestion" || head[2] !== "pl_votes") {
      throw new FileProblem("foreign", null, null);
    }
    var statuses = s.pl_status_any || {};
    var items = rows.slice(1).map(function (r, i) {
      var row = i + 2; // the spreadsheet's row number
      var raw = {};
      head.forEach(function (k, c) { if (k) raw[k] = (r[c] || "").trim(); });
      var votes = raw.pl_votes === "" ? 0 : Number(raw.pl_votes);
      if (!/^\d*$/.test(raw.pl_votes)) throw new FileProblem("row", row, s.pl_votes);
      var status = raw.pl_status ? statuses[raw.pl_status.toLowerCase()] : "idea";
      if (!status) throw new FileProblem("row", row, s.pl_status);
      if (raw.pl_due && !DATE.test(raw.pl_due)) throw new FileProblem("row", row, s.pl_due);
      return {
        text: fromCsvText(raw.pl_suggestion || ""), votes: votes, added: i,
        owner: fromCsvText(raw.pl_owner || ""), next: fromCsvText(raw.pl_next || ""), status: status, due: raw.pl_due
      };
    });
    var named = nameFromFile(fileName);
    try {
      return checkList({ name: named.name, date: named.date, items: items });
    } catch (e) {
      // CSV rows count from the header line.
      if (e instanceof FileProblem && e.item) {
        var names = { text: s.pl_suggestion, votes: s.pl_votes, owner: s.pl_owner, next: s.pl_next, due: s.pl_due, status: s.pl_status };
        throw new FileProblem("row", e.item + 1, names[e.field] || e.field);
      }
      throw e;
    }
  }

  // "prioriteringslista-2025-03-04.csv" -> {name: "Prioriteringslista", date: "2025-03-04"}
  function nameFromFile(fileName) {
    var base = String(fileName || "").replace(/\.[^.]*$/, "");
    var m = /[-_ ](\d{4}-\d{2}-\d{2})$/.exec(base);
    var day = m && DATE.test(m[1]) ? m[1] : "";
    if (m) base = base.slice(0, m.index);
    base = oneLine(base.replace(/[-_]+/g, " ")).slice(0, LIMITS.name);
    return { name: base ? base[0].toUpperCase() + base.slice(1) : defaults.name, date: day };
  }

  // A file's text to a checked list. Throws FileProblem; changes nothing.
  function readFile(fileName, textValue, s) {
    if (textValue.length > LIMITS.bytes) throw new FileProblem("size", null, null);
    textValue = textValue.replace(/^\ufeff/, "");
    if (!textValue.trim()) throw new FileProblem("empty", null, null);
    if (/[\u0000\ufffd]/.test(textValue)) throw new FileProblem("broken", null, null); // not UTF-8 text
    var trimmed = textValue.trim();
    if (trimmed[0] !== "{" && trimmed[0] !== "[") return fromCsv(textValue, s, fileName);
    var data;
    try {
      data = JSON.parse(textValue);
    } catch (e) {
      throw new FileProblem("broken", null, null);
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new FileProblem("foreign", null, null);
    if (data.format === FORMAT) {
      if (typeof data.version !== "number" || data.version < 1) throw new FileProblem("foreign", null, null);
      if (data.version > VERSION) throw new FileProblem("newer", null, null);
      return checkList(data.list);
    }
    // Version 1 had no file format; its stored list is {version: 1, items: [...]}.
    if (data.format === undefined && data.version === 1 && Array.isArray(data.items)) {
      var list = fromVersion1(data);
      if (!list.items.length) throw new FileProblem("empty", null, null);
      var named = nameFromFile(fileName);
      list.name = named.name;
      list.date = named.date;
      return list;
    }
    throw new FileProblem("foreign", null, null);
  }

  /* --- start -------------------------------------------------------------------------- */

  function start(options) {
    if (options && options.name) defaults.name = options.name;
    if (started) return;
    started = true;
    load();
    // Another tab (or the follow-up page open elsewhere) changed the lists.
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY && event.key !== OLD_KEY && event.key !== null) return;
      load();
      notify();
    });
  }

  return {
    key: KEY,
    oldKey: OLD_KEY,
    limits: LIMITS,
    statuses: STATUSES,
    FileProblem: FileProblem,
    start: start,
    today: today,
    lists: function () { return state.lists; },
    current: current,
    select: select,
    create: create,
    rename: rename,
    remove: remove,
    undo: undo,
    put: put,
    find: find,
    item: item,
    add: add,
    setVotes: setVotes,
    update: update,
    setMeasure: setMeasure,
    removeItem: removeItem,
    clearItems: clearItems,
    lastAdded: function () { return lastAdded; },
    memoryOnly: function () { return memoryOnly; },
    subscribe: function (fn) { listeners.push(fn); },
    toJson: toJson,
    toCsv: toCsv,
    fileBase: fileBase,
    readFile: readFile
  };
})();
