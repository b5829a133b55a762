// inhouse: the pages' only script (the Content-Security-Policy allows no inline script or handler).
// Polls running background jobs, highlights evidence on hover, and sends the session's CSRF token
// (the page's <meta name="csrf-token">) with every write it makes.
(function () {
  "use strict";
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }
  // fetch() for this server: writes carry the X-CSRF-Token header
  window.inhouseFetch = function (url, options) {
    var opts = options || {};
    var method = (opts.method || "GET").toUpperCase();
    if (["GET", "HEAD", "OPTIONS"].indexOf(method) < 0) {
      opts.headers = opts.headers || {};
      opts.headers["X-CSRF-Token"] = csrfToken();
    }
    opts.credentials = "same-origin";
    return fetch(url, opts);
  };
  function poll(item) {
    var id = item.getAttribute("data-job-id");
    window.inhouseFetch("/api/jobs/" + id, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        var bar = item.querySelector("progress");
        if (bar) { bar.value = job.progress; }
        var status = item.querySelector(".job-status");
        if (status) {
          status.textContent = job.status;
          var colors = { done: "green", failed: "red", running: "blue" };
          status.className = "badge job-status " + (colors[job.status] || "grey");
        }
        var message = item.querySelector(".job-message");
        if (message) { message.textContent = job.error || (job.result && job.result.summary) || job.message; }
        if (job.finished) { item.setAttribute("data-finished", "true"); window.setTimeout(function () { window.location.reload(); }, 600); }
        else { window.setTimeout(function () { poll(item); }, 1000); }
      })
      .catch(function () { window.setTimeout(function () { poll(item); }, 3000); });
  }
  function highlight(link, on) {
    var id = link.getAttribute("data-finding");
    document.querySelectorAll("mark.evidence").forEach(function (m) {
      if ((" " + m.getAttribute("data-findings") + " ").indexOf(" " + id + " ") >= 0) { m.classList.toggle("active", on); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.back-link").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (window.history.length > 1) { event.preventDefault(); window.history.back(); }
      });
    });
    document.querySelectorAll('[data-job-id][data-finished="false"]').forEach(poll);
    document.querySelectorAll("a.evidence-link").forEach(function (link) {
      link.addEventListener("mouseenter", function () { highlight(link, true); });
      link.addEventListener("mouseleave", function () { highlight(link, false); });
    });
  });
})();
