/* Site search in Material's header (markup: the theme's partials/search.html).
 *
 * Online it asks Pagefind (pagefind/pagefind.js loads the index in small chunks, for the words
 * typed only); in the offline bundle (data-zoeken="lunr", opened from file://, where Pagefind
 * cannot load its files) it builds a lunr index with the Dutch stemmer from search/zoekindex.js.
 * Either way: every word of the query must occur on a page (a Dutch inflected form finds its stem
 * and the other way round); a word of a synonym group (assets/synoniemen.js) also looks for the
 * others; results are grouped per page and link to the best sections ("Page › Section"); the
 * target page marks the words it was found for (?zoek=…). Shortcuts: / or s opens the search,
 * Escape closes it, arrow keys move through the results.
 */
(() => {
  "use strict";
  const box = document.querySelector(".md-search[data-zoeken]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const form = box.querySelector("form");
  const input = box.querySelector(".md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const text = box.dataset;
  const root = new URL(text.base.replace(/\/?$/, "/"), location.href);
  const groups = window.__zoekSynoniemen || [];
  const MAX_PAGES = 25, MAX_SECTIONS = 3, MAX_VARIANTS = 8, EXCERPT = 90;

  // --- the query ---------------------------------------------------------------------------------

  const escapeRegExp = (value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const hasWord = (query, word) => new RegExp(`(^|\\s)${escapeRegExp(word)}(?=\\s|$)`).test(query);

  /** The query, and the query with a word of a synonym group replaced by each other word. */
  function variants(query) {
    const base = query.trim().toLowerCase().replace(/\s+/g, " ");
    const result = [base];
    for (const group of groups) {
      for (const word of group) {
        if (!hasWord(base, word)) continue;
        for (const other of group) {
          if (other !== word) result.push(base.replace(new RegExp(`(^|\\s)${escapeRegExp(word)}(?=\\s|$)`), `$1${other}`));
        }
      }
    }
    return [...new Set(result)].slice(0, MAX_VARIANTS);
  }

  // --- Pagefind (online) -------------------------------------------------------------------------

  let pagefind = null;

  async function searchPagefind(query) {
    if (!pagefind) {
      const module = await import(new URL("pagefind/pagefind.js", root).href);
      await module.options({ baseUrl: root.pathname, excerptLength: 24 });
      await module.init();
      pagefind = module;
    }
    const best = new Map();
    for (const variant of variants(query)) {
      const found = await pagefind.search(variant);
      if (!found) continue;
      for (const hit of found.results) {
        if (!best.has(hit.id) || best.get(hit.id).score < hit.score) best.set(hit.id, hit);
      }
    }
    const hits = [...best.values()].sort((a, b) => b.score - a.score);
    const pages = await Promise.all(hits.slice(0, MAX_PAGES).map((hit) => hit.data()));
    return {
      total: hits.length,
      pages: pages.map((data) => {
        const title = (data.meta && data.meta.title) || data.url;
        const subs = (data.sub_results && data.sub_results.length ? data.sub_results : [{ title, url: data.url, excerpt: data.excerpt, locations: [] }])
          .map((sub, order) => ({ sub, order }))
          .sort((a, b) => (b.sub.locations || []).length - (a.sub.locations || []).length || a.order - b.order)
          .slice(0, MAX_SECTIONS);
        return {
          title,
          sections: subs.map(({ sub }) => ({ title: sub.title, url: sub.url, excerpt: segmentsOfHtml(sub.excerpt || "") })),
        };
      }),
    };
  }

  /** Pagefind's excerpt (text with <mark>) as [text, marked] pieces, never as live HTML. */
  function segmentsOfHtml(html) {
    const marked = html.replace(/<mark>/g, "\u0001").replace(/<\/mark>/g, "\u0002");
    const plain = new DOMParser().parseFromString(`<p>${marked}</p>`, "text/html").body.textContent || "";
    const result = [];
    let on = false, buffer = "";
    for (const ch of plain) {
      if (ch === "\u0001" || ch === "\u0002") {
        if (buffer) result.push([buffer, on]);
        buffer = "";
        on = ch === "\u0001";
      } else {
        buffer += ch;
      }
    }
    if (buffer) result.push([buffer, on]);
    return result;
  }

  // --- lunr (offline bundle) ---------------------------------------------------------------------

  let lunrIndex = null, records = [];

  function loadScript(path) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(path, root).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`kon ${path} niet laden`));
      document.head.append(script);
    });
  }

  async function searchLunr(query) {
    if (!lunrIndex) {
      for (const path of ["assets/vendor/lunr/lunr.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.nl.min.js", "search/zoekindex.js"]) {
        await loadScript(path);
      }
      records = window.__zoekIndex || [];
      const lunr = window.lunr;
      lunr.tokenizer.separator = /[^\p{L}\p{N}]+/u; // words as Pagefind sees them: "alert(2)" holds "alert"
      lunrIndex = lunr(function () {
        this.use(lunr.nl);
        this.ref("i");
        this.field("s", { boost: 3 });
        this.field("x");
        this.metadataWhitelist = ["position"];
        records.forEach((record, i) => this.add({ i: String(i), s: record.s, x: record.x }));
      });
    }
    const lunr = window.lunr;
    const best = new Map(); // page url → {title, score, sections: Map(ref → section)}
    for (const variant of variants(query)) {
      const terms = lunr.tokenizer(variant).map(String).filter((term) => lunrIndex.pipeline.runString(term).length);
      if (!terms.length) continue;
      let pages = null; // pages that have every term (in some section), with their matching sections
      for (const term of terms) {
        const hits = lunrIndex.query((q) => {
          q.term(term, { usePipeline: true }); // the stem: opleidingen ↔ opleiding
          q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 }); // a word being typed
        });
        const found = new Map();
        for (const hit of hits) {
          const record = records[Number(hit.ref)];
          const page = record.u.split("#")[0];
          if (!found.has(page)) found.set(page, new Map());
          found.get(page).set(hit.ref, hit);
        }
        pages = pages === null ? found : new Map([...pages].filter(([page]) => found.has(page)).map(([page, hitsOf]) => {
          for (const [ref, hit] of found.get(page)) {
            const known = hitsOf.get(ref);
            hitsOf.set(ref, known ? { ...known, score: known.score + hit.score, matchData: merge(known.matchData, hit.matchData) } : hit);
          }
          return [page, hitsOf];
        }));
      }
      for (const [page, hitsOf] of pages || []) {
        const score = Math.max(...[...hitsOf.values()].map((hit) => hit.score));
        if (!best.has(page) || best.get(page).score < score) best.set(page, { score, hits: hitsOf });
      }
    }
    const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score);
    return {
      total: ranked.length,
      pages: ranked.slice(0, MAX_PAGES).map(([, { hits }]) => {
        const top = [...hits.values()].sort((a, b) => b.score - a.score).slice(0, MAX_SECTIONS);
        const title = records[Number(top[0].ref)].p;
        return {
          title,
          sections: top.map((hit) => {
            const record = records[Number(hit.ref)];
            return { title: record.s, url: new URL(record.u, root).href, excerpt: excerptOf(record.x, hit.matchData) };
          }),
        };
      }),
    };
  }

  function merge(a, b) {
    return { metadata: { ...a.metadata, ...b.metadata } };
  }

  /** A piece of the section's text around its first match, with every match in it marked. */
  function excerptOf(value, matchData) {
    const spans = [];
    for (const fields of Object.values(matchData.metadata)) {
      for (const position of ((fields.x || {}).position || [])) spans.push(position);
    }
    spans.sort((a, b) => a[0] - b[0]);
    const start = spans.length ? Math.max(0, spans[0][0] - EXCERPT) : 0;
    const end = Math.min(value.length, start + 2 * EXCERPT + 40);
    const result = [];
    let at = start;
    for (const [from, length] of spans) {
      if (from < at || from + length > end) continue;
      result.push([value.slice(at, from), false], [value.slice(from, from + length), true]);
      at = from + length;
    }
    result.push([value.slice(at, end), false]);
    if (start > 0) result[0][0] = "…" + result[0][0];
    if (end < value.length) result[result.length - 1][0] += "…";
    return result;
  }

  // --- showing results ---------------------------------------------------------------------------

  function element(tag, className) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function withQuery(url, query) {
    const target = new URL(url, root);
    target.searchParams.set("zoek", query);
    return target.href;
  }

  function count(total) {
    if (total === 0) return text.tNone;
    if (total === 1) return text.tOne;
    return text.tOther.replace("#", String(total));
  }

  function render(result, query) {
    list.replaceChildren();
    meta.textContent = count(result.total);
    for (const page of result.pages) {
      const item = element("li", "md-search-result__item");
      page.sections.forEach((section, index) => {
        const link = element("a", "md-search-result__link");
        link.href = withQuery(section.url, query);
        const article = element("article", "md-search-result__article md-typeset" + (index === 0 ? " md-search-result__article--document" : ""));
        const heading = element(index === 0 ? "h1" : "h2");
        heading.textContent = section.title && section.title !== page.title ? `${page.title} › ${section.title}` : page.title;
        const excerpt = element("p");
        for (const [piece, marked] of section.excerpt) {
          if (marked) {
            const mark = element("mark");
            mark.textContent = piece;
            excerpt.append(mark);
          } else {
            excerpt.append(document.createTextNode(piece));
          }
        }
        article.append(heading, excerpt);
        link.append(article);
        item.append(link);
      });
      list.append(item);
    }
  }

  let latest = 0, timer = 0;

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = text.tPlaceholder;
      return;
    }
    try {
      const result = await (text.zoeken === "lunr" ? searchLunr(query) : searchPagefind(query));
      if (ticket === latest) {
        render(result, query);
        box.dataset.gezocht = query; // for tests: the results shown are for this query
      }
    } catch (error) {
      if (ticket === latest) {
        list.replaceChildren();
        meta.textContent = text.tError;
        box.dataset.gezocht = query;
      }
      console.warn("zoeken:", error);
    }
  }

  // --- opening, closing, keyboard ----------------------------------------------------------------

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  const links = () => [...list.querySelectorAll("a.md-search-result__link")];

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("focus", () => { toggle.checked = true; });
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { run(); input.focus(); });
  });
  box.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (target.isContentEditable || /^(input|select|textarea)$/i.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
    }
  }, true);

  // --- marking the words on the page a result led to ---------------------------------------------

  function highlight() {
    const query = new URLSearchParams(location.search).get("zoek");
    const article = document.querySelector("article.md-content__inner");
    if (!query || !article) return;
    // Each word cut to a stem-like prefix (opleidingen → opleidin…), for every synonym variant.
    const prefixes = new Set();
    for (const variant of variants(query)) {
      for (const word of variant.split(/[\s\-]+/)) {
        if (word.length > 2) prefixes.add(escapeRegExp(word.slice(0, Math.max(3, word.length - 3))));
      }
    }
    if (!prefixes.size) return;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...prefixes].join("|")})[\\p{L}\\p{N}]*`, "giu");
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.parentElement.closest("svg, script, style, .headerlink, form, mark")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const value = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(value)) continue;
      pattern.lastIndex = 0;
      const fragment = document.createDocumentFragment();
      let at = 0;
      for (const match of value.matchAll(pattern)) {
        fragment.append(document.createTextNode(value.slice(at, match.index)));
        const mark = element("mark", "zoek-markering");
        mark.textContent = match[0];
        fragment.append(mark);
        at = match.index + match[0].length;
      }
      fragment.append(document.createTextNode(value.slice(at)));
      node.replaceWith(fragment);
    }
  }

  highlight();
})();
