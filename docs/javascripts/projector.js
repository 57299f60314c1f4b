/* Projector mode ("Visa på storbild") for exercises and slide decks.
 *
 * Works on the page HTML from macros/exercises.py (its docstring has the DOM contract):
 * div.exercise[data-title][data-subtitle][data-minutes][data-strings] holding
 * section.exercise__slide[data-slide][data-minutes?]. Without JavaScript the page is
 * the complete exercise. exercise-start.js shows the [data-present] button and loads this
 * script (and projector.css) when projector mode is wanted; this script then
 * builds a full-window dialog in the same page: a title slide, then one slide per
 * section, a countdown timer for each timed step and the live priority list on the
 * voting step. No network, no modules: it runs from file:// too.
 *
 * Keys (not while typing in a field): Alt+Shift+P open; → / PageDown next; ← / PageUp previous;
 * Space start/pause; R reset; F browser full screen; Esc leave. Timers use Date.now()
 * with setInterval, so a paused page or a fake clock gives the right time.
 *
 * A reload keeps the meeting going: the open slide is in the address (#storbild-8, one
 * history entry, so Back leaves projector mode) and the slide and every timer (its end
 * time while running, the time left while paused) are in sessionStorage; on load both
 * are restored and a running timer has kept counting. Full screen needs a click again.
 */
(function () {
  "use strict";

  var TICK_MS = 250;
  var HASH = window.KlokareExercise.SLIDE_HASH;
  var STORE = window.KlokareExercise.PROJECTOR_STORE;
  var WARN_MS = 60000;
  var decks = [];
  var active = null; // the open deck

  /* --- helpers ---------------------------------------------------------------------- */

  var el = window.KlokareExercise.el;

  function fmt(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] != null ? values[k] : m;
    });
  }

  function clock(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(total / 60);
    var sec = total % 60;
    return (m < 10 ? "0" : "") + m + ":" + (sec < 10 ? "0" : "") + sec;
  }

  function wholeMinutes(ms) {
    return Math.ceil(Math.max(0, Math.ceil(ms / 1000)) / 60);
  }

  function isTyping(target) {
    if (!target || !target.closest) return false;
    if (target.isContentEditable) return true;
    var field = target.closest("input, textarea, select");
    if (!field) return false;
    var type = (field.getAttribute("type") || "text").toLowerCase();
    return field.tagName !== "INPUT" || ["checkbox", "radio", "button", "submit", "reset", "range", "color"].indexOf(type) === -1;
  }

  function isControl(target) {
    return !!(target && target.closest && target.closest("button, a[href], input, select, textarea, summary, label"));
  }

  /* --- sound (Web Audio; off by default) ----------------------------------------------- */

  var audio = null;

  function audioContext() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return null;
    if (!audio) {
      try {
        audio = new Ctx();
      } catch (e) {
        audio = null;
      }
    }
    return audio;
  }

  function beep() {
    var ctx = audioContext();
    if (!ctx) return;
    try {
      if (ctx.state === "suspended") ctx.resume();
      [0, 0.35, 0.7].forEach(function (offset) {
        var osc = ctx.createOscillator();
        var gain = ctx.createGain();
        var t = ctx.currentTime + offset;
        osc.type = "sine";
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(t + 0.3);
      });
    } catch (e) {
      /* no sound is fine */
    }
  }

  /* --- one timer per timed step --------------------------------------------------------- */

  function Timer(deck, minutes, title) {
    this.deck = deck;
    this.title = title;
    this.duration = minutes * 60000;
    this.left = this.duration;   // remaining when paused / at the last start
    this.startedAt = null;       // Date.now() when running, else null
    this.done = false;
    this.lastMinute = wholeMinutes(this.left);
    this.build();
    this.render();
  }

  Timer.prototype.build = function () {
    var s = this.deck.strings;
    var id = this.deck.prefix + "-timer-" + this.deck.timers.length;
    this.node = el("div", { className: "projector__timer" });
    var label = el("p", { className: "projector__timer-label", id: id + "-label" }, s.timer_label);
    this.display = el("div", { className: "projector__clock", role: "timer", "aria-live": "off", "aria-labelledby": id + "-label" });
    this.doneText = el("p", { className: "projector__done" }, s.time_up);
    this.doneText.hidden = true;
    var buttons = el("div", { className: "projector__timer-buttons" });
    // One Start/Pause button: its name says what a press does ("Starta" / "Pausa").
    this.toggleButton = el("button", { type: "button", "data-timer": "toggle", className: "projector__toggle" });
    this.toggleIcon = el("span", { "aria-hidden": "true", className: "projector__toggle-icon" });
    this.toggleText = el("span", {});
    this.toggleButton.append(this.toggleIcon, this.toggleText);
    this.resetButton = el("button", { type: "button", "data-timer": "reset" }, s.reset);
    this.addButton = el("button", { type: "button", "data-timer": "add" }, s.add_minute);
    buttons.append(this.toggleButton, this.resetButton, this.addButton);
    this.node.append(label, this.display, this.doneText, buttons);

    var self = this;
    buttons.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-timer]");
      if (!b) return;
      var what = b.getAttribute("data-timer");
      if (what === "toggle") self.toggle();
      else if (what === "reset") self.reset();
      else if (what === "add") self.addMinute();
    });
  };

  Timer.prototype.remaining = function () {
    if (this.startedAt === null) return this.left;
    return Math.max(0, this.left - (Date.now() - this.startedAt));
  };

  Timer.prototype.running = function () {
    return this.startedAt !== null;
  };

  Timer.prototype.start = function () {
    if (this.running() || this.remaining() <= 0) return;
    this.done = false;
    this.startedAt = Date.now();
    this.lastMinute = wholeMinutes(this.left);
    ensureTicking();
    this.render();
    this.deck.save();
  };

  Timer.prototype.pause = function () {
    if (!this.running()) return;
    this.left = this.remaining();
    this.startedAt = null;
    this.render();
    this.deck.save();
  };

  Timer.prototype.toggle = function () {
    if (this.running()) this.pause();
    else this.start();
  };

  Timer.prototype.reset = function () {
    this.left = this.duration;
    this.startedAt = null;
    this.done = false;
    this.lastMinute = wholeMinutes(this.left);
    this.render();
    this.deck.save();
  };

  Timer.prototype.addMinute = function () {
    var wasRunning = this.running();
    this.left = this.remaining() + 60000;
    this.startedAt = wasRunning ? Date.now() : null;
    this.done = false;
    this.lastMinute = wholeMinutes(this.left);
    this.render();
    this.deck.save();
  };

  /* What sessionStorage keeps: the end time while running (so a reload loses no time). */
  Timer.prototype.snapshot = function () {
    return this.running()
      ? { endsAt: Date.now() + this.remaining() }
      : { left: this.left, done: this.done };
  };

  Timer.prototype.restore = function (saved) {
    if (!saved || typeof saved !== "object") return;
    if (typeof saved.endsAt === "number") {
      var left = saved.endsAt - Date.now();
      if (left > 0) {
        this.left = left;
        this.startedAt = Date.now();
        this.done = false;
        ensureTicking();
      } else {
        this.left = 0;
        this.startedAt = null;
        this.done = true;
      }
    } else if (typeof saved.left === "number" && saved.left >= 0) {
      this.left = saved.left;
      this.startedAt = null;
      this.done = !!saved.done;
    }
    this.lastMinute = wholeMinutes(this.remaining());
    this.render();
  };

  // Called by the shared interval; returns true while this timer still runs.
  Timer.prototype.tick = function () {
    if (!this.running()) return false;
    var ms = this.remaining();
    if (ms <= 0) {
      this.left = 0;
      this.startedAt = null;
      this.done = true;
      this.render();
      this.deck.timerFinished(this);
      this.deck.save();
      return false;
    }
    var minute = wholeMinutes(ms);
    if (minute < this.lastMinute) {
      this.lastMinute = minute;
      this.deck.minuteLeft(this, minute);
    }
    this.render();
    return true;
  };

  Timer.prototype.render = function () {
    var ms = this.remaining();
    this.display.textContent = clock(ms);
    this.node.classList.toggle("is-running", this.running());
    this.node.classList.toggle("is-warning", !this.done && ms > 0 && ms <= WARN_MS);
    this.node.classList.toggle("is-done", this.done);
    this.doneText.hidden = !this.done;
    var s = this.deck.strings;
    var running = this.running();
    var name = running ? s.pause : s.start;
    if (this.toggleText.textContent !== name) {
      this.toggleText.textContent = name;
      this.toggleIcon.textContent = running ? "\u275A\u275A " : "\u25B6 ";
      this.toggleButton.classList.toggle("is-pause", running);
    }
    this.toggleButton.setAttribute("aria-disabled", !running && this.remaining() <= 0 ? "true" : "false");
    this.deck.updateProgress();
  };

  var interval = null;

  function ensureTicking() {
    if (interval !== null) return;
    interval = window.setInterval(function () {
      var anyRunning = false;
      decks.forEach(function (deck) {
        deck.timers.forEach(function (t) {
          if (t.tick()) anyRunning = true;
        });
      });
      if (!anyRunning) {
        window.clearInterval(interval);
        interval = null;
      }
    }, TICK_MS);
  }

  /* --- one deck (an exercise on the page) -------------------------------------------------- */

  function Deck(root, index) {
    this.root = root;
    this.prefix = "projector-" + index;
    this.strings = window.KlokareExercise.strings(root);
    this.title = root.getAttribute("data-title") || "";
    this.subtitle = root.getAttribute("data-subtitle") || "";
    this.button = root.querySelector("[data-present]");
    this.hint = root.querySelector(".exercise__hint");
    this.overlay = null;
    this.index = 0;
    this.timers = [];
    this.opener = null;
    this.inerted = [];
    this.pushed = false; // this page added the #storbild-N history entry
    this.storeKey = STORE + window.location.pathname + ":" + index;
  }

  /* --- state that survives a reload: the address and sessionStorage ----------------------- */

  function setHash(hash, push) {
    var url = window.location.pathname + window.location.search + hash;
    try {
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
      return true;
    } catch (e) {
      return false; // some file:// contexts refuse history changes; the projector still works
    }
  }

  function hashSlide() {
    var m = HASH.exec(window.location.hash);
    return m ? parseInt(m[1], 10) - 1 : null;
  }

  Deck.prototype.save = function () {
    if (!this.overlay) return;
    var state = {
      open: active === this,
      slide: this.index,
      timers: this.timers.map(function (t) { return t.snapshot(); })
    };
    try {
      window.sessionStorage.setItem(this.storeKey, JSON.stringify(state));
    } catch (e) {
      /* storage off or full: the meeting goes on without it */
    }
  };

  Deck.prototype.saved = function () {
    try {
      var state = JSON.parse(window.sessionStorage.getItem(this.storeKey) || "null");
      return state && typeof state === "object" ? state : null;
    } catch (e) {
      return null;
    }
  };

  /* On load: the timers come back from sessionStorage; the address says whether and where
     the projector is open (no #storbild-N: the reader had left it, e.g. with Back). */
  Deck.prototype.restore = function () {
    var state = this.saved();
    var slide = hashSlide();
    if (!state && slide === null) return;
    if (!this.overlay) this.build();
    var self = this;
    if (state && Array.isArray(state.timers)) {
      state.timers.forEach(function (saved, i) { if (self.timers[i]) self.timers[i].restore(saved); });
    }
    if (slide !== null) {
      this.index = Math.max(0, Math.min(this.slides.length - 1, slide));
      this.open(null);
    }
  };

  /* exercise-start.js has shown the button (and loaded this script when it was wanted). */
  Deck.prototype.reveal = function () {
    var self = this;
    if (this.button) this.button.addEventListener("click", function () { self.open(self.button); });
  };

  Deck.prototype.build = function () {
    var s = this.strings;
    var self = this;
    var overlay = el("div", {
      className: "projector",
      role: "dialog",
      "aria-modal": "true",
      "aria-label": this.title,
      tabindex: "-1",
      lang: document.documentElement.lang || "sv",
      // The priority list moves in here; a reload in projector mode can move it before
      // priority-list.js has read its interface text, so the text comes along.
      "data-strings": this.root.getAttribute("data-strings") || "{}"
    });
    overlay.hidden = true;

    var stage = el("div", { className: "projector__stage" });
    this.slides = [];
    this.timedCount = 0;

    // Title slide.
    var first = el("div", { className: "projector__slide projector__slide--title" });
    first.append(el("h2", { className: "projector__heading" }, this.title));
    if (this.subtitle) first.append(el("p", { className: "projector__subtitle" }, this.subtitle));
    var sections = Array.prototype.slice.call(this.root.querySelectorAll("section.exercise__slide"));
    var total = parseInt(this.root.getAttribute("data-minutes"), 10); // a deck has none
    if (total) first.append(el("p", { className: "projector__total" }, fmt(s.total, { n: total })));
    first.append(el("p", { className: "projector__keys" }, s.keys));
    this.slides.push({ node: first, title: this.title, timer: null, step: 0 });
    stage.append(first);

    var timedTotal = sections.filter(function (sec) { return sec.hasAttribute("data-minutes"); }).length;
    sections.forEach(function (sec) {
      var minutes = parseInt(sec.getAttribute("data-minutes"), 10) || 0;
      var heading = sec.querySelector("h2");
      var titleClone = heading.cloneNode(true);
      Array.prototype.forEach.call(titleClone.querySelectorAll(".exercise__minutes, .headerlink"), function (n) { n.remove(); });
      var title = titleClone.textContent.trim();

      var slide = el("div", { className: "projector__slide", "data-slide": sec.getAttribute("data-slide") });
      var h = el("h2", { className: "projector__heading" }, title);
      var body = el("div", { className: "projector__body" });
      Array.prototype.forEach.call(sec.children, function (child) {
        if (child === heading || child.matches(".print-only, .priority-list")) return;
        var copy = child.cloneNode(true);
        copy.removeAttribute("id");
        Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
        body.append(copy);
      });
      slide.append(h, body);

      var info = { node: slide, title: title, timer: null, step: 0, list: null };
      if (minutes) {
        self.timedCount += 1;
        info.step = self.timedCount;
        info.timer = new Timer(self, minutes, title);
        self.timers.push(info.timer);
        slide.classList.add("projector__slide--timed");
        slide.append(info.timer.node);
      }
      var list = sec.querySelector(".priority-list");
      if (list) {
        slide.classList.add("projector__slide--list");
        info.list = { live: list, holder: el("div", { className: "projector__list" }), home: null };
        slide.append(info.list.holder);
      }
      slide.hidden = true;
      self.slides.push(info);
      stage.append(slide);
    });
    this.timedTotal = timedTotal;

    // Bar: progress, navigation, sound, full screen, close.
    var bar = el("div", { className: "projector__bar" });
    this.progress = el("p", { className: "projector__progress" });
    var nav = el("div", { className: "projector__nav" });
    this.prevButton = el("button", { type: "button", "data-nav": "prev" }, "← " + s.previous);
    this.counter = el("span", { className: "projector__counter" });
    this.nextButton = el("button", { type: "button", "data-nav": "next" }, s.next + " →");
    var soundLabel = el("label", { className: "projector__sound" });
    this.sound = el("input", { type: "checkbox" });
    soundLabel.append(this.sound, document.createTextNode(" " + s.sound));
    var full = el("button", { type: "button", "data-nav": "full" }, s.fullscreen);
    var close = el("button", { type: "button", "data-nav": "close" }, s.close);
    this.closeButton = close;
    if (!(document.fullscreenEnabled && overlay.requestFullscreen)) full.hidden = true;
    nav.append(this.prevButton, this.counter, this.nextButton, soundLabel, full, close);
    bar.append(this.progress, nav);

    // Screen readers: the clock itself is silent (aria-live=off); this says whole minutes
    // and the end. A second region names the slide when it changes.
    this.live = el("div", { className: "kv-visually-hidden projector__live", "aria-live": "polite", "aria-atomic": "true" });
    this.slideLive = el("div", { className: "kv-visually-hidden", "aria-live": "polite", "aria-atomic": "true" });

    overlay.append(stage, bar, this.live, this.slideLive);
    document.body.append(overlay);
    this.overlay = overlay;
    this.stage = stage;

    this.sound.addEventListener("change", function () {
      if (self.sound.checked) {
        var ctx = audioContext(); // created in the click, so the browser lets it play later
        if (ctx && ctx.state === "suspended") ctx.resume();
      }
    });
    nav.addEventListener("click", function (event) {
      var b = event.target.closest("button[data-nav]");
      if (!b) return;
      var what = b.getAttribute("data-nav");
      if (what === "prev") self.go(self.index - 1);
      else if (what === "next") self.go(self.index + 1);
      else if (what === "full") self.toggleFullscreen();
      else if (what === "close") self.close();
      // After a mouse click on Next/Previous keep Space for the timer, not the button.
      if ((what === "prev" || what === "next") && event.detail > 0) overlay.focus();
    });
    overlay.addEventListener("keydown", function (event) { self.trapTab(event); });
    window.addEventListener("resize", function () {
      if (active === self) self.fit(self.slides[self.index]);
    });
    document.addEventListener("fullscreenchange", function () {
      if (active === self) self.fit(self.slides[self.index]);
    });
  };

  // The list lives in the page while printing (the dialog is not printed).
  Deck.prototype.listHome = function (home) {
    this.slides.forEach(function (info) {
      if (!info.list || !info.list.home) return;
      if (home) info.list.home.parentNode.insertBefore(info.list.live, info.list.home);
      else info.list.holder.append(info.list.live);
    });
  };

  Deck.prototype.open = function (opener) {
    if (active && active !== this) active.close();
    if (active === this) return;
    if (!this.overlay) this.build();
    active = this;
    this.opener = opener || (document.activeElement !== document.body ? document.activeElement : null) || this.button;

    // The live priority list moves into the voting slide and back on close: one widget, one store.
    this.slides.forEach(function (info) {
      if (!info.list) return;
      info.list.home = document.createComment("priority-list");
      info.list.live.parentNode.insertBefore(info.list.home, info.list.live);
      info.list.holder.append(info.list.live);
    });

    // Everything else on the page is inert while the dialog is open.
    var overlay = this.overlay;
    this.inerted = Array.prototype.filter.call(document.body.children, function (child) {
      return child !== overlay && !child.inert && child.tagName !== "SCRIPT";
    });
    this.inerted.forEach(function (child) { child.inert = true; });
    document.documentElement.classList.add("projector-open");
    overlay.hidden = false;
    // One history entry for projector mode, so Back leaves it (a restored page has it already).
    if (hashSlide() === null) this.pushed = setHash("#storbild-" + (this.index + 1), true);
    this.go(this.index, true);
    overlay.focus();
    this.focusFirst();
  };

  /* The first control worth pressing: Start on a timed step, else Next (Close on the last). */
  Deck.prototype.focusFirst = function () {
    var info = this.current();
    var target = info && info.timer ? info.timer.toggleButton
      : this.index < this.slides.length - 1 ? this.nextButton : this.closeButton;
    if (target) target.focus();
  };

  Deck.prototype.close = function (fromHistory) {
    if (active !== this) return;
    active = null;
    if (!fromHistory && hashSlide() !== null) {
      if (this.pushed) window.history.back(); // back to the entry before projector mode
      else setHash("", false);
    }
    this.pushed = false;
    if (document.fullscreenElement === this.overlay && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
    this.overlay.hidden = true;
    this.slides.forEach(function (info) {
      if (!info.list || !info.list.home) return;
      info.list.home.parentNode.insertBefore(info.list.live, info.list.home);
      info.list.home.remove();
      info.list.home = null;
    });
    this.inerted.forEach(function (child) { child.inert = false; });
    this.inerted = [];
    document.documentElement.classList.remove("projector-open");
    this.save();
    var target = this.opener && document.contains(this.opener) ? this.opener : this.button;
    if (target && target.focus) target.focus();
  };

  Deck.prototype.go = function (index, quiet) {
    var n = this.slides.length;
    index = Math.max(0, Math.min(n - 1, index));
    var changed = index !== this.index;
    this.index = index;
    this.slides.forEach(function (info, i) { info.node.hidden = i !== index; });
    var info = this.slides[index];
    this.counter.textContent = fmt(this.strings.slide_of, { n: index + 1, total: n });
    this.prevButton.setAttribute("aria-disabled", index === 0 ? "true" : "false");
    this.nextButton.setAttribute("aria-disabled", index === n - 1 ? "true" : "false");
    this.updateProgress();
    this.fit(info);
    if (changed || !quiet) {
      this.slideLive.textContent = this.counter.textContent + ": " + info.title;
    }
    if (active === this && hashSlide() !== index) setHash("#storbild-" + (index + 1), false);
    this.save();
  };

  Deck.prototype.current = function () {
    return this.slides ? this.slides[this.index] : null;
  };

  Deck.prototype.updateProgress = function () {
    if (!this.progress) return;
    var s = this.strings;
    var info = this.current();
    var parts = [];
    if (info && info.step) parts.push(fmt(s.step_of, { n: info.step, total: this.timedTotal }));
    if (this.timers.length) {
      var ms = this.timers.reduce(function (sum, t) { return sum + (t.done ? 0 : t.remaining()); }, 0);
      parts.push(fmt(s.left_total, { m: wholeMinutes(ms) }));
    }
    var text = parts.join(" · ");
    if (this.progress.textContent !== text) this.progress.textContent = text;
  };

  // Grow short slides for the back of the room (never shrink below the base size).
  Deck.prototype.fit = function (info) {
    if (!info) return;
    var node = info.node;
    node.style.fontSize = "";
    if (info.list) return;
    var fits = function () {
      return node.scrollHeight <= node.clientHeight && node.scrollWidth <= node.clientWidth;
    };
    if (!fits()) return;
    var best = 1;
    for (var scale = 1.1; scale <= 1.41; scale += 0.1) {
      node.style.fontSize = scale.toFixed(2) + "em";
      if (!fits()) break;
      best = scale;
    }
    node.style.fontSize = best === 1 ? "" : best.toFixed(2) + "em";
  };

  Deck.prototype.toggleFullscreen = function () {
    try {
      if (document.fullscreenElement) {
        document.exitFullscreen().catch(function () {});
      } else if (this.overlay.requestFullscreen) {
        this.overlay.requestFullscreen().catch(function () {});
      }
    } catch (e) {
      /* not allowed here: the window view still works */
    }
  };

  Deck.prototype.minuteLeft = function (timer, minutes) {
    var info = this.current();
    if (!info || info.timer !== timer) return;
    var s = this.strings;
    this.live.textContent = minutes === 1 ? s.one_minute_left : fmt(s.minutes_left, { n: minutes });
  };

  Deck.prototype.timerFinished = function (timer) {
    this.live.textContent = this.timers.length > 1 && this.current().timer !== timer
      ? timer.title + ": " + this.strings.time_up
      : this.strings.time_up;
    if (this.sound && this.sound.checked) beep();
  };

  Deck.prototype.trapTab = function (event) {
    if (event.key !== "Tab") return;
    var focusable = Array.prototype.filter.call(
      this.overlay.querySelectorAll("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])"),
      function (n) { return !n.disabled && n.getClientRects().length > 0; }
    );
    if (!focusable.length) return;
    var firstEl = focusable[0];
    var lastEl = focusable[focusable.length - 1];
    var current = document.activeElement;
    if (event.shiftKey && (current === firstEl || current === this.overlay)) {
      event.preventDefault();
      lastEl.focus();
    } else if (!event.shiftKey && current === lastEl) {
      event.preventDefault();
      firstEl.focus();
    }
  };

  // Keys while the dialog is open. Returns true when the key was used.
  Deck.prototype.key = function (event) {
    var info = this.current();
    var timer = info && info.timer;
    switch (event.key) {
      case "ArrowRight":
      case "PageDown":
        this.go(this.index + 1);
        return true;
      case "ArrowLeft":
      case "PageUp":
        this.go(this.index - 1);
        return true;
      case "Home":
        this.go(0);
        return true;
      case "End":
        this.go(this.slides.length - 1);
        return true;
      case "Escape":
      case "Esc":
        this.close();
        return true;
      case " ":
      case "Spacebar":
        if (isControl(event.target)) return false; // Space presses the focused button
        if (timer) timer.toggle();
        return true;
      case "r":
      case "R":
        if (timer) timer.reset();
        return !!timer;
      case "f":
      case "F":
        this.toggleFullscreen();
        return true;
      default:
        return false;
    }
  };

  /* --- keyboard ---------------------------------------------------------------------- */

  // On document, so it runs before Material's own shortcuts on window. The single keys
  // below act only while the projector dialog is open and has focus (WCAG 2.1.4).
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented) return;
    if (active && (event.ctrlKey || event.metaKey || event.altKey)) return;
    if (active) {
      if (isTyping(event.target)) {
        if (event.key === "Escape" || event.key === "Esc") {
          active.close();
          event.preventDefault();
        }
        event.stopPropagation(); // Material's search shortcuts stay out of the dialog
        return;
      }
      if (active.key(event)) event.preventDefault();
      if (event.key !== "Tab") event.stopPropagation();
      return;
    }
    // Alt+Shift+P opens projector mode (exercise-dom.js says why this combination).
    if (window.KlokareExercise.isProjectorShortcut(event) && decks.length) {
      event.preventDefault();
      event.stopPropagation();
      decks[0].open(null);
    }
  });

  // Back (or Forward) across the #storbild-N entry leaves (or re-enters) projector mode.
  window.addEventListener("popstate", function () {
    var slide = hashSlide();
    if (active && slide === null) active.close(true);
    else if (slide !== null && decks.length) {
      var deck = active || decks[0];
      if (!deck.overlay) deck.build();
      if (active) deck.go(slide);
      else {
        deck.index = Math.max(0, Math.min(deck.slides.length - 1, slide));
        deck.open(null);
      }
    }
  });
  window.addEventListener("pagehide", function () {
    decks.forEach(function (deck) { deck.save(); });
  });

  window.addEventListener("beforeprint", function () { if (active) active.listHome(true); });
  window.addEventListener("afterprint", function () { if (active) active.listHome(false); });

  /* --- start ------------------------------------------------------------------------- */

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("div.exercise[data-exercise]"), function (root, i) {
      if (!root.querySelector("section.exercise__slide")) return;
      var deck = new Deck(root, i);
      deck.reveal();
      decks.push(deck);
    });
    if (decks.length) decks[0].restore();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
