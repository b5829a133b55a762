// inhouse: the only script. Polls running background jobs and highlights evidence on hover.
(function () {
  "use strict";
  function poll(item) {
    var id = item.getAttribute("data-job-id");
    fetch("/api/jobs/" + id, { headers: { Accept: "application/json" } })
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
    document.querySelectorAll('[data-job-id][data-finished="false"]').forEach(poll);
    document.querySelectorAll("a.evidence-link").forEach(function (link) {
      link.addEventListener("mouseenter", function () { highlight(link, true); });
      link.addEventListener("mouseleave", function () { highlight(link, false); });
    });
  });
})();
