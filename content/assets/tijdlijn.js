// tijdlijn/maken/: a team draws the timeline of its collaboration. Everything stays in this browser
// (localStorage); nothing is sent. The drawing is the one generator/timeline.py makes for the case
// pages, with the colours it hands over in #tijdlijn-data. SVG and lists are built with DOM
// methods and textContent only: typed text never becomes markup. Downloads are YAML with the
// case format's `tijdlijn`, `fase` and `fasen` fields (js-yaml, vendored in assets/vendor/).
(function () {
  "use strict";
  var KEY = "hsvmbo-tijdlijn";
  var SVG = "http://www.w3.org/2000/svg";
  var DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;
  var CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  var NARROW = "fijlrtI.,:;'!|()[]/ ", WIDE = "mwMW@%";
  var MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
  var data, style, labels = {}, state;

  // --- text and dates (as generator/timeline.py) ----------------------------------------------
  function clean(text, max) { return String(text == null ? "" : text).replace(CONTROL, " ").replace(/\s+/g, " ").trim().slice(0, max || 200); }
  function textWidth(text, size) {
    var units = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      units += NARROW.indexOf(ch) >= 0 ? 0.36 : WIDE.indexOf(ch) >= 0 ? 0.92 : (ch !== ch.toLowerCase() ? 0.72 : 0.6);
    }
    return units * size;
  }
  function fit(line, width, size, force) {
    if (textWidth(line, size) <= width && !force) return line;
    while (line && textWidth(line + "…", size) > width) line = line.slice(0, -1);
    return line.replace(/[ …]+$/, "") + "…";
  }
  function wrap(text, width, size, lines) {
    var words = clean(text, 2000).split(" "), result = [], current = "";
    words.forEach(function (word) {
      var candidate = (current + " " + word).trim();
      if (textWidth(candidate, size) <= width || !current) current = candidate;
      else { result.push(current); current = word; }
    });
    result.push(current);
    result = result.map(function (line) { return fit(line, width, size); });
    if (lines && result.length > lines) { result = result.slice(0, lines); result[lines - 1] = fit(result[lines - 1] + " …", width, size, true); }
    return result;
  }
  function parts(datum) { var m = DATE.exec(datum); return [+m[1], m[2] ? +m[2] : 0, m[3] ? +m[3] : 0]; }
  function when(datum) {
    var p = parts(datum), months = style.months;
    if (!p[1]) return String(p[0]);
    return p[2] ? p[2] + " " + months[p[1] - 1] + " " + p[0] : months[p[1] - 1] + " " + p[0];
  }
  function startOf(datum) { var p = parts(datum); return p[0] + ((p[1] || 1) - 1) / 12 + ((p[2] || 1) - 1) / 365; }
  function endOf(datum) { var p = parts(datum); return !p[1] ? p[0] + 1 : !p[2] ? p[0] + p[1] / 12 : startOf(datum) + 1 / 365; }
  function period(phase) { return when(phase.van) + " – " + (phase.tot ? when(phase.tot) : "nu"); }
  function validDate(datum) {
    var m = DATE.exec(datum || "");
    if (!m) return false;
    var y = +m[1], mo = m[2] ? +m[2] : 1, d = m[3] ? +m[3] : 1;
    var date = new Date(Date.UTC(y, mo - 1, d));
    return y >= 1900 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }
  function byDate(a, b) { return a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0; }

  // --- state ------------------------------------------------------------------------------------
  function empty() { return { naam: "", gebeurtenissen: [], fasen: [] }; }
  function sane(raw) {
    // Whatever is stored or opened: keep only what the case format allows, cleaned.
    var result = empty(), kinds = labels.soorten, phases = labels.fasen, drivers = labels.drivers;
    if (!raw || typeof raw !== "object") return result;
    result.naam = clean(raw.naam);
    (Array.isArray(raw.gebeurtenissen) ? raw.gebeurtenissen : []).slice(0, 40).forEach(function (e) {
      if (e && validDate(String(e.datum)) && kinds[e.soort] && clean(e.tekst)) result.gebeurtenissen.push({ datum: String(e.datum), soort: e.soort, tekst: clean(e.tekst) });
    });
    (Array.isArray(raw.fasen) ? raw.fasen : []).slice(0, 12).forEach(function (f) {
      if (!f || !phases[f.code] || !validDate(String(f.van)) || (f.tot != null && f.tot !== "" && !validDate(String(f.tot)))) return;
      var roles = {};
      Object.keys(f.drivers || {}).forEach(function (code) {
        if (drivers[code] && ["stuwend", "remmend", "beide"].indexOf(f.drivers[code]) >= 0) roles[code] = f.drivers[code];
      });
      result.fasen.push({ code: f.code, van: String(f.van), tot: f.tot ? String(f.tot) : "", toelichting: clean(f.toelichting, 300), drivers: roles });
    });
    result.gebeurtenissen.sort(byDate);
    result.fasen.sort(function (a, b) { return a.van < b.van ? -1 : a.van > b.van ? 1 : 0; });
    return result;
  }
  function load() { try { return sane(JSON.parse(localStorage.getItem(KEY))); } catch (e) { return empty(); } }
  function save() { try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ } }

  // --- SVG helpers --------------------------------------------------------------------------------
  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text != null) node.textContent = text;
    return node;
  }
  function add(parent, name, attrs, text) { var node = el(name, attrs, text); parent.appendChild(node); return node; }
  function r1(x) { return Math.round(x * 10) / 10; }

  function axisOf(first, last, left, right) {
    return {
      first: first, last: last, left: left, right: right,
      x: function (year) { return r1(left + (year - first) / (last - first) * (right - left)); },
      ticks: function () {
        var span = last - first, step = span <= 14 ? 1 : span <= 28 ? 2 : 5, out = [];
        for (var y = first; y <= last; y++) out.push([y, (y - first) % step === 0]);
        return out;
      }
    };
  }
  function span() {
    var years = [], ends = [];
    state.gebeurtenissen.forEach(function (e) { years.push(parts(e.datum)[0]); ends.push(endOf(e.datum)); });
    state.fasen.forEach(function (f) { years.push(parts(f.van)[0]); ends.push(endOf(f.tot || f.van)); });
    if (!years.length) return null;
    var first = Math.min.apply(null, years), last = Math.ceil(Math.max.apply(null, ends));
    return [first, Math.max(last, first + 1)];
  }
  function drivers(phase, role) {
    return Object.keys(phase.drivers).sort().filter(function (c) { return phase.drivers[c] === role || phase.drivers[c] === "beide"; });
  }

  // The timeline as generator/timeline.py draws a case (case_svg).
  function drawTimeline(summary) {
    var range = span(), W = style.width, ink = style.ink, muted = style.muted, grid = style.grid;
    var svg = el("svg", { xmlns: SVG, viewBox: "0 0 " + W + " 120", role: "img", "font-family": style.font, "font-size": "12", fill: ink, "class": "tijdlijn-svg" });
    svg.setAttribute("aria-label", summary);
    if (!range) return svg;
    var axis = axisOf(range[0], range[1], 24, W - 24);
    var bandTop = 8, bandH = state.fasen.length ? 38 : 0, axisY = bandTop + bandH + 30;
    state.fasen.forEach(function (phase) {
      var colours = style.phase_colours[phase.code] || [muted, "#eeeeee"];
      var x0 = axis.x(startOf(phase.van)), x1 = axis.x(phase.tot ? endOf(phase.tot) : range[1]), width = Math.max(x1 - x0, 2);
      var rect = add(svg, "rect", { x: x0, y: bandTop, width: r1(width), height: bandH, rx: 3, fill: colours[1], stroke: colours[0], "stroke-width": 1.5 });
      if (!phase.tot) rect.setAttribute("stroke-dasharray", "6 3");
      if (width < 24) return;
      add(svg, "text", { x: x0 + 5, y: bandTop + 15, "font-weight": "bold" }, fit(labels.fasen[phase.code], width - 10, 12));
      var codes = drivers(phase, "stuwend").map(function (c) { return "+" + c; }).concat(drivers(phase, "remmend").map(function (c) { return "−" + c; }));
      add(svg, "text", { x: x0 + 5, y: bandTop + 31, "font-size": 11, fill: muted }, fit(period(phase) + (codes.length ? " · " + codes.join(" ") : ""), width - 10, 11));
    });
    add(svg, "line", { x1: axis.left, y1: axisY, x2: axis.right, y2: axisY, stroke: ink, "stroke-width": 2 });
    axis.ticks().forEach(function (tick) {
      var x = axis.x(tick[0]);
      add(svg, "line", { x1: x, y1: bandTop, x2: x, y2: axisY + 5, stroke: grid, "stroke-width": 1 });
      if (tick[1] && tick[0] < range[1]) add(svg, "text", { x: axis.x(tick[0] + 0.5), y: axisY - 13, "text-anchor": "middle", fill: muted }, String(tick[0]));
    });
    var xs = [], lanes = [], bottom = axisY + 20, LABEL_W = 180, LINE_H = 15;
    state.gebeurtenissen.forEach(function (e) {
      var x = axis.x(startOf(e.datum));
      xs.push(xs.length ? Math.max(x, xs[xs.length - 1] + 22) : x);
    });
    var overshoot = xs.length ? Math.max(0, xs[xs.length - 1] - axis.right) : 0;
    xs = xs.map(function (x) { return x - overshoot; });
    var stems = el("g"), cards = el("g"), markers = el("g");
    state.gebeurtenissen.forEach(function (e, i) {
      var x = xs[i], head = (i + 1) + ". " + when(e.datum), kind = fit(labels.soorten[e.soort], LABEL_W - 14, 11);
      var lines = wrap(e.tekst, LABEL_W - 14, 11.5, 3);
      var width = Math.min(LABEL_W, Math.max.apply(null, [textWidth(head, 12.5), textWidth(kind, 11)].concat(lines.map(function (l) { return textWidth(l, 11.5); }))) + 14);
      var left = Math.min(Math.max(x - 14, axis.left - 16), axis.right + 16 - width);
      var lane = 0;
      while (lane < lanes.length && lanes[lane] + 10 > left) lane++;
      lanes[lane] = left + width;
      var top = axisY + 24 + lane * (LINE_H * 5 + 16), height = LINE_H * (lines.length + 2) + 8;
      bottom = Math.max(bottom, top + height);
      add(stems, "line", { x1: x, y1: axisY, x2: x, y2: top, stroke: muted, "stroke-width": 1 });
      add(cards, "rect", { x: r1(left), y: top, width: r1(width), height: height, rx: 4, fill: "#ffffff", stroke: grid });
      add(cards, "text", { x: r1(left + 7), y: top + 15, "font-size": 11.5, "font-weight": "bold" }, head);
      add(cards, "text", { x: r1(left + 7), y: top + 15 + LINE_H, "font-size": 11, fill: muted }, kind);
      lines.forEach(function (line, n) { add(cards, "text", { x: r1(left + 7), y: top + 15 + LINE_H * (n + 2), "font-size": 11.5 }, line); });
      var colour = style.kind_colours[e.soort] || ink;
      add(markers, "circle", { cx: x, cy: axisY, r: 10, fill: colour, stroke: colour, "stroke-width": 2 });
      add(markers, "text", { x: x, y: axisY + 4, "text-anchor": "middle", "font-size": 11, "font-weight": "bold", fill: (colour === "#E69F00" || colour === "#56B4E9") ? "#000000" : "#ffffff" }, String(i + 1));
    });
    svg.appendChild(stems); svg.appendChild(cards); svg.appendChild(markers);
    svg.setAttribute("viewBox", "0 0 " + W + " " + (bottom + 10));
    return svg;
  }

  function summary() {
    var range = span();
    return "Tijdlijn van " + (state.naam || "jullie samenwerking") + ": " + state.gebeurtenissen.length + " gebeurtenis(sen) en " +
      state.fasen.length + " fase(n)" + (range ? ", " + range[0] + "–" + (range[1] - 1) : "") + ". De lijsten op de pagina geven alles in tekst.";
  }

  // --- the printed sheet: one SVG in the proportions of A-paper (√2), so it is always one page ----
  var SHEET_W = 1680, SHEET_H = 1188;
  function sheet(blank) {
    var svg = el("svg", { xmlns: SVG, "class": "tijdlijn-blad-svg", "font-family": style.font, "font-size": "18", fill: style.ink, preserveAspectRatio: "xMidYMin meet" });
    var title = blank ? "Tijdlijn van ________________________________" : "Tijdlijn: " + (state.naam || "onze samenwerking");
    // header band as on the praatplaten: the title in bold ink on the left, what the sheet is on the right
    add(svg, "text", { x: 24, y: 38, "font-size": 29, "font-weight": "bold" }, fit(title, SHEET_W - 420, 29));
    add(svg, "text", { x: SHEET_W - 24, y: 36, "text-anchor": "end", "font-size": 16, fill: style.muted }, "Tijdlijnsystematiek (§5.6.2, §6.2, §7.1)");
    add(svg, "line", { x1: 24, y1: 54, x2: SHEET_W - 24, y2: 54, stroke: style.ink, "stroke-width": 1.5 });
    var y = 70;
    if (blank) y = blankTimeline(svg, y);
    else {
      var drawing = drawTimeline(summary()), box = drawing.getAttribute("viewBox").split(" ").map(Number);
      var scale = Math.min((SHEET_W - 40) / box[2], 520 / box[3], 1.9);
      var nested = add(svg, "svg", { x: 20, y: y, width: r1(box[2] * scale), height: r1(box[3] * scale), viewBox: box.join(" ") });
      while (drawing.firstChild) nested.appendChild(drawing.firstChild);
      y += box[3] * scale + 16;
    }
    var columnY = y, left = 24, mid = SHEET_W / 2 + 10, colW = SHEET_W / 2 - 44;
    var yLeft = driverTable(svg, left, columnY, colW, blank);
    var yRight = blank ? blankEvents(svg, mid, columnY, colW) : eventList(svg, mid, columnY, colW);
    y = Math.max(yLeft, yRight) + 18;
    y = legend(svg, y);
    // footer band as on the praatplaten: title and source, then the page's address and the day
    var height = Math.max(SHEET_H, y + 60), today = new Date();
    add(svg, "line", { x1: 24, y1: height - 50, x2: SHEET_W - 24, y2: height - 50, stroke: style.grid });
    add(svg, "text", { x: 24, y: height - 30, "font-size": 13.5, fill: style.muted },
      fit(title + "   ·   Bron: Eindrapport Verduurzaming van publieke waarde door samenwerking in het mbo (VU, HAN, SEO; NRO 2022), tijdlijnsystematiek §6.2", SHEET_W - 48, 13.5));
    add(svg, "text", { x: 24, y: height - 11, "font-size": 13.5, fill: style.muted },
      "Horizontale samenwerking in het mbo · tijdlijn/maken/   ·   gemaakt op " + today.getDate() + " " + MONTH_NAMES[today.getMonth()] + " " + today.getFullYear());
    svg.setAttribute("viewBox", "0 0 " + SHEET_W + " " + height);
    return svg;
  }
  function heading(svg, x, y, text) { add(svg, "text", { x: x, y: y, "font-size": 21, "font-weight": "bold" }, text); return y + 10; }

  function blankTimeline(svg, y) {
    var left = 40, right = SHEET_W - 40, axisY = y + 150;
    add(svg, "text", { x: left, y: y + 18, "font-size": 16, fill: style.muted }, "Fasen: teken een balk per fase en schrijf de naam erin (verkennend, uitbouwend, herbezinning, afrondend).");
    add(svg, "rect", { x: left, y: y + 30, width: right - left, height: 70, rx: 4, fill: "none", stroke: style.grid, "stroke-dasharray": "8 5" });
    add(svg, "line", { x1: left, y1: axisY, x2: right, y2: axisY, stroke: style.ink, "stroke-width": 3 });
    add(svg, "path", { d: "M" + right + " " + (axisY - 9) + " L" + (right + 16) + " " + axisY + " L" + right + " " + (axisY + 9) + " Z", fill: style.ink });
    for (var i = 0; i <= 10; i++) {
      var x = left + i * (right - left) / 10;
      add(svg, "line", { x1: x, y1: axisY - 12, x2: x, y2: axisY + 12, stroke: style.ink, "stroke-width": 2 });
      if (i < 10) add(svg, "rect", { x: x + (right - left) / 20 - 34, y: axisY + 18, width: 68, height: 28, rx: 3, fill: "none", stroke: style.grid });
    }
    add(svg, "text", { x: left, y: axisY + 68, "font-size": 16, fill: style.muted }, "Schrijf de jaren in de vakjes. Zet elke gebeurtenis als genummerd bolletje op de lijn en beschrijf haar rechtsonder.");
    add(svg, "rect", { x: left, y: axisY + 80, width: right - left, height: 170, rx: 4, fill: "none", stroke: style.grid, "stroke-dasharray": "8 5" });
    return axisY + 270;
  }

  function driverTable(svg, x, y, width, blank) {
    y = heading(svg, x, y + 20, "Drivers per fase (+ stuwend, − remmend)");
    var phases = blank ? [null, null, null, null] : state.fasen;
    if (!phases.length) { add(svg, "text", { x: x, y: y + 22, fill: style.muted }, "Nog geen fasen gemarkeerd."); return y + 34; }
    var nameW = 430, colW = Math.min(160, (width - nameW) / phases.length), rowH = 29;
    phases.forEach(function (phase, i) {
      var cx = x + nameW + i * colW, colour = phase ? (style.phase_colours[phase.code] || [style.muted, "#eee"]) : [style.grid, "#ffffff"];
      add(svg, "rect", { x: cx + 2, y: y + 4, width: colW - 4, height: 44, rx: 3, fill: colour[1], stroke: colour[0] });
      if (phase) {
        add(svg, "text", { x: cx + 8, y: y + 22, "font-size": 15, "font-weight": "bold" }, fit(labels.fasen[phase.code], colW - 14, 15));
        add(svg, "text", { x: cx + 8, y: y + 41, "font-size": 13, fill: style.muted }, fit(period(phase), colW - 14, 13));
      } else add(svg, "text", { x: cx + 8, y: y + 22, "font-size": 15, fill: style.muted }, "Fase " + (i + 1));
    });
    y += 52;
    data.drivers.forEach(function (driver, n) {
      var rowY = y + n * rowH;
      if (n % 2 === 0) add(svg, "rect", { x: x, y: rowY, width: nameW + phases.length * colW, height: rowH, fill: "#f3f3f3" });
      add(svg, "text", { x: x + 6, y: rowY + 20, "font-size": 16 }, fit(driver.code + " " + driver.label, nameW - 12, 16));
      phases.forEach(function (phase, i) {
        var cx = x + nameW + i * colW + colW / 2;
        if (!phase) {
          add(svg, "text", { x: cx - 34, y: rowY + 19, "font-size": 15, fill: style.muted }, "+");
          add(svg, "rect", { x: cx - 22, y: rowY + 5, width: 17, height: 17, fill: "#ffffff", stroke: style.muted });
          add(svg, "text", { x: cx + 6, y: rowY + 19, "font-size": 15, fill: style.muted }, "−");
          add(svg, "rect", { x: cx + 18, y: rowY + 5, width: 17, height: 17, fill: "#ffffff", stroke: style.muted });
          return;
        }
        var role = phase.drivers[driver.code];
        if (role) add(svg, "text", { x: cx, y: rowY + 20, "text-anchor": "middle", "font-size": 16, "font-weight": "bold" }, role === "stuwend" ? "+ stuwend" : role === "remmend" ? "− remmend" : "± beide");
      });
    });
    return y + data.drivers.length * rowH;
  }

  function eventList(svg, x, y, width) {
    y = heading(svg, x, y + 20, "Gebeurtenissen");
    if (!state.gebeurtenissen.length) { add(svg, "text", { x: x, y: y + 22, fill: style.muted }, "Nog geen gebeurtenissen."); return y + 34; }
    var size = state.gebeurtenissen.length > 14 ? 15 : 18, lineH = size + 6;
    y += lineH;
    state.gebeurtenissen.forEach(function (e, i) {
      var lines = wrap((i + 1) + ". " + when(e.datum) + " · " + labels.soorten[e.soort] + ": " + e.tekst, width, size, 0);
      lines.forEach(function (line, n) { add(svg, "text", { x: n ? x + 22 : x, y: y, "font-size": size }, line); y += lineH; });
      y += 3;
    });
    state.fasen.forEach(function (phase) {
      if (!phase.toelichting) return;
      wrap("Fase " + labels.fasen[phase.code] + " (" + period(phase) + "): " + phase.toelichting, width, size, 0).forEach(function (line, n) {
        add(svg, "text", { x: n ? x + 22 : x, y: y, "font-size": size, fill: style.muted }, line); y += lineH;
      });
    });
    return y;
  }

  function blankEvents(svg, x, y, width) {
    y = heading(svg, x, y + 20, "Gebeurtenissen: datum, soort en wat er gebeurde");
    for (var i = 1; i <= 12; i++) {
      add(svg, "text", { x: x, y: y + 30, "font-size": 16 }, i + ".");
      add(svg, "line", { x1: x + 34, y1: y + 32, x2: x + width, y2: y + 32, stroke: style.grid });
      y += 30;
    }
    add(svg, "text", { x: x, y: y + 34, "font-size": 15, fill: style.muted }, "Vraag bij elke gebeurtenis: welke driver speelde hier, en stuwde of remde hij?");
    return y + 40;
  }

  function legend(svg, y) {
    var x = 24;
    add(svg, "text", { x: x, y: y + 16, "font-size": 16, "font-weight": "bold" }, "Soorten gebeurtenissen:");
    x += 250;
    data.soorten.forEach(function (kind) {
      var w = textWidth(kind.label, 15) + 40;
      if (x + w > SHEET_W - 24) { x = 274; y += 26; }
      add(svg, "circle", { cx: x + 9, cy: y + 11, r: 8, fill: style.kind_colours[kind.code] || style.ink });
      add(svg, "text", { x: x + 22, y: y + 16, "font-size": 15 }, kind.label);
      x += w;
    });
    y += 30; x = 24;
    add(svg, "text", { x: x, y: y + 16, "font-size": 16, "font-weight": "bold" }, "Fasen:");
    x += 250;
    data.fasen.forEach(function (phase) {
      var colours = style.phase_colours[phase.code] || [style.muted, "#eee"];
      add(svg, "rect", { x: x, y: y + 2, width: 28, height: 18, rx: 3, fill: colours[1], stroke: colours[0], "stroke-width": 1.5 });
      add(svg, "text", { x: x + 36, y: y + 16, "font-size": 15 }, phase.label);
      x += textWidth(phase.label, 15) + 64;
    });
    add(svg, "text", { x: x + 10, y: y + 16, "font-size": 15, fill: style.muted }, "Gestippelde rand: de fase loopt nog.");
    return y + 30;
  }

  // --- the page ------------------------------------------------------------------------------------
  function byId(id) { return document.getElementById(id); }
  function announce(text) { var s = byId("tl-status"); s.textContent = ""; setTimeout(function () { s.textContent = text; }, 30); }
  function option(select, value, text) { var o = document.createElement("option"); o.value = value; o.textContent = text; select.appendChild(o); }
  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button"; b.className = "md-button tijdlijn-klein"; b.textContent = text; b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }
  function dateFrom(yearId, monthId) {
    var year = byId(yearId).value.trim(), month = byId(monthId).value;
    if (!year) return "";
    return month ? year + "-" + month : year;
  }
  function fail(errorId, inputId, text) {
    var error = byId(errorId);
    error.textContent = text;
    var input = byId(inputId);
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return false;
  }
  function clearError(errorId, ids) {
    byId(errorId).textContent = "";
    ids.forEach(function (id) { byId(id).removeAttribute("aria-invalid"); });
  }

  function renderLists() {
    var list = byId("tl-gebeurtenissen");
    list.textContent = "";
    state.gebeurtenissen.forEach(function (e, i) {
      var li = document.createElement("li"), strong = document.createElement("strong");
      strong.textContent = when(e.datum);
      li.appendChild(strong);
      li.appendChild(document.createTextNode(" · " + labels.soorten[e.soort] + ": " + e.tekst + " "));
      li.appendChild(button("Verwijderen", "Verwijderen: gebeurtenis " + (i + 1) + ", " + e.tekst, function () {
        state.gebeurtenissen.splice(i, 1); changed("Gebeurtenis verwijderd.");
      }));
      list.appendChild(li);
    });
    var phases = byId("tl-fasen");
    phases.textContent = "";
    state.fasen.forEach(function (phase, i) {
      var box = document.createElement("fieldset");
      box.className = "tijdlijn-fase";
      var legend = document.createElement("legend");
      legend.textContent = "Fase " + (i + 1) + ": " + labels.fasen[phase.code] + " (" + period(phase) + ")";
      box.appendChild(legend);
      if (phase.toelichting) { var p = document.createElement("p"); p.textContent = phase.toelichting; box.appendChild(p); }
      var grid = document.createElement("div");
      grid.className = "tijdlijn-drivers";
      data.drivers.forEach(function (driver) {
        var id = "tl-d-" + i + "-" + driver.code, label = document.createElement("label"), select = document.createElement("select");
        label.htmlFor = id; label.textContent = driver.code + " " + driver.label;
        select.id = id;
        [["", "—"], ["stuwend", "stuwend"], ["remmend", "remmend"], ["beide", "stuwend en remmend"]].forEach(function (o) { option(select, o[0], o[1]); });
        select.value = phase.drivers[driver.code] || "";
        select.addEventListener("change", function () {
          if (select.value) phase.drivers[driver.code] = select.value; else delete phase.drivers[driver.code];
          save(); draw();
        });
        var cell = document.createElement("p");
        cell.appendChild(label); cell.appendChild(document.createElement("br")); cell.appendChild(select);
        grid.appendChild(cell);
      });
      box.appendChild(grid);
      var p2 = document.createElement("p");
      p2.appendChild(button("Fase verwijderen", "Fase verwijderen: fase " + (i + 1) + ", " + labels.fasen[phase.code], function () {
        state.fasen.splice(i, 1); changed("Fase verwijderd.");
      }));
      box.appendChild(p2);
      phases.appendChild(box);
    });
  }

  function draw() {
    var holder = byId("tl-tekening");
    holder.textContent = "";
    holder.appendChild(drawTimeline(summary()));
    byId("tl-figuur").hidden = !span();
    var sheetHolder = byId("tl-blad");
    sheetHolder.textContent = "";
    sheetHolder.appendChild(sheet(document.body.classList.contains("tijdlijn-leeg")));
  }
  function changed(message) { save(); renderLists(); draw(); if (message) announce(message); }

  function setPaper(paper) {
    var size = paper === "A4" ? ["A4", "277mm", "186mm"] : ["A3", "400mm", "272mm"];
    byId("tl-pagina-stijl").textContent = "@page { size: " + size[0] + " landscape; margin: 10mm; } @media print { .md-typeset svg.tijdlijn-blad-svg { width: " + size[1] + " !important; height: " + size[2] + " !important; max-width: none !important; } }";
  }

  function toDocument() {
    var doc = {};
    if (state.gebeurtenissen.length) doc.tijdlijn = state.gebeurtenissen.map(function (e) { return { datum: e.datum, soort: e.soort, tekst: e.tekst }; });
    if (state.fasen.length) {
      var current = state.fasen[state.fasen.length - 1];
      doc.fase = { code: current.code };
      if (current.toelichting) doc.fase.toelichting = current.toelichting;
      doc.fasen = state.fasen.map(function (f) {
        var out = { code: f.code, van: f.van };
        if (f.tot) out.tot = f.tot;
        if (f.toelichting) out.toelichting = f.toelichting;
        var codes = Object.keys(f.drivers).sort();
        if (codes.length) out.drivers = codes.map(function (c) { return { code: c, rol: f.drivers[c] }; });
        return out;
      });
    }
    return doc;
  }
  function toYaml() {
    var head = "# Tijdlijn" + (state.naam ? " van " + clean(state.naam).replace(/#/g, "") : "") + ", getekend op tijdlijn/maken/ van de site.\n" +
      "# Controleer met: python -m generator validate <dit bestand>. Plak de velden tijdlijn, fase en fasen\n" +
      "# in jullie casusbestand (vervang de velden die daar al staan); zie CONTRIBUTING.md.\n";
    var body = jsyaml.dump(toDocument(), { noRefs: true, lineWidth: -1, quotingType: "\"", forceQuotes: true });
    return head + (state.naam ? "# naam: " + JSON.stringify(clean(state.naam)) + "\n" : "") + body;
  }
  function fromYaml(text) {
    var doc = jsyaml.load(text, { schema: jsyaml.FAILSAFE_SCHEMA });
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new Error("dit is geen tijdlijnbestand (verwacht: tijdlijn, fase en fasen)");
    var naam = /^# naam: (".*")$/m.exec(text), raw = { naam: "", gebeurtenissen: doc.tijdlijn || [], fasen: [] };
    try { raw.naam = naam ? JSON.parse(naam[1]) : ""; } catch (e) { raw.naam = ""; }
    (Array.isArray(doc.fasen) ? doc.fasen : []).forEach(function (f) {
      var roles = {};
      (f && Array.isArray(f.drivers) ? f.drivers : []).forEach(function (d) { if (d && d.code) roles[d.code] = d.rol || "stuwend"; });
      raw.fasen.push({ code: f && f.code, van: f && f.van, tot: f && f.tot, toelichting: f && f.toelichting, drivers: roles });
    });
    var result = sane(raw);
    // `fase` alone (a case's current phase) has no dates: it is named, not drawn
    result.losseFase = !raw.fasen.length && doc.fase && labels.fasen[doc.fase.code] ? labels.fasen[doc.fase.code] : "";
    return result;
  }

  function init() {
    var app = byId("tijdlijn-app"), dataNode = byId("tijdlijn-data");
    if (!app || !dataNode || app.dataset.ready) return;
    app.dataset.ready = "1";
    data = JSON.parse(dataNode.textContent);
    style = data.stijl;
    ["soorten", "fasen", "drivers"].forEach(function (name) {
      labels[name] = {};
      data[name].forEach(function (item) { labels[name][item.code] = item.label; });
    });
    state = load();
    var pageStyle = document.createElement("style");
    pageStyle.id = "tl-pagina-stijl";
    document.head.appendChild(pageStyle);
    document.body.classList.add("tijdlijn-pagina");
    setPaper("A3");

    document.querySelectorAll("select.tl-maand").forEach(function (select) {
      option(select, "", "—");
      MONTH_NAMES.forEach(function (name, i) { option(select, (i < 9 ? "0" : "") + (i + 1), name); });
    });
    data.soorten.forEach(function (kind) { option(byId("tl-g-soort"), kind.code, kind.label); });
    data.fasen.forEach(function (phase) { option(byId("tl-f-code"), phase.code, phase.label); });

    var name = byId("tl-naam");
    name.value = state.naam;
    name.addEventListener("input", function () { state.naam = clean(name.value); save(); draw(); });

    byId("tl-gebeurtenis").addEventListener("submit", function (event) {
      event.preventDefault();
      clearError("tl-g-fout", ["tl-g-jaar", "tl-g-tekst"]);
      var datum = dateFrom("tl-g-jaar", "tl-g-maand"), tekst = clean(byId("tl-g-tekst").value);
      if (!validDate(datum)) return fail("tl-g-fout", "tl-g-jaar", "Vul een jaar in van vier cijfers, tussen 1900 en 2100 (bijvoorbeeld 2021).");
      if (!tekst) return fail("tl-g-fout", "tl-g-tekst", "Schrijf in één regel wat er gebeurde.");
      if (state.gebeurtenissen.length >= 40) return fail("tl-g-fout", "tl-g-tekst", "Een tijdlijn heeft hoogstens 40 gebeurtenissen.");
      state.gebeurtenissen.push({ datum: datum, soort: byId("tl-g-soort").value, tekst: tekst });
      state.gebeurtenissen.sort(byDate);
      byId("tl-g-tekst").value = "";
      changed("Gebeurtenis toegevoegd: " + when(datum) + ", " + tekst + ". Er staan nu " + state.gebeurtenissen.length + " gebeurtenissen op de tijdlijn.");
      byId("tl-g-tekst").focus();
    });

    byId("tl-fase").addEventListener("submit", function (event) {
      event.preventDefault();
      clearError("tl-f-fout", ["tl-f-van-jaar", "tl-f-tot-jaar"]);
      var van = dateFrom("tl-f-van-jaar", "tl-f-van-maand"), tot = dateFrom("tl-f-tot-jaar", "tl-f-tot-maand");
      if (!validDate(van)) return fail("tl-f-fout", "tl-f-van-jaar", "Vul bij 'van' een jaar in van vier cijfers, tussen 1900 en 2100.");
      if (tot && !validDate(tot)) return fail("tl-f-fout", "tl-f-tot-jaar", "Vul bij 'tot' een jaar in van vier cijfers, of laat het leeg als de fase nog loopt.");
      if (tot && tot < van.slice(0, tot.length)) return fail("tl-f-fout", "tl-f-tot-jaar", "De fase eindigt vóór ze begint; kies een latere 'tot'.");
      if (state.fasen.length >= 12) return fail("tl-f-fout", "tl-f-van-jaar", "Een tijdlijn heeft hoogstens 12 fasen.");
      var later = state.fasen.filter(function (f) { return f.van > van; });
      if (!tot && later.length) return fail("tl-f-fout", "tl-f-tot-jaar", "Alleen de laatste fase mag nog lopen; vul 'tot' in.");
      var note = "";
      state.fasen.forEach(function (f) {
        if (!f.tot && f.van <= van) { f.tot = van; note = " De vorige fase (" + labels.fasen[f.code] + ") loopt nu tot " + when(van) + "."; }
      });
      var code = byId("tl-f-code").value;
      state.fasen.push({ code: code, van: van, tot: tot, toelichting: clean(byId("tl-f-toelichting").value, 300), drivers: {} });
      state.fasen.sort(function (a, b) { return a.van < b.van ? -1 : a.van > b.van ? 1 : 0; });
      byId("tl-f-toelichting").value = "";
      changed("Fase toegevoegd: " + labels.fasen[code] + ", " + when(van) + " tot " + (tot ? when(tot) : "nu") + "." + note + " Kies hieronder per driver of hij stuwde of remde.");
    });

    document.querySelectorAll("input[name=tl-papier]").forEach(function (radio) {
      radio.addEventListener("change", function () { if (radio.checked) setPaper(radio.value); });
    });
    byId("tl-print").addEventListener("click", function () {
      document.body.classList.remove("tijdlijn-leeg"); draw(); window.print();
    });
    byId("tl-print-leeg").addEventListener("click", function () {
      document.body.classList.add("tijdlijn-leeg"); draw(); window.print();
    });
    window.addEventListener("afterprint", function () {
      if (document.body.classList.contains("tijdlijn-leeg")) { document.body.classList.remove("tijdlijn-leeg"); draw(); }
    });
    byId("tl-download").addEventListener("click", function () {
      if (!state.gebeurtenissen.length && !state.fasen.length) { announce("Voeg eerst een gebeurtenis of fase toe; een lege tijdlijn valt niet te bewaren."); return; }
      var blob = new Blob([toYaml()], { type: "application/x-yaml" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "tijdlijn.yml";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
      announce("Het bestand tijdlijn.yml is gedownload.");
    });
    byId("tl-open").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      if (file.size > 262144) { announce("Dit bestand is te groot voor een tijdlijn (meer dan 256 kB)."); return; }
      var reader = new FileReader();
      reader.onload = function () {
        try {
          var opened = fromYaml(String(reader.result)), loose = opened.losseFase;
          delete opened.losseFase;
          state = opened;
          name.value = state.naam;
          changed("Geopend: " + state.gebeurtenissen.length + " gebeurtenissen en " + state.fasen.length + " fasen." +
            (loose ? " Het bestand noemt de huidige fase (" + loose + ") zonder datums; voeg haar toe bij 2. Fasen en drivers." : ""));
        } catch (e) {
          announce("Dit bestand kon niet worden geopend: " + clean(e.message, 200));
        }
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    byId("tl-wissen").addEventListener("click", function () {
      if (!window.confirm("Alle gebeurtenissen, fasen en de naam wissen? Download de tijdlijn eerst als je hem wilt bewaren.")) return;
      state = empty(); name.value = "";
      try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
      changed("De tijdlijn is gewist.");
    });

    ["tijdlijn-app", "tl-gebeurtenis", "tl-fase", "tl-acties"].forEach(function (id) { byId(id).hidden = false; });
    renderLists();
    draw();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
