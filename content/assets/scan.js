// The samenwerkingsscan for a team meeting: answers and notes stay in this browser (localStorage);
// nothing is sent. Every label comes from content/samenwerkingsscan.yml (via the page's JSON), so
// screen, print, CSV and YAML say the same. Downloads: CSV (one row per item, for a spreadsheet) and
// YAML (the case format's `scan` field, see CONTRIBUTING.md).
(function () {
  "use strict";
  var KEY = "hsvmbo-samenwerkingsscan";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }
  // A double-quoted YAML scalar (a JSON string is one), line separators escaped, format characters dropped.
  function q(text) {
    return JSON.stringify(String(text)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")
      .replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
  }
  // One CSV field: quoted; a leading = + - @ would make a spreadsheet run it as a formula, so it is
  // prefixed with an apostrophe.
  function csvField(text) {
    text = String(text === undefined || text === null ? "" : text);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function init() {
    var app = document.getElementById("scan-app");
    var dataNode = document.getElementById("scan-data");
    if (!app || !dataNode || app.dataset.ready) return;
    app.dataset.ready = "1";
    var data = JSON.parse(dataNode.textContent);
    var items = {};
    data.items.forEach(function (item) { items[item.code] = item; });
    var categories = {};
    data.categorieen.forEach(function (c) { categories[c.code] = c.titel; });
    function label(code, answer) {
      var found = (data.soorten[items[code].soort] || []).filter(function (a) { return a.code === answer; })[0];
      return found ? found.label : "";
    }
    var state = load();
    state.antwoorden = state.antwoorden || {};
    state.notities = state.notities || {};
    // answers of an older version of the page that no longer fit their item are dropped
    Object.keys(state.antwoorden).forEach(function (code) { if (!items[code] || !label(code, state.antwoorden[code])) delete state.antwoorden[code]; });
    var name = document.getElementById("scan-naam");
    var result = document.getElementById("scan-resultaat");
    var summary = document.getElementById("scan-samenvatting");
    var message = document.getElementById("scan-melding");
    var printHead = document.getElementById("scan-print-kop");

    document.querySelectorAll("fieldset.scan-item").forEach(function (fieldset) {
      var code = fieldset.dataset.code;
      fieldset.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.checked = state.antwoorden[code] === input.value;
        input.addEventListener("change", function () {
          state.antwoorden[code] = input.value;
          save(state);
          render();
        });
      });
      var note = fieldset.querySelector("textarea");
      note.value = state.notities[code] || "";
      note.addEventListener("input", function () {
        if (note.value.trim()) state.notities[code] = note.value; else delete state.notities[code];
        save(state);
        render();
      });
      fieldset.hidden = false;
    });
    name.value = state.samenwerking || "";
    name.addEventListener("input", function () { state.samenwerking = name.value; save(state); render(); });

    function today() { return new Date().toISOString().slice(0, 10); }

    function render() {
      // what print shows under each question: the chosen answer and the note
      document.querySelectorAll(".scan-gekozen").forEach(function (node) {
        var code = node.dataset.code;
        node.textContent = "";
        var answer = state.antwoorden[code], note = (state.notities[code] || "").trim();
        if (answer || note) {
          node.setAttribute("data-gevuld", "");
          node.appendChild(el("strong", "Antwoord: "));
          node.appendChild(document.createTextNode(answer ? label(code, answer) : "nog niet gekozen"));
          if (note) { node.appendChild(el("br")); node.appendChild(el("strong", "Notitie: ")); node.appendChild(document.createTextNode(note)); }
        } else {
          node.removeAttribute("data-gevuld");
        }
      });
      printHead.textContent = "Samenwerking: " + (name.value.trim() || "…") + " · ingevuld op " + new Date().toLocaleDateString("nl-NL");
      summary.textContent = "";
      var answered = Object.keys(state.antwoorden).length;
      summary.appendChild(el("p", answered + " van " + data.items.length + " items beantwoord."));
      var groups = [["stuwend", "Drivers die stuwen"], ["remmend", "Drivers die remmen"], ["sterk", "Sterke punten"], ["aandachtspunt", "Aandachtspunten"]];
      groups.forEach(function (group) {
        summary.appendChild(el("h3", group[1]));
        var codes = data.items.map(function (item) { return item.code; }).filter(function (c) { return state.antwoorden[c] === group[0]; });
        if (!codes.length) { summary.appendChild(el("p", "nog geen")); return; }
        var ul = el("ul");
        codes.forEach(function (c) {
          var note = (state.notities[c] || "").trim();
          ul.appendChild(el("li", c + " " + items[c].titel + (note ? ": " + note : "")));
        });
        summary.appendChild(ul);
      });
    }

    function rows() {
      return data.items.map(function (item) {
        return { item: item, antwoord: state.antwoorden[item.code] || "", notitie: (state.notities[item.code] || "").trim() };
      });
    }
    function toCsv() {
      var head = ["Code", "Categorie van de scan", "Blok van de redeneerlijn", "Item", "Antwoord", "Notitie", "Samenwerking", "Datum"];
      var lines = [head.map(csvField).join(";")];
      rows().forEach(function (row) {
        lines.push([row.item.code, row.item.categorie + ". " + categories[row.item.categorie], row.item.blok, row.item.titel,
          row.antwoord ? label(row.item.code, row.antwoord) : "", row.notitie, (name.value || "").trim(), today()].map(csvField).join(";"));
      });
      return "\ufeff" + lines.join("\r\n") + "\r\n";  // BOM: Excel then reads UTF-8
    }
    function toYaml() {
      var title = (name.value || "").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").trim().slice(0, 200);
      var lines = ["# Samenwerkingsscan" + (title ? " van " + title : "") + ", ingevuld op " + today() + ".",
        "# Dit is het veld 'scan' van een casusbestand; CONTRIBUTING.md legt uit hoe je het bij een casus zet.", "scan:"];
      rows().forEach(function (row) {
        if (!row.antwoord) return;
        lines.push("  - code: " + q(row.item.code), "    antwoord: " + q(row.antwoord));
        if (row.notitie) lines.push("    tekst: " + q(row.notitie.slice(0, 2000)));
      });
      return lines.join("\n") + "\n";
    }
    function fileName(ext) {
      var slug = (name.value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
      return "samenwerkingsscan" + (slug ? "-" + slug : "") + "-" + today() + "." + ext;
    }

    document.getElementById("scan-print").addEventListener("click", function () { window.print(); });
    document.getElementById("scan-download-csv").addEventListener("click", function () {
      download(fileName("csv"), "text/csv;charset=utf-8", toCsv());
      message.textContent = "Het CSV-bestand is gedownload.";
    });
    document.getElementById("scan-download").addEventListener("click", function () {
      if (!Object.keys(state.antwoorden).length) { message.textContent = "Kies eerst bij minstens één item een antwoord."; return; }
      download(fileName("yml"), "application/x-yaml", toYaml());
      message.textContent = "Het YAML-bestand is gedownload.";
    });
    document.getElementById("scan-wissen").addEventListener("click", function () {
      if (!window.confirm("Alle antwoorden en notities wissen?")) return;
      state = { antwoorden: {}, notities: {} };
      save(state);
      name.value = "";
      document.querySelectorAll("fieldset.scan-item input").forEach(function (input) { input.checked = false; });
      document.querySelectorAll("fieldset.scan-item textarea").forEach(function (area) { area.value = ""; });
      message.textContent = "Alle antwoorden zijn gewist.";
      render();
    });

    app.hidden = false;
    result.hidden = false;
    render();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
