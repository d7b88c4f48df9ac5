// "Twee casussen naast elkaar" (vergelijken/twee/): two lists to choose from, the choice kept in
// the address (?a=slug&b=slug), and the numbered blocks of both case pages side by side.
// Without JavaScript the page is a plain list of links to the cases.
(function () {
  "use strict";
  function option(select, slug, name) {
    var node = document.createElement("option");
    node.value = slug;
    node.textContent = name;
    select.appendChild(node);
  }

  function sections(doc) {
    // the blocks of a case page: each h2 (except the praatplaat) with what follows it up to the next h2
    var article = doc.querySelector("article") || doc.body;
    var result = [];
    var current = null;
    Array.prototype.forEach.call(article.children, function (node) {
      if (node.tagName === "H2") {
        current = node.id === "praatplaat" ? null : { id: node.id, title: node.textContent.replace(/¶$/, "").trim(), nodes: [] };
        if (current) result.push(current);
      } else if (current && node.tagName !== "A" && !(node.tagName === "P" && node.querySelector("a[href$='.pdf']"))) {
        current.nodes.push(node);
      }
    });
    return result;
  }

  function init() {
    var app = document.getElementById("twee-app");
    var list = document.getElementById("twee-lijst");
    if (!app || !list || app.dataset.ready) return;
    app.dataset.ready = "1";
    var links = {};
    var form = document.createElement("form");
    form.className = "twee-keuze";
    var selects = ["a", "b"].map(function (name, index) {
      var label = document.createElement("label");
      label.textContent = index === 0 ? "Eerste casus " : "Tweede casus ";
      var select = document.createElement("select");
      select.name = name;
      option(select, "", "Kies een casus");
      list.querySelectorAll("a[data-slug]").forEach(function (link) {
        links[link.dataset.slug] = link.getAttribute("href");
        option(select, link.dataset.slug, link.textContent);
      });
      label.appendChild(select);
      form.appendChild(label);
      return select;
    });
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "md-button md-button--primary";
    button.textContent = "Vergelijk";
    form.appendChild(button);
    var status = document.createElement("p");
    status.setAttribute("aria-live", "polite");
    var result = document.createElement("div");
    result.className = "twee-resultaat";
    app.appendChild(form);
    app.appendChild(status);
    app.appendChild(result);
    app.hidden = false;

    var params = new URLSearchParams(window.location.search);
    selects[0].value = links[params.get("a")] ? params.get("a") : "";
    selects[1].value = links[params.get("b")] ? params.get("b") : "";

    function load(slug) {
      return fetch(links[slug]).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (text) {
        return new DOMParser().parseFromString(text, "text/html");
      });
    }

    function show() {
      var a = selects[0].value, b = selects[1].value;
      result.textContent = "";
      if (!a || !b) {
        status.textContent = "Kies twee casussen.";
        return;
      }
      var query = "?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b);
      if (window.location.search !== query) window.history.replaceState(null, "", query);
      status.textContent = "Bezig met laden…";
      Promise.all([load(a), load(b)]).then(function (docs) {
        var left = sections(docs[0]), right = sections(docs[1]);
        var byId = {};
        right.forEach(function (section) { byId[section.id] = section; });
        var names = [selects[0].selectedOptions[0].textContent, selects[1].selectedOptions[0].textContent];
        left.forEach(function (section) {
          var other = byId[section.id];
          if (!other || section.id === "bronnen") return;
          var block = document.createElement("section");
          block.className = "twee-blok";
          var heading = document.createElement("h2");
          heading.textContent = section.title;
          block.appendChild(heading);
          var columns = document.createElement("div");
          columns.className = "twee-kolommen";
          [section, other].forEach(function (part, index) {
            var column = document.createElement("div");
            var title = document.createElement("h3");
            var link = document.createElement("a");
            link.href = links[index === 0 ? a : b] + "#" + part.id;
            link.textContent = names[index];
            title.appendChild(link);
            column.appendChild(title);
            part.nodes.forEach(function (node) { column.appendChild(document.importNode(node, true)); });
            columns.appendChild(column);
          });
          block.appendChild(columns);
          result.appendChild(block);
        });
        status.textContent = names[0] + " en " + names[1] + " naast elkaar.";
      }).catch(function () {
        status.textContent = "De casuspagina's konden niet worden geladen (in de offline versie werkt dit niet). Open ze via de lijst hieronder.";
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
    if (selects[0].value && selects[1].value) show();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
