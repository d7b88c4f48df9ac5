// Make your own praatplaat (praatplaten/maken/): what one types stays in this browser
// (localStorage, also offline from file://); nothing is sent. The page prints as one A3 landscape
// praatplaat, downloads a case file (YAML in the case format, valid for `generator validate`) and
// opens such a file again (parsed with the vendored js-yaml, loaded only when a file is opened).
(function () {
  "use strict";
  var KEY = "hsvmbo-praatplaat";
  var SCRIPT = document.currentScript && document.currentScript.src;
  var RESERVED = ["index", "con", "prn", "aux", "nul"];
  var ROLE_SIGNS = { stuwend: "+", remmend: "−", beide: "±" };  // explained in the legend of the plate

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;  // typed text is text, never HTML
    return node;
  }
  function trim(value) { return String(value || "").trim(); }
  function oneLine(value) { return trim(value).replace(/\s+/g, " "); }
  function lines(value) { return String(value || "").split(/\r?\n/).map(oneLine).filter(Boolean); }

  // A double-quoted YAML scalar. JSON strings are YAML double-quoted scalars; the line and paragraph
  // separators are escaped too, and other invisible format characters dropped.
  function q(text) {
    return JSON.stringify(String(text)).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")
      .replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
  }

  function slugify(name) {
    var slug = String(name || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/, "");
    if (!slug || RESERVED.indexOf(slug) >= 0 || /^(com|lpt)[0-9]$/.test(slug)) slug = "mijn-samenwerking" + (slug ? "-" + slug : "");
    return slug;
  }

  function init() {
    var form = document.getElementById("pp-form");
    var dataNode = document.getElementById("pp-data");
    if (!form || !dataNode || form.dataset.ready) return;
    form.dataset.ready = "1";
    var data = JSON.parse(dataNode.textContent);
    var plaat = document.getElementById("pp-plaat");
    var message = document.getElementById("pp-melding");
    var state = load();
    var labels = {};
    Object.keys(data.codes).forEach(function (name) {
      labels[name] = {};
      data.codes[name].forEach(function (item) { labels[name][item.code] = item.label; });
    });

    function fields() { return form.querySelectorAll("[data-veld]"); }
    function fill() {
      fields().forEach(function (field) {
        var key = field.dataset.veld;
        if (field.type === "checkbox") field.checked = (state[key] || []).indexOf(field.value) >= 0;
        else field.value = state[key] || "";
      });
    }
    function read(field) {
      var key = field.dataset.veld;
      if (field.type === "checkbox") {
        state[key] = Array.prototype.filter.call(form.querySelectorAll("input[type=checkbox][data-veld='" + key + "']"),
          function (box) { return box.checked; }).map(function (box) { return box.value; });
      } else {
        state[key] = field.value;
      }
    }
    form.addEventListener("input", function (event) {
      if (!event.target.dataset || !event.target.dataset.veld) return;
      read(event.target);
      save(state);
      draw();
    });
    form.addEventListener("change", function (event) {
      if (event.target.dataset && event.target.dataset.veld) { read(event.target); save(state); draw(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // --- the case: the form's fields as a case object, and back ---------------------------------
    function toCase() {
      var s = function (key) { return trim(state[key]); };
      var c = { naam: oneLine(state.naam), slug: slugify(state.naam), instellingen: lines(state.instellingen),
        regio: oneLine(state.regio), provincies: state.provincies || [], sector: oneLine(state.sector),
        thema: oneLine(state.thema), status: s("status"),
        type: { orientatie: s("type.orientatie"), object: s("type.object") }, samenvatting: s("samenvatting") };
      if (s("aanleiding.tekst")) c.aanleiding = { soort: s("aanleiding.soort"), tekst: s("aanleiding.tekst") };
      var doelen = { propositie: s("doelen.propositie"), kort: lines(state["doelen.kort"]),
        middellang: lines(state["doelen.middellang"]), lang: lines(state["doelen.lang"]) };
      if (doelen.propositie) c.doelen = doelen;
      c.drivers = data.codes.drivers.filter(function (d) { return s("drivers." + d.code + ".rol") && s("drivers." + d.code + ".tekst"); })
        .map(function (d) { return { code: d.code, rol: s("drivers." + d.code + ".rol"), tekst: s("drivers." + d.code + ".tekst") }; });
      if (s("particulier_en_publiek")) c.particulier_en_publiek = s("particulier_en_publiek");
      var design = {};
      ["ontwerp", "partijen", "passendheid", "governance", "evaluatie"].forEach(function (k) { if (s("design." + k)) design[k] = s("design." + k); });
      if (Object.keys(design).length) c.design = design;
      c.aandachtspunten = data.codes.aandachtspunten.filter(function (a) { return s("aandachtspunten." + a.code + ".tekst"); })
        .map(function (a) { return { code: a.code, tekst: s("aandachtspunten." + a.code + ".tekst") }; });
      var output = {};
      ["beoogd", "resultaten", "ervaren_opbrengst"].forEach(function (k) { if (s("output." + k)) output[k] = s("output." + k); });
      if (Object.keys(output).length) c.output = output;
      c.bronnen = [{ sectie: oneLine(state["bronnen.0.sectie"]), omschrijving: oneLine(state["bronnen.0.omschrijving"]) }];
      return c;
    }

    var REQUIRED = [["naam", "de naam"], ["instellingen", "de mbo-instelling"], ["regio", "de regio"], ["provincies", "een provincie"],
      ["sector", "de sector"], ["thema", "het thema"], ["status", "de status"], ["type.orientatie", "de oriëntatie"],
      ["type.object", "waarop de samenwerking gericht is"], ["samenvatting", "de samenvatting"], ["bronnen.0.sectie", "de bron"]];
    function missing() {
      return REQUIRED.filter(function (pair) {
        var value = state[pair[0]];
        return Array.isArray(value) ? !value.length : !trim(value);
      });
    }

    function toYaml(c) {
      var out = ["# yaml-language-server: $schema=../schema/case.schema.json",
        "# Gemaakt met 'Zelf een praatplaat maken' op " + new Date().toISOString().slice(0, 10) + ". Volgende stap: zie CONTRIBUTING.md.",
        "naam: " + q(c.naam), "slug: " + q(c.slug), "instellingen:"];
      c.instellingen.forEach(function (i) { out.push("  - " + q(i)); });
      out.push("regio: " + q(c.regio), "provincies:");
      c.provincies.forEach(function (p) { out.push("  - " + q(p)); });
      out.push("sector: " + q(c.sector), "thema: " + q(c.thema), "status: " + q(c.status), "type:",
        "  orientatie: " + q(c.type.orientatie), "  object: " + q(c.type.object), "samenvatting: " + q(c.samenvatting));
      if (c.aanleiding) {
        out.push("aanleiding:");
        if (c.aanleiding.soort) out.push("  soort: " + q(c.aanleiding.soort));
        out.push("  tekst: " + q(c.aanleiding.tekst));
      }
      if (c.doelen) {
        out.push("doelen:", "  propositie: " + q(c.doelen.propositie));
        ["kort", "middellang", "lang"].forEach(function (k) {
          if (!c.doelen[k].length) return;
          out.push("  " + k + ":");
          c.doelen[k].forEach(function (goal) { out.push("    - " + q(goal)); });
        });
      }
      if (c.drivers.length) {
        out.push("drivers:");
        c.drivers.forEach(function (d) { out.push("  - code: " + q(d.code), "    rol: " + q(d.rol), "    tekst: " + q(d.tekst)); });
      }
      if (c.particulier_en_publiek) out.push("particulier_en_publiek: " + q(c.particulier_en_publiek));
      if (c.design) {
        out.push("design:");
        Object.keys(c.design).forEach(function (k) { out.push("  " + k + ": " + q(c.design[k])); });
      }
      if (c.aandachtspunten.length) {
        out.push("aandachtspunten:");
        c.aandachtspunten.forEach(function (a) { out.push("  - code: " + q(a.code), "    tekst: " + q(a.tekst)); });
      }
      if (c.output) {
        out.push("output:");
        Object.keys(c.output).forEach(function (k) { out.push("  " + k + ": " + q(c.output[k])); });
      }
      out.push("bronnen:", "  - sectie: " + q(c.bronnen[0].sectie));
      if (c.bronnen[0].omschrijving) out.push("    omschrijving: " + q(c.bronnen[0].omschrijving));
      return out.join("\n") + "\n";
    }

    // A parsed case file (strings only: js-yaml's failsafe schema) back into the form's fields.
    function fromCase(c) {
      var next = {};
      var str = function (v) { return typeof v === "string" ? v : ""; };
      var list = function (v) { return Array.isArray(v) ? v.filter(function (x) { return typeof x === "string"; }) : []; };
      ["naam", "regio", "sector", "thema", "status", "samenvatting", "particulier_en_publiek"].forEach(function (k) { next[k] = str(c[k]); });
      next.instellingen = list(c.instellingen).join("\n");
      next.provincies = list(c.provincies);
      var obj = function (v) { return v && typeof v === "object" && !Array.isArray(v) ? v : {}; };
      next["type.orientatie"] = str(obj(c.type).orientatie);
      next["type.object"] = str(obj(c.type).object);
      next["aanleiding.tekst"] = str(obj(c.aanleiding).tekst);
      next["aanleiding.soort"] = str(obj(c.aanleiding).soort);
      next["doelen.propositie"] = str(obj(c.doelen).propositie);
      ["kort", "middellang", "lang"].forEach(function (k) { next["doelen." + k] = list(obj(c.doelen)[k]).join("\n"); });
      (Array.isArray(c.drivers) ? c.drivers : []).forEach(function (d) {
        d = obj(d);
        if (!str(d.code)) return;
        next["drivers." + d.code + ".rol"] = str(d.rol) || "stuwend";
        next["drivers." + d.code + ".tekst"] = str(d.tekst);
      });
      ["ontwerp", "partijen", "passendheid", "governance", "evaluatie"].forEach(function (k) { next["design." + k] = str(obj(c.design)[k]); });
      (Array.isArray(c.aandachtspunten) ? c.aandachtspunten : []).forEach(function (a) {
        a = obj(a);
        if (str(a.code)) next["aandachtspunten." + a.code + ".tekst"] = str(a.tekst);
      });
      ["beoogd", "resultaten", "ervaren_opbrengst"].forEach(function (k) { next["output." + k] = str(obj(c.output)[k]); });
      var bron = obj(Array.isArray(c.bronnen) ? c.bronnen[0] : null);
      next["bronnen.0.sectie"] = str(bron.sectie);
      next["bronnen.0.omschrijving"] = str(bron.omschrijving);
      return next;
    }

    // --- the praatplaat: a 3 × 2 grid of the six blocks, drawn from the state -------------------
    function rows(code, c) {
      var r = [];
      var add = function (label, text) { if (text) r.push([label, text]); };
      if (code === "aanleiding" && c.aanleiding) add(c.aanleiding.soort ? labels.aanleiding_soorten[c.aanleiding.soort] : "", c.aanleiding.tekst);
      if (code === "doelen" && c.doelen) {
        add("", c.doelen.propositie);
        [["kort", "Kort"], ["middellang", "Middellang"], ["lang", "Lang"]].forEach(function (k) {
          c.doelen[k[0]].forEach(function (goal) { add(k[1], goal); });
        });
      }
      if (code === "drivers") {
        c.drivers.forEach(function (d) { add(d.code + " " + labels.drivers[d.code] + " (" + (ROLE_SIGNS[d.rol] || d.rol) + ")", d.tekst); });
        add("Eigen en publiek doel", c.particulier_en_publiek);
      }
      if (code === "design" && c.design) {
        [["ontwerp", "Vorm"], ["partijen", "Partijen"], ["passendheid", "Passend"], ["governance", "Governance"], ["evaluatie", "Evaluatie"]]
          .forEach(function (k) { add(k[1], c.design[k[0]]); });
      }
      if (code === "randvoorwaarden") c.aandachtspunten.forEach(function (a) { add(labels.aandachtspunten[a.code], a.tekst); });
      if (code === "output" && c.output) {
        [["beoogd", "Beoogd"], ["resultaten", "Bereikt"], ["ervaren_opbrengst", "Ervaren"]].forEach(function (k) { add(k[1], c.output[k[0]]); });
      }
      return r;
    }

    function draw() {
      var c = toCase();
      plaat.textContent = "";
      var head = el("header", "pp-kop");
      head.appendChild(el("p", "pp-titel", "Praatplaat: " + (c.naam || "naam van de samenwerking")));
      var sub = [c.instellingen.join(", "), c.regio, c.provincies.map(function (p) { return labels.provincies[p]; }).join(", "), c.sector,
        labels.status[c.status], [labels.orientaties[c.type.orientatie], labels.objecten[c.type.object]].filter(Boolean).join(" · ")]
        .filter(Boolean).join(" | ");
      head.appendChild(el("p", "pp-sub", sub));
      if (c.thema) head.appendChild(el("p", "pp-thema", c.thema));
      if (c.samenvatting) head.appendChild(el("p", "pp-samenvatting", c.samenvatting));
      plaat.appendChild(head);
      var grid = el("div", "pp-raster");
      data.blokken.forEach(function (blok, index) {
        var box = el("section", "pp-vak pp-kleur-" + blok.code + " pp-vak-" + (index + 1));
        box.appendChild(el("h2", "pp-vak-kop", (index + 1) + ". " + blok.titel));
        var body = el("div", "pp-vak-lijf");
        var questions = el("ul", "pp-vak-vragen");
        blok.vragen.forEach(function (v) { questions.appendChild(el("li", null, v)); });
        body.appendChild(questions);
        var found = rows(blok.code, c);
        if (!found.length) body.appendChild(el("p", "pp-leeg", "Nog niets ingevuld."));
        found.forEach(function (row) {
          var p = el("p", "pp-rij");
          if (row[0]) { p.appendChild(el("strong", null, row[0] + ": ")); }
          p.appendChild(document.createTextNode(row[1]));
          body.appendChild(p);
        });
        box.appendChild(body);
        if (index < data.blokken.length - 1) {
          var arrow = el("span", "pp-pijl", index === 2 ? "↓" : "→");
          arrow.setAttribute("aria-hidden", "true");  // the numbers give the reading order
          box.appendChild(arrow);
        }
        grid.appendChild(box);
      });
      plaat.appendChild(grid);
      var foot = el("footer", "pp-voet");
      var legend = el("p", "pp-legenda");
      legend.appendChild(document.createTextNode("Lees van 1 naar 6: "));
      data.blokken.forEach(function (blok, index) {
        var key = el("span", "pp-sleutel pp-kleur-" + blok.code);
        key.appendChild(el("span", "pp-stip"));
        key.appendChild(document.createTextNode((index + 1) + " " + blok.titel));
        legend.appendChild(key);
      });
      legend.appendChild(el("span", "pp-sleutel", "Drivers: " + data.codes.driver_rollen.map(function (r) {
        return (ROLE_SIGNS[r.code] || r.code) + " " + r.label.toLowerCase();
      }).join(", ")));
      foot.appendChild(legend);
      var bron = c.bronnen[0].sectie ? "Bron: " + c.bronnen[0].sectie + (c.bronnen[0].omschrijving ? " (" + c.bronnen[0].omschrijving + ")" : "") + ". " : "";
      foot.appendChild(el("p", "pp-voetregel", bron + "Redeneerlijn naar het eindrapport Verduurzaming van publieke waarde door samenwerking in het mbo (VU, HAN, SEO; NRO 2022), §3.2. Gemaakt op " +
        new Date().toLocaleDateString("nl-NL") + " met Horizontale samenwerking in het mbo."));
      plaat.appendChild(foot);
    }

    // Print: the plate is one A3 page (400 × 276 mm inside the margins). A plate with more text than
    // that is zoomed out until it fits, and the page says so (the message stays after printing).
    var MM = 96 / 25.4, PAGE_MM = [400, 276];  // A3 landscape inside the 10 mm margin
    function fit() {
      plaat.style.zoom = "";
      plaat.style.width = "";
      plaat.style.minHeight = "";
      delete plaat.dataset.schaal;
      if (!window.matchMedia("print").matches) return;
      var limit = PAGE_MM[1] * MM + 1;
      function fits(zoom) {  // zoomed out, the plate is also wider in its own pixels, so text wraps less
        plaat.style.zoom = String(zoom);
        plaat.style.width = (PAGE_MM[0] / zoom) + "mm";
        return plaat.offsetHeight * zoom <= limit;  // offsetHeight is in the plate's own (unzoomed) pixels
      }
      plaat.style.minHeight = "0";  // measure the content, not the page-filling minimum
      var zoom = 1;
      if (!fits(1)) {  // the largest zoom that fits, by bisection
        var low = 0.3, high = 1;
        for (var round = 0; round < 10; round++) {
          var mid = (low + high) / 2;
          if (fits(mid)) low = mid; else high = mid;
        }
        zoom = low;
        fits(zoom);
      } else {
        plaat.style.zoom = "";
        plaat.style.width = "";
      }
      plaat.style.minHeight = zoom < 1 ? (PAGE_MM[1] * 0.995 / zoom) + "mm" : "";
      plaat.dataset.schaal = zoom.toFixed(3);
      if (zoom < 0.995) say("Er staat meer tekst op de praatplaat dan op één A3 past; hij is verkleind tot " + Math.round(zoom * 100) +
        "% afgedrukt. Kort de langste blokken in voor de volle lettergrootte.");
    }
    window.matchMedia("print").addEventListener("change", fit);
    window.addEventListener("beforeprint", fit);
    window.addEventListener("afterprint", fit);

    function say(text) { message.textContent = text; }

    document.getElementById("pp-print").addEventListener("click", function () { window.print(); });
    document.getElementById("pp-download").addEventListener("click", function () {
      var gaps = missing();
      if (gaps.length) {
        say("Nog nodig voor een geldig casusbestand: " + gaps.map(function (pair) { return pair[1]; }).join(", ") + ".");
        var first = form.querySelector("[data-veld='" + gaps[0][0] + "']");
        if (first) first.focus();
        return;
      }
      var c = toCase();
      var blob = new Blob([toYaml(c)], { type: "application/x-yaml" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = c.slug + ".yml";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
      say("Gedownload als " + c.slug + ".yml. Hoe je het toevoegt aan de site, staat in CONTRIBUTING.md.");
    });

    function withYaml(then) {
      if (window.jsyaml) return then(window.jsyaml);
      var tag = document.createElement("script");
      tag.src = SCRIPT.replace(/maken\.js(\?.*)?$/, "vendor/js-yaml/js-yaml.min.js");
      tag.onload = function () { then(window.jsyaml); };
      tag.onerror = function () { say("Het bestand kon niet worden gelezen: de YAML-lezer ontbreekt."); };
      document.head.appendChild(tag);
    }
    var opener = document.getElementById("pp-open");
    opener.addEventListener("change", function () {
      var file = opener.files && opener.files[0];
      if (!file) return;
      if (file.size > 512 * 1024) { say("Dit bestand is te groot voor een casusbestand."); return; }
      var reader = new FileReader();
      reader.onload = function () {
        withYaml(function (yaml) {
          var parsed;
          try { parsed = yaml.load(String(reader.result), { schema: yaml.FAILSAFE_SCHEMA }); } catch (e) {
            say("Dit bestand is geen leesbaar casusbestand: " + String(e.message || e).split("\n")[0]);
            return;
          }
          if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) { say("Dit bestand is geen casusbestand."); return; }
          state = fromCase(parsed);
          save(state);
          fill();
          draw();
          say("Geopend: " + file.name + ".");
          opener.value = "";
        });
      };
      reader.readAsText(file, "utf-8");
    });
    document.getElementById("pp-wissen").addEventListener("click", function () {
      if (!window.confirm("Alles wat je hebt ingevuld wissen?")) return;
      state = {};
      save(state);
      fill();
      draw();
      say("Alles is gewist.");
    });

    // the printed praatplaat is one A3 landscape page; @page cannot be scoped to one page of the
    // site in CSS (named pages do not set the first page's size in chromium), so it is added here
    var pageRule = document.createElement("style");
    pageRule.textContent = "@page { size: A3 landscape; margin: 10mm; }";  // MARGIN in style.py
    document.head.appendChild(pageRule);

    fill();
    form.hidden = false;
    plaat.hidden = false;
    draw();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
