// The interactive samenwerkingsscan: answers stay in this browser (localStorage); nothing is sent.
// The download is a YAML file that `python -m generator validate` accepts.
(function () {
  "use strict";
  var KEY = "hsvmbo-samenwerkingsscan";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }
  function yamlString(text) {
    // A double-quoted YAML scalar: escape backslash, quote and every control character.
    return '"' + String(text).replace(/[\\"]/g, "\\$&").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, " ") + '"';
  }

  function init() {
    var app = document.getElementById("scan-app");
    var dataNode = document.getElementById("scan-data");
    if (!app || !dataNode || app.dataset.ready) return;
    app.dataset.ready = "1";
    var data = JSON.parse(dataNode.textContent);
    var labels = {};
    data.antwoorden.forEach(function (a) { labels[a.code] = a.label; });
    var titles = {};
    data.items.forEach(function (item) { titles[item.code] = item.titel; });
    var state = load();
    state.antwoorden = state.antwoorden || {};
    var name = document.getElementById("scan-naam");
    var result = document.getElementById("scan-resultaat");
    var summary = document.getElementById("scan-samenvatting");

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
      fieldset.hidden = false;
    });
    name.value = state.samenwerking || "";
    name.addEventListener("input", function () { state.samenwerking = name.value; save(state); });

    function list(code) {
      var codes = Object.keys(state.antwoorden).filter(function (c) { return state.antwoorden[c] === code; }).sort();
      if (!codes.length) return "<p><em>nog geen</em></p>";
      var ul = document.createElement("ul");
      codes.forEach(function (c) {
        var li = document.createElement("li");
        li.textContent = c + " " + titles[c];
        ul.appendChild(li);
      });
      return ul.outerHTML;
    }

    function render() {
      var answered = Object.keys(state.antwoorden).length;
      summary.innerHTML = "<p>" + answered + " van " + data.items.length + " items beantwoord.</p>" +
        "<h3>Sterke punten</h3>" + list("sterk") + "<h3>Aandachtspunten</h3>" + list("zwak");
    }

    function toYaml() {
      var lines = ["# Ingevulde samenwerkingsscan; controleer met: python -m generator validate <bestand>", "samenwerkingsscan:"];
      if (state.samenwerking && state.samenwerking.trim()) lines.push("  samenwerking: " + yamlString(state.samenwerking.trim().slice(0, 200)));
      lines.push("  datum: \"" + new Date().toISOString().slice(0, 10) + "\"");
      lines.push("  antwoorden:");
      Object.keys(state.antwoorden).sort().forEach(function (code) {
        lines.push("    - code: \"" + code + "\"");
        lines.push("      antwoord: " + state.antwoorden[code]);
      });
      return lines.join("\n") + "\n";
    }

    document.getElementById("scan-download").addEventListener("click", function () {
      if (!Object.keys(state.antwoorden).length) { summary.insertAdjacentHTML("afterbegin", "<p><strong>Beantwoord eerst minstens één item.</strong></p>"); return; }
      var blob = new Blob([toYaml()], { type: "application/x-yaml" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "samenwerkingsscan.yml";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    });
    document.getElementById("scan-wissen").addEventListener("click", function () {
      state = { antwoorden: {} };
      save(state);
      name.value = "";
      document.querySelectorAll("fieldset.scan-item input").forEach(function (input) { input.checked = false; });
      render();
    });

    app.hidden = false;
    result.hidden = false;
    render();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
