// A case page (casussen/<slug>/) is not in the sidebar (thousands of cases would make every page
// heavy); mark "Casussen" there, so the reader sees where the page sits.
(function () {
  "use strict";
  function init() {
    var path = window.location.pathname;
    var match = path.match(/\/casussen\/([^/]+?)(?:\/|\.html)?$/);
    if (!match || match[1] === "index") return;
    document.querySelectorAll(".md-sidebar--primary a.md-nav__link").forEach(function (link) {
      var target = new URL(link.getAttribute("href"), window.location.href).pathname;
      if (/\/casussen\/(index\.html)?$/.test(target)) {
        link.classList.add("md-nav__link--active");
        link.setAttribute("aria-current", "location");
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
