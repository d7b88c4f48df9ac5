// Sortable columns for every table with class "sorteerbaar" (the overview and comparison pages):
// each column header becomes a button; a second click reverses the order. Dutch collation, with
// numbers compared as numbers. Without JavaScript the tables keep the order of the case files.
(function () {
  "use strict";
  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

  function setup(table) {
    if (table.dataset.sortReady || !table.tHead || !table.tBodies.length) return;
    table.dataset.sortReady = "1";
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      if (th.querySelector("a, button")) return; // a header that is a link stays a link
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sorteer";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = (a.cells[index] || {}).textContent || "", y = (b.cells[index] || {}).textContent || "";
          if (!x.trim() !== !y.trim()) return x.trim() ? -1 : 1; // empty cells last
          return ascending ? collator.compare(x, y) : collator.compare(y, x);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function init() {
    document.querySelectorAll("table.sorteerbaar").forEach(setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
