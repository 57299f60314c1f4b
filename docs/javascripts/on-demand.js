/* On demand: the search index and the search worker load when the reader first reaches for
 * search, not with every page; Material's sitemap requests are not sent at all.
 *
 * Material for MkDocs 9.8.1 (src/templates/assets/javascripts/bundle.ts, setupSearchWorker)
 * starts its search worker (config.search) and requests <base>/search/search_index.json with
 * XMLHttpRequest as soon as a page served over HTTP loads: about 270 KB before anyone searches.
 * From file:// it already waits until search is opened, so this script leaves file:// search
 * alone. It runs just before Material's bundle (overrides/main.html) and holds back exactly
 * those two things until the reader moves the pointer onto the search box, taps it, focuses it
 * (the s, f and / keys focus it too) or arrives with a search in the address (?q= or ?h=).
 *
 * Material also requests sitemap.xml next to each language alternate (<link rel=alternate>),
 * only to redirect version switches between sites: with this site's .html addresses that never
 * applies, en/sitemap.xml does not exist (a console error), and the absolute hreflang addresses
 * would send the request to the published server even from file://. Those requests end at once
 * as aborted, which Material handles as "no sitemap".
 *
 * Without this script everything works as before, only with more loaded up front.
 * tests/test_budget.py checks that nothing of it is fetched up front; tests/test_search.py that
 * search works over HTTP and from file://.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("__config");
  if (!configElement || !window.XMLHttpRequest) return;
  var config = JSON.parse(configElement.textContent);
  var overHttp = location.protocol !== "file:";
  var INDEX = /\/search\/search_index\.json$/;
  var SITEMAP = /\/sitemap\.xml$/;

  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenWanted(run) {
    if (wanted) run(); else waiting.push(run);
  }

  function path(url) {
    try {
      return new URL(String(url), location.href).pathname;
    } catch (e) {
      return "";  /* not ours: the real open() reports it */
    }
  }

  /* --- XMLHttpRequest: the index waits, the sitemaps are not sent ---------------------- */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.onDemandPath = path(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (SITEMAP.test(request.onDemandPath || "")) {
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("abort")); }, 0);
      return undefined;
    }
    if (overHttp && INDEX.test(request.onDemandPath || "")) {
      whenWanted(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  /* --- The search worker starts when search is wanted ----------------------------------- */
  var RealWorker = window.Worker;
  if (overHttp && RealWorker && typeof EventTarget === "function" && config.search) {
    var searchWorker = new URL(config.search, location.href).href;
    var OnDemandWorker = function (url, options) {
      if (new URL(String(url), location.href).href !== searchWorker) return new RealWorker(url, options);
      var proxy = new EventTarget();
      var queue = [];
      var worker = null;
      proxy.postMessage = function (message) {
        if (worker) worker.postMessage(message); else queue.push(message);
      };
      proxy.terminate = function () {
        if (worker) worker.terminate();
        queue = [];
      };
      whenWanted(function () {
        worker = new RealWorker(url, options);
        ["message", "error", "messageerror"].forEach(function (type) {
          worker.addEventListener(type, function (event) {
            proxy.dispatchEvent(type === "error" ? new ErrorEvent("error", { message: event.message }) : new MessageEvent(type, { data: event.data }));
          });
        });
        queue.splice(0).forEach(function (message) { worker.postMessage(message); });
      });
      return proxy;
    };
    OnDemandWorker.prototype = RealWorker.prototype;
    window.Worker = OnDemandWorker;
  }

  /* --- When search is wanted ------------------------------------------------------------- */
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) {
    want();
    return;
  }
  function onSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for=__search]")) want();
  }
  ["focusin", "pointerover", "pointerdown", "touchstart"].forEach(function (type) {
    document.addEventListener(type, onSearch, { passive: true, capture: true });
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") want();
  }, true);
})();
