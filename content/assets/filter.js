// The Casussen overview (casussen/): filters kept in the address (?type=OCS&driver=2b), a count,
// a message for an empty result and the filters folded away on a phone. Each row carries its
// codes (data-type, data-driver, …). When the list spans several pages, every row is loaded from
// overzicht.json so the filters cover all cases. Without JavaScript the page is a plain table
// with page links.
(function () {
  "use strict";
  var PHONE = "(max-width: 44.9375em)";

  function rowFromJson(item, base) {
    var row = document.createElement("tr");
    Object.keys(item.f).forEach(function (key) { row.setAttribute("data-" + key, item.f[key].join(" ")); });
    item.cells.forEach(function (text, index) {
      var cell = document.createElement("td");
      if (index === 0) {
        var link = document.createElement("a");
        link.href = new URL(item.href, base).href;
        link.textContent = text;
        if (item.title) link.title = item.title;
        cell.appendChild(link);
      } else {
        cell.textContent = text;
      }
      row.appendChild(cell);
    });
    return row;
  }

  function init() {
    var form = document.getElementById("casus-filter");
    var table = document.getElementById("casus-tabel");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "1";
    var fold = document.getElementById("casus-filter-uitklap");
    var empty = document.getElementById("casus-leeg");
    var counter = document.querySelector(".casus-teller");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var tbody = table.tBodies[0];
    var rows = [];

    function collect() {
      rows = Array.prototype.slice.call(tbody.rows);
    }

    function codes(row, key) {
      var value = row.getAttribute("data-" + key);
      return value ? value.split(" ") : [];
    }

    function matches(row, except) {
      return selects.every(function (select) {
        if (select === except || !select.value) return true;
        return codes(row, select.name).indexOf(select.value) !== -1;
      });
    }

    function update(keepAddress) {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, null);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var count = rows.filter(function (row) {
            return matches(row, select) && codes(row, select.name).indexOf(option.value) !== -1;
          }).length;
          option.textContent = option.textContent.replace(/ \(\d+\)$/, "") + " (" + count + ")";
        });
      });
      counter.textContent = shown + " van " + rows.length + " casussen";
      empty.hidden = shown !== 0;
      table.hidden = shown === 0;
      if (!keepAddress) {
        var params = new URLSearchParams();
        selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
        var query = params.toString();
        window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
      }
    }

    // filters from the address
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) select.value = wanted;
    });

    form.addEventListener("change", function () { update(false); });
    form.addEventListener("reset", function () { setTimeout(function () { update(false); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    empty.querySelector("a").addEventListener("click", function (event) {
      event.preventDefault();
      form.reset();
    });
    fold.hidden = false;
    if (window.matchMedia && window.matchMedia(PHONE).matches && !window.location.search) fold.open = false;
    collect();
    update(true);

    var total = parseInt(table.getAttribute("data-totaal"), 10);
    if (total > rows.length && window.fetch) {
      var source = new URL(table.getAttribute("data-overzicht"), window.location.href);
      fetch(source).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        var fragment = document.createDocumentFragment();
        data.rows.forEach(function (item) { fragment.appendChild(rowFromJson(item, source)); });
        tbody.textContent = "";
        tbody.appendChild(fragment);
        document.querySelectorAll(".pager").forEach(function (node) { node.hidden = true; });
        collect();
        update(true);
      }).catch(function () {
        counter.textContent += " op deze pagina (de volledige lijst kon niet worden geladen)";
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
