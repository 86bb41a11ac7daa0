// Search as you type, filters and permalinks for the glossary page written by `henan-terms export
// --format html`. The keys each concept is found by are those of `henan-terms lookup`, exported with the
// page; this script folds a query the same way (henan_terms.chinese.pinyin_key, henan_terms.english.fold).
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("ht_data").textContent);
  const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  const TOKEN = /[A-Za-z0-9]+(?:['\u2019&][A-Za-z0-9]+)*/g;
  const POSSESSIVE = /(?<=[a-z0-9])['\u2019]s?$|(?<=s)['\u2019]$/;
  const ARTICLES = new Set(["a", "an", "the"]);

  /** English folded as lookup folds it: words, articles left out, possessives dropped, base forms. */
  function fold(text) {
    const words = [];
    for (const match of text.normalize("NFKC").matchAll(TOKEN)) {
      let word = match[0].toLowerCase();
      if (ARTICLES.has(word)) continue;
      if (word.includes("'") || word.includes("\u2019")) word = word.replace(POSSESSIVE, "");
      words.push(Object.hasOwn(data.inflections, word) ? data.inflections[word] : word);
    }
    return words.join(" ");
  }

  /** Pinyin in any style as lookup keys it: toneless, no spaces, ü folded to u. */
  function pinyinKey(text) {
    const bare = [...text.toLowerCase().normalize("NFD")].filter((c) => c.charCodeAt(0) < 128).join("");
    return bare.replaceAll("u:", "u").replaceAll("v", "u").replace(/[^a-z]/g, "");
  }

  function simplified(text) {
    return [...text].map((c) => (Object.hasOwn(data.simplified, c) ? data.simplified[c] : c)).join("");
  }

  /** The concepts of each key, by field: Chinese (either script), pinyin, English. */
  const index = [new Map(), new Map(), new Map()];
  for (const [id, fields] of Object.entries(data.keys)) {
    fields.forEach((keys, field) => {
      for (const key of keys) {
        if (!index[field].has(key)) index[field].set(key, []);
        index[field].get(key).push(id);
      }
    });
  }

  /** A query's keys, as lookup makes them: Chinese as typed and simplified, else English and pinyin. */
  function queryKeys(query) {
    query = query.trim();
    const keys = HAN.test(query) ? [[0, query], [0, simplified(query)]] : [[2, fold(query)], [1, pinyinKey(query)]];
    return keys.filter(([, key]) => key);
  }

  /** The concepts a key equals: what lookup finds. */
  function exact(query) {
    return new Set(queryKeys(query).flatMap(([field, key]) => index[field].get(key) || []));
  }

  /** The concepts a key contains: what the page shows as the query is typed. */
  function found(query) {
    const ids = new Set();
    for (const [field, key] of queryKeys(query)) {
      for (const [candidate, concepts] of index[field]) {
        if (candidate.includes(key)) concepts.forEach((id) => ids.add(id));
      }
    }
    return ids;
  }

  function search(query) {
    return { exact: exact(query), found: found(query) };
  }

  window.henanTerms = { exact, fold, found, pinyinKey, search };

  const controls = document.getElementById("ht_controls");
  const input = document.getElementById("ht_search");
  const domain = document.getElementById("ht_domain");
  const state = document.getElementById("ht_state");
  const status = document.getElementById("ht_status");
  const none = document.getElementById("ht_none");
  const concepts = [...document.querySelectorAll("article.concept")];
  const parts = [...document.querySelectorAll("section.part")];

  function apply() {
    const query = input.value.trim();
    const hits = search(query);
    let shown = 0;
    for (const concept of concepts) {
      const visible =
        (!query || hits.found.has(concept.id)) &&
        (!domain.value || concept.dataset.subject === domain.value) &&
        (!state.value || concept.dataset.status.split(" ").includes(state.value));
      concept.hidden = !visible;
      concept.classList.toggle("exact", hits.exact.has(concept.id));
      if (visible) shown += 1;
    }
    for (const part of parts) part.hidden = !part.querySelector("article.concept:not([hidden])");
    none.hidden = shown > 0;
    const filtered = query || domain.value || state.value;
    status.textContent = filtered
      ? `${shown} of ${concepts.length} concepts shown` + (hits.exact.size ? `, ${hits.exact.size} exact` : "")
      : "";
  }

  /** Open the concept a permalink names, clearing what would hide it. */
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target || !target.classList.contains("concept")) return;
    if (target.hidden) {
      input.value = "";
      domain.value = "";
      state.value = "";
      apply();
    }
    target.scrollIntoView();
  }

  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", apply);
  domain.addEventListener("change", apply);
  state.addEventListener("change", apply);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      apply();
    }
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === "/" && !typing) {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener("hashchange", openTarget);
  apply(); // the browser may have kept the fields' values from a visit before
  openTarget();
})();
