// saring report: unpacks the data embedded in the page and draws the stories, the document
// table (one page of rows at a time) and the document view. No network, no library.
// Deep links: report.html#doc=ID opens a document, report.html#story=ID shows a story.
"use strict";
(async function () {
  const P = JSON.parse(document.getElementById("saring-data").textContent);
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) =>
    ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

  // base64 -> gzip -> JSON; the browser's own decoders (a data: address decodes base64 natively)
  async function unpack(b64) {
    const packed = await (await fetch("data:application/octet-stream;base64," + b64)).blob();
    const stream = packed.stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }
  const D = await unpack(P.docs);
  const S = await unpack(P.stories);
  const chunks = new Map();
  function chunk(k) {
    if (!chunks.has(k)) chunks.set(k, unpack(P.texts[k]));
    return chunks.get(k);
  }
  async function textOf(row) {
    const c = await chunk(Math.floor(row / P.chunk));
    const [text, removed] = c[row % P.chunk];
    // a text seen earlier in the run comes as the row that holds it
    return typeof text === "number" ? [(await textOf(text))[0], removed] : [text, removed];
  }
  // "1 article", "2 articles"
  const counted = (n, one, many) => `${n.toLocaleString()} ${n === 1 ? one : (many ?? one + "s")}`;
  const status = (row) => P.statuses[D.status[row]];
  const reason = (row) => P.reasons[D.reason[row]];
  const docLink = (row, label) =>
    `<a class="doc" data-row="${row}">${esc(label ?? (D.title[row] || D.id[row]))}</a>`;

  // ---- tabs
  function show(tab) {
    for (const b of document.querySelectorAll("nav button")) b.classList.toggle("on", b.dataset.tab === tab);
    for (const t of document.querySelectorAll(".tab")) t.hidden = t.id !== "tab-" + tab;
  }
  for (const b of document.querySelectorAll("nav button")) b.onclick = () => show(b.dataset.tab);
  document.addEventListener("click", (e) => {
    const a = e.target.closest("a.doc");
    if (a) { e.preventDefault(); openDoc(+a.dataset.row); }
    const st = e.target.closest("a.story-link");
    if (st) { e.preventDefault(); $("doc-story").value = st.dataset.story; show("documents"); filterDocs(); }
  });

  // ---- overview: the largest duplicate clusters
  if (P.clusters.length) {
    $("clusters").innerHTML = "<h3>Largest clusters</h3><ol>" + P.clusters.map((c) => {
      const canon = c.rows.find((r) => status(r) !== "duplicate") ?? c.rows[0];
      const sites = [...new Set(c.rows.map((r) => P.sites[D.site[r]] || "?"))].join(", ");
      return `<li>${c.size} documents: ${docLink(canon)} <span class="muted">(${esc(sites)})</span></li>`;
    }).join("") + "</ol>";
  }

  // ---- documents
  const PAGE = 50;
  let docRows = [], docPage = 0, fullText = null;
  function options(select, names, counts) {
    const order = names.map((n, k) => k).filter((k) => names[k] !== null);
    select.insertAdjacentHTML("beforeend", order.map((k) =>
      `<option value="${k}">${esc(names[k] || "(none)")} (${counts[k] || 0})</option>`).join(""));
  }
  function tally(codes, size) {
    const c = new Array(size).fill(0);
    for (const v of codes) c[v]++;
    return c;
  }
  options($("doc-site"), P.sites, tally(D.site, P.sites.length));
  options($("doc-status"), P.statuses, tally(D.status, P.statuses.length));
  options($("doc-reason"), P.rcodes, tally(D.rcode, P.rcodes.length));

  async function loadFullText() {
    if (fullText) return fullText;
    $("doc-count").textContent = "unpacking texts...";
    const all = (await Promise.all(P.texts.map((_, k) => chunk(k)))).flat();
    fullText = all.map((t) => (typeof t[0] === "number" ? all[t[0]][0] : t[0]).toLowerCase());
    return fullText;
  }
  async function filterDocs() {
    const q = $("doc-q").value.trim().toLowerCase();
    const site = $("doc-site").value, st = $("doc-status").value, rs = $("doc-reason").value;
    const story = $("doc-story").value.trim();
    const texts = q && $("doc-fulltext").checked ? await loadFullText() : null;
    const out = [];
    for (let r = 0; r < P.n; r++) {
      if (site !== "" && D.site[r] !== +site) continue;
      if (st !== "" && D.status[r] !== +st) continue;
      if (rs !== "" && D.rcode[r] !== +rs) continue;
      if (story !== "" && D.story[r] !== +story) continue;
      if (q && !(D.title[r].toLowerCase().includes(q) || D.id[r].includes(q) ||
                 D.url[r].toLowerCase().includes(q) || (texts && texts[r].includes(q)))) continue;
      out.push(r);
    }
    docRows = out; docPage = 0; drawDocs();
  }
  function pager(el, page, total, size, go) {
    const pages = Math.max(1, Math.ceil(total / size));
    el.innerHTML = `<button ${page ? "" : "disabled"} data-p="${page - 1}">&lsaquo; previous</button>
      <span>page ${page + 1} of ${pages}</span>
      <button ${page + 1 < pages ? "" : "disabled"} data-p="${page + 1}">next &rsaquo;</button>`;
    for (const b of el.querySelectorAll("button")) b.onclick = () => go(+b.dataset.p);
  }
  function drawDocs() {
    const rows = docRows.slice(docPage * PAGE, (docPage + 1) * PAGE);
    $("doc-rows").innerHTML = rows.map((r) => `<tr data-row="${r}" data-id="${esc(D.id[r])}">
      <td class="num">${r + 1}</td><td>${esc(D.title[r] || D.id[r])}</td>
      <td>${esc(P.sites[D.site[r]] || "")}</td><td>${D.published[r]}</td>
      <td><span class="status ${status(r)}">${status(r)}</span></td><td>${esc(reason(r) || "")}</td>
      <td>${D.story[r] >= 0 ? D.story[r] : ""}</td><td class="num">${D.chars[r].toLocaleString()}</td></tr>`).join("");
    $("doc-count").textContent = `${docRows.length.toLocaleString()} of ${P.n.toLocaleString()} documents`;
    pager($("doc-pager"), docPage, docRows.length, PAGE, (p) => { docPage = p; drawDocs(); });
  }
  $("doc-rows").onclick = (e) => { const tr = e.target.closest("tr"); if (tr) openDoc(+tr.dataset.row); };
  let timer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(filterDocs, 150); };
  for (const id of ["doc-q", "doc-story"]) $(id).oninput = later;
  for (const id of ["doc-site", "doc-status", "doc-reason", "doc-fulltext"]) $(id).onchange = filterDocs;

  // ---- stories
  const SPAGE = 20;
  const byLabel = S.map((s, k) => k).sort((a, b) => S[b].size - S[a].size || a - b);
  const storyText = S.map((s) => (s.label + " " + s.keywords.join(" ") + " " +
    s.summary.map((x) => x[0]).join(" ")).toLowerCase());
  // the search matches where a word begins ("banjir" finds "banjirnya", "ubsi" not "subsidi")
  const wordStart = (q) => new RegExp("(?<![\\p{L}\\p{N}])" +
    q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "u");
  let storyRows = [], storyPage = 0, storyOnly = -1;  // storyOnly: the story a #story= link shows
  function filterStories() {
    const q = $("story-q").value.trim().toLowerCase();
    const multi = $("story-multi").checked, re = q ? wordStart(q) : null;
    storyRows = storyOnly >= 0 ? [storyOnly]
      : byLabel.filter((k) => (!multi || S[k].size > 1) && (!re || re.test(storyText[k])));
    storyPage = 0; drawStories();
  }
  function drawStories() {
    const rows = storyRows.slice(storyPage * SPAGE, (storyPage + 1) * SPAGE);
    $("story-list").innerHTML = rows.map((k) => {
      const s = S[k];
      const dates = s.first === s.last ? s.first : `${s.first} to ${s.last}`;
      const summary = s.summary.map(([t, r]) =>
        `<li>${esc(t)} ${r >= 0 ? docLink(r, "[" + (P.sites[D.site[r]] || D.id[r]) + "]") : ""}</li>`).join("");
      const members = s.members.slice(0, 40).map((r) =>
        `<li>${D.published[r]} <b>${esc(P.sites[D.site[r]] || "")}</b> ${docLink(r)} <span class="status ${status(r)}">${status(r)}</span></li>`).join("");
      const more = s.members.length > 40 ? `<li><a class="story-link" data-story="${k}">all ${s.members.length}</a></li>` : "";
      return `<div class="story" data-story="${k}"><h3>${esc(s.label)}</h3>
        <div class="meta"><a class="permalink" href="#story=${esc(s.id)}" title="link to this story">story ${k}</a>
        &middot; ${counted(s.size, "article")} &middot; ${esc(s.sites.join(", "))} &middot; ${dates}
        &middot; ${esc(s.keywords.join(", "))}</div>
        <ol class="summary">${summary}</ol>
        <details><summary>articles</summary><ul class="members">${members}${more}</ul></details></div>`;
    }).join("") || "<p class='muted'>no story matches</p>";
    $("story-count").innerHTML = storyOnly >= 0
      ? `the story of this link &middot; <a id="story-all" href="#">all ${counted(S.length, "story", "stories")}</a>`
      : `${storyRows.length.toLocaleString()} of ${counted(S.length, "story", "stories")}`;
    pager($("story-pager"), storyPage, storyRows.length, SPAGE, (p) => { storyPage = p; drawStories(); });
  }
  function allStories() {
    if (storyOnly < 0) return;
    storyOnly = -1;
    history.replaceState(null, "", location.pathname + location.search);
  }
  $("story-q").oninput = () => { allStories(); clearTimeout(timer); timer = setTimeout(filterStories, 150); };
  $("story-multi").onchange = () => { allStories(); filterStories(); };
  $("story-count").onclick = (e) => {
    if (e.target.id === "story-all") { e.preventDefault(); allStories(); filterStories(); }
  };

  // ---- the document view
  function interleave(text, removed) {
    const lines = text.split("\n").filter((l) => l.trim());
    const before = new Map(), out = [];
    for (const [t, why, at] of removed) {
      if (at === null || at === undefined) { out.push([t, why]); continue; }
      const k = Math.min(at, lines.length);
      if (!before.has(k)) before.set(k, []);
      before.get(k).push([t, why]);
    }
    for (let k = 0; k <= lines.length; k++) {
      for (const x of before.get(k) || []) out.push(x);
      if (k < lines.length) out.push([lines[k], null]);
    }
    return out;
  }
  function explained(text, removed) {
    return interleave(text, removed).map(([t, why]) => why
      ? `<p class="removed"><s>${esc(t)}</s><span class="reason">${esc(why)}</span></p>`
      : `<p>${esc(t)}</p>`).join("");
  }
  function words(s) { return s.split(/(\s+)/).filter((w) => w.length); }
  // marks what differs between two texts: longest common subsequence of words (of lines when
  // the texts are long), <del> in the first, <ins> in the second
  function diff(a, b) {
    let x = words(a), y = words(b), sep = "";
    if (x.length * y.length > 4e6) { x = a.split("\n"); y = b.split("\n"); sep = "\n"; }
    const n = x.length, m = y.length, L = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        L[i * (m + 1) + j] = x[i] === y[j] ? L[(i + 1) * (m + 1) + j + 1] + 1
          : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
    let i = 0, j = 0, left = "", right = "";
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) { left += esc(x[i]) + sep; right += esc(y[j]) + sep; i++; j++; }
      else if (j < m && (i === n || L[i * (m + 1) + j + 1] >= L[(i + 1) * (m + 1) + j])) { right += `<ins>${esc(y[j])}</ins>` + sep; j++; }
      else { left += `<del>${esc(x[i])}</del>` + sep; i++; }
    }
    return [left, right];
  }
  function fields(row) {
    const st = D.story[row];
    return `<dl class="fields"><dt>id</dt><dd>${esc(D.id[row])}</dd>
      <dt>address</dt><dd>${esc(D.url[row])}</dd><dt>site</dt><dd>${esc(P.sites[D.site[row]] || "")}</dd>
      <dt>published</dt><dd>${D.published[row]}</dd><dt>language</dt><dd>${esc(D.lang[row])}</dd>
      <dt>status</dt><dd><span class="status ${status(row)}">${status(row)}</span> ${esc(reason(row) || "")}</dd>
      <dt>story</dt><dd>${st >= 0 ? `<a class="story-link" data-story="${st}">${st}: ${esc(S[st].label)}</a>` : ""}</dd>
      <dt>removed pieces</dt><dd>${D.removed[row]}</dd>
      <dt>link</dt><dd><a class="permalink" href="#doc=${esc(D.id[row])}">#doc=${esc(D.id[row])}</a></dd></dl>`;
  }
  async function openDoc(row) {
    const [text, removed] = await textOf(row);
    let body = `<h2>${esc(D.title[row] || D.id[row])}</h2>` + fields(row);
    const canon = D.dup_of[row];
    if (canon >= 0 && canon !== row) {
      const [other] = await textOf(canon);
      const [l, r] = diff(text, other);
      body += `<div class="pair"><div><h3>this document</h3><div class="text diff" id="diff-this" style="white-space:pre-wrap">${l}</div></div>
        <div><h3>its canonical document: ${docLink(canon)}</h3><div class="text diff" id="diff-canon" style="white-space:pre-wrap">${r}</div></div></div>
        <h3>cleaning</h3><div class="text" id="doc-text">${explained(text, removed)}</div>`;
    } else {
      body += `<div class="text" id="doc-text">${explained(text, removed)}</div>`;
    }
    if (P.cut) body += `<p class="muted">texts in this page are cut at ${P.cut.toLocaleString()} characters; documents.parquet holds them whole</p>`;
    $("viewer-body").innerHTML = body;
    $("viewer").hidden = false;
    $("viewer").scrollTop = 0;
    // the address now leads back here: a link to send someone to this document
    history.replaceState(null, "", "#doc=" + encodeURIComponent(D.id[row]));
  }
  function closeDoc() {
    if ($("viewer").hidden) return;
    $("viewer").hidden = true;
    if (location.hash.startsWith("#doc=")) history.replaceState(null, "", location.pathname + location.search);
  }
  $("viewer-close").onclick = closeDoc;
  $("viewer").onclick = (e) => { if (e.target.id === "viewer") closeDoc(); };
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeDoc(); });

  // ---- deep links: #doc=ID opens a document, #story=ID shows a story (ids as in the parquet)
  async function follow() {
    const [key, value] = decodeURIComponent(location.hash.slice(1)).split("=", 2);
    if (key === "doc") {
      const row = D.id.indexOf(value);
      if (row >= 0) await openDoc(row);
      else $("notice").textContent = `no document ${value} in this report`;
    } else if (key === "story") {
      const k = S.findIndex((s) => s.id === value);
      if (k < 0) { $("notice").textContent = `no story ${value} in this report`; return; }
      $("viewer").hidden = true;
      storyOnly = k; show("stories"); filterStories();
    }
  }
  window.addEventListener("hashchange", follow);

  filterStories();
  await filterDocs();
  await follow();
  document.body.dataset.readyMs = Math.round(performance.now());  // since navigation began
  document.body.dataset.ready = "1";
})().catch((e) => {
  document.body.insertAdjacentHTML("afterbegin", `<p style="color:#c62828">report failed to load: ${e}</p>`);
  throw e;
});
