// Starts Swagger UI on /docs (no inline script: the Content-Security-Policy allows scripts from this server only).
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  var meta = document.querySelector('meta[name="csrf-token"]');
  var token = meta ? meta.getAttribute("content") : "";
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-openapi-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    requestInterceptor: function (request) {
      var method = (request.method || "GET").toUpperCase();
      if (token && ["GET", "HEAD", "OPTIONS"].indexOf(method) < 0) { request.headers["X-CSRF-Token"] = token; }
      return request;
    }
  });
})();
