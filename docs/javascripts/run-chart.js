/* Run chart ("seriediagram") for one measure: the analysis and the SVG. No dependencies.
 *
 * analyse(values) follows the run chart rules of Perla, Provost & Murray (BMJ Quality &
 * Safety 2011), as explained on the follow-up page:
 * - The median of all points is the centre line. Points on the median are left out of
 *   the rules below: they neither count towards nor break a run.
 * - Shift: six or more points in a row on the same side of the median.
 * - Runs: too few or too many crossings of the median. The limits come from the exact
 *   distribution of the number of runs for this many points above and below the median
 *   (the runs test of Wald and Wolfowitz, tabulated by Swed and Eisenhart), with at most
 *   2.5 % in each tail: a series that varies only at random gives a false signal at
 *   most once in twenty.
 *
 * draw(points, change, analysis, options) returns an <svg role="img"> with a title and
 * a description; the page adds the data table next to it (the text alternative).
 */
window.KlokareRunChart = (function () {
  "use strict";

  var SHIFT = 6;
  var TAIL = 0.025;
  var SVG = "http://www.w3.org/2000/svg";

  /* --- analysis ------------------------------------------------------------------------ */

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var n = sorted.length;
    if (!n) return null;
    return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  var logFactorials = [0];

  function logFactorial(n) {
    for (var i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1] + Math.log(i);
    return logFactorials[n];
  }

  function logChoose(n, k) {
    if (k < 0 || k > n) return -Infinity;
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  // P(R = r) for r = 0..n1+n2: runs in a random order of n1 points above and n2 below.
  function runsDistribution(n1, n2) {
    var n = n1 + n2;
    var total = logChoose(n, n1);
    var p = [];
    for (var r = 0; r <= n; r++) {
      var k;
      var value = 0;
      if (r >= 2 && r % 2 === 0) {
        k = r / 2;
        value = 2 * Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k - 1) - total);
      } else if (r >= 3) {
        k = (r - 1) / 2;
        value = Math.exp(logChoose(n1 - 1, k) + logChoose(n2 - 1, k - 1) - total) +
                Math.exp(logChoose(n1 - 1, k - 1) + logChoose(n2 - 1, k) - total);
      }
      p.push(value);
    }
    return p;
  }

  // The range of crossings that random variation gives (each tail at most 2.5 %), or null
  // when no number of crossings could be a signal with these points.
  function crossingLimits(n1, n2) {
    if (n1 < 1 || n2 < 1) return null;
    var p = runsDistribution(n1, n2);
    var eps = 1e-12;
    var low = null;
    var cum = 0;
    for (var r = 2; r < p.length; r++) {
      cum += p[r];
      if (cum > TAIL + eps) { low = r; break; }
    }
    var high = null;
    cum = 0;
    for (r = p.length - 1; r >= 2; r--) {
      cum += p[r];
      if (cum > TAIL + eps) { high = r; break; }
    }
    var minRuns = 2;
    var maxRuns = n1 === n2 ? 2 * n1 : 2 * Math.min(n1, n2) + 1;
    if (low === null || high === null || (low <= minRuns && high >= maxRuns)) return null;
    return { low: low - 1, high: high - 1 }; // runs to crossings
  }

  function analyse(values) {
    var m = median(values);
    var sides = values.map(function (v) { return v > m ? 1 : v < m ? -1 : 0; });
    var runs = [];
    var run = null;
    sides.forEach(function (side, i) {
      if (!side) return; // on the median: skipped
      if (run && run.side === side) {
        run.points.push(i);
      } else {
        run = { side: side, points: [i] };
        runs.push(run);
      }
    });
    var above = sides.filter(function (x) { return x > 0; }).length;
    var below = sides.filter(function (x) { return x < 0; }).length;
    var longest = runs.reduce(function (best, r) { return !best || r.points.length > best.points.length ? r : best; }, null);
    var shifts = runs.filter(function (r) { return r.points.length >= SHIFT; });
    var inShift = values.map(function () { return false; });
    shifts.forEach(function (r) { r.points.forEach(function (i) { inShift[i] = true; }); });
    var crossings = Math.max(0, runs.length - 1);
    var limits = crossingLimits(above, below);
    return {
      n: values.length,
      median: m,
      sides: sides,
      useful: above + below,
      above: above,
      below: below,
      runs: runs,
      longest: longest,
      shifts: shifts,
      inShift: inShift,
      crossings: crossings,
      limits: limits,
      tooFew: !!limits && crossings < limits.low,
      tooMany: !!limits && crossings > limits.high
    };
  }

  /* --- drawing ------------------------------------------------------------------------- */

  function node(tag, attrs, text) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text != null) el.textContent = text;
    return el;
  }

  function niceStep(span) {
    if (!(span > 0)) return 1;
    var raw = span / 4;
    var power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * power >= raw) return steps[i] * power;
    return 10 * power;
  }

  function round(value) {
    return Math.round(value * 100) / 100;
  }

  /* points: [{label, value}]; change: index of the first point after the change, or -1.
   * options: {title, description, format (number -> text), labels: {median, change}} */
  function draw(points, change, a, options) {
    var W = 640;
    var H = 320;
    var left = 56;
    var right = 20;
    var top = 30;
    var bottom = 70;
    var plotW = W - left - right;
    var plotH = H - top - bottom;
    var format = options.format || String;
    var values = points.map(function (p) { return p.value; });

    var lo = Math.min.apply(null, values.concat([a.median]));
    var hi = Math.max.apply(null, values.concat([a.median]));
    if (lo >= 0) lo = 0;
    var step = niceStep(hi - lo || Math.abs(hi) || 1);
    var yMin = Math.floor(lo / step) * step;
    var yMax = Math.ceil(hi / step) * step;
    if (yMax === yMin) yMax = yMin + step;

    var n = points.length;
    var x = function (i) { return round(left + (n === 1 ? plotW / 2 : (i * plotW) / (n - 1))); };
    var y = function (v) { return round(top + plotH - ((v - yMin) / (yMax - yMin)) * plotH); };

    var id = options.id;
    var svg = node("svg", {
      viewBox: "0 0 " + W + " " + H, class: "run-chart__svg", role: "img",
      "aria-labelledby": id + "-title " + id + "-desc", focusable: "false"
    });
    svg.append(node("title", { id: id + "-title" }, options.title), node("desc", { id: id + "-desc" }, options.description));

    // Value axis: grid lines and numbers.
    var grid = node("g", { class: "run-chart__grid" });
    for (var v = yMin; v <= yMax + step / 2; v += step) {
      var gy = y(v);
      grid.append(node("line", { x1: left, x2: W - right, y1: gy, y2: gy }));
      grid.append(node("text", { x: left - 8, y: gy + 4, "text-anchor": "end", class: "run-chart__tick" }, format(round(v))));
    }
    svg.append(grid);
    svg.append(node("line", { x1: left, x2: left, y1: top, y2: top + plotH, class: "run-chart__axis" }));
    svg.append(node("line", { x1: left, x2: W - right, y1: top + plotH, y2: top + plotH, class: "run-chart__axis" }));

    // Time axis: at most about 12 labels.
    var every = Math.max(1, Math.ceil(n / 12));
    points.forEach(function (p, i) {
      if (i % every && i !== n - 1) return;
      var tx = x(i);
      var ty = top + plotH + 14;
      svg.append(node("text", {
        x: tx, y: ty, "text-anchor": "end", class: "run-chart__tick",
        transform: "rotate(-40 " + tx + " " + ty + ")"
      }, p.label || String(i + 1)));
    });

    // The change: a dashed vertical line before its first point.
    if (change >= 0 && change < n) {
      var cx = change === 0 ? left + 4 : round((x(change - 1) + x(change)) / 2);
      svg.append(node("line", { x1: cx, x2: cx, y1: top - 6, y2: top + plotH, class: "run-chart__change", "data-index": change }));
      var nearRight = cx > W - 160;
      svg.append(node("text", {
        x: nearRight ? cx - 6 : cx + 6, y: top - 12, "text-anchor": nearRight ? "end" : "start", class: "run-chart__label"
      }, options.labels.change));
    }

    // The median.
    var my = y(a.median);
    svg.append(node("line", { x1: left, x2: W - right, y1: my, y2: my, class: "run-chart__median", "data-value": a.median }));
    svg.append(node("text", { x: W - right, y: my - 6, "text-anchor": "end", class: "run-chart__label" },
      options.labels.median + " " + format(round(a.median))));

    // The measurements: a line, dots, and squares for points in a shift.
    if (n > 1) {
      svg.append(node("polyline", {
        class: "run-chart__line",
        points: points.map(function (p, i) { return x(i) + "," + y(p.value); }).join(" ")
      }));
    }
    points.forEach(function (p, i) {
      var px = x(i);
      var py = y(p.value);
      var shape = a.inShift[i]
        ? node("rect", { x: px - 5, y: py - 5, width: 10, height: 10, class: "run-chart__point run-chart__point--shift" })
        : node("circle", { cx: px, cy: py, r: 4.5, class: "run-chart__point" });
      shape.setAttribute("data-index", i);
      shape.setAttribute("data-value", p.value);
      svg.append(shape);
    });
    return svg;
  }

  return { analyse: analyse, median: median, crossingLimits: crossingLimits, draw: draw, SHIFT: SHIFT };
})();
