// Filters the Casussen overview in the browser. Without JavaScript the page is a plain table.
// Data: <script type="application/json" id="casus-data"> with, per slug, the codes per facet.
(function () {
  "use strict";
  function init() {
    var form = document.getElementById("casus-filter");
    var dataNode = document.getElementById("casus-data");
    if (!form || !dataNode || form.dataset.ready) return;
    form.dataset.ready = "1";
    var data = JSON.parse(dataNode.textContent);
    var table = form.parentNode.querySelector("table");
    var rows = [];
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var link = row.querySelector("a[href]");
      var match = link && link.getAttribute("href").match(/([a-z0-9-]+)(?:\/|\.html)?$/);
      if (match && data[match[1]]) rows.push({ row: row, facets: data[match[1]] });
    });
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var counter = form.querySelector(".casus-teller");

    function matches(facets, except) {
      return selects.every(function (select) {
        if (select === except || !select.value) return true;
        return (facets[select.name] || []).indexOf(select.value) !== -1;
      });
    }

    function update() {
      var shown = 0;
      rows.forEach(function (item) {
        var visible = matches(item.facets, null);
        item.row.hidden = !visible;
        if (visible) shown += 1;
      });
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var count = rows.filter(function (item) {
            return matches(item.facets, select) && (item.facets[select.name] || []).indexOf(option.value) !== -1;
          }).length;
          option.textContent = option.textContent.replace(/ \(\d+\)$/, "") + " (" + count + ")";
        });
      });
      counter.textContent = shown + " van " + rows.length + " casussen";
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
