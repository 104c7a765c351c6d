// conceptgraph explorer: the one page the server serves. A plain ES module
// with no dependencies; it talks only to its own server (/api/...).
//
// Everything on screen follows from `state`, which the URL carries, so a
// view can be bookmarked and shared and back/forward work. Text from the
// notes (names, summaries, evidence) reaches the DOM only through
// textContent and text nodes, never as HTML; the Graphviz drawing is parsed
// as XML and stripped of anything active before it is adopted.

const DEFAULT_TOP = 25; // the opening overview: about this many concepts, the most connected with their neighbours
const DEFAULT_DEPTH = 2;
const MAX_DEPTH = 4; // the control's range; the server accepts a little more
const SUGGEST_LIMIT = 8;
const MODES = ["explore", "path", "prereq"];
const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

// Zoom limits, and the largest scale "fit" uses, so that a view of three
// concepts is not blown up to fill a wide screen.
const MIN_SCALE = 0.04;
const MAX_SCALE = 5;
const MAX_FIT_SCALE = 1.6;
// Below this scale labels get hard to read: a first look at a big drawing
// shows its top at a readable size instead (Fit still shows all of it).
const READABLE_SCALE = 0.85;
const DRAG_THRESHOLD = 4; // px a press must move before it pans instead of clicking

// How a relation reads from each of its ends: [said of "from", said of
// "to"]. The side panel describes the selected concept's relations this way.
const VERBS = {
  type_of: ["is a type of", "has type"],
  example_of: ["is an example of", "has example"],
  part_of: ["is part of", "has part"],
  uses: ["uses", "is used by"],
  requires: ["requires", "is required by"],
  compared_with: ["is compared with", "is compared with"],
  opposite_of: ["is the opposite of", "is the opposite of"],
};
// Drawn dashed and without arrows in the SVG; the legend swatches match.
const SYMMETRIC = new Set(["compared_with", "opposite_of"]);

// ---------------------------------------------------------------------------
// Small helpers

const $ = (sel) => document.querySelector(sel);

// el builds an element. "text" sets textContent; "on…" props add listeners;
// "dataset" fills data- attributes; string children become text nodes.
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k === "style") for (const [p, x] of Object.entries(v)) e.style.setProperty(p, x);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) e.append(c);
  return e;
}

// fill replaces parent's children, taking the same children as el: nested
// arrays are flattened and null or false left out.
function fill(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false));
}

function button(label, onclick, props = {}) {
  return el("button", { type: "button", onclick, ...props }, label);
}

function clampInt(s, lo, hi, fallback) {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
}

function splitList(s) {
  return (s || "").split(",").map((x) => x.trim()).filter(Boolean);
}

const loc = (x) => `${x.file}:${x.line}`;
const relKey = (from, to, type) => `${from}|${to}|${type}`;
const plural = (n, one, many = one + "s") => `${n} ${n === 1 ? one : many}`;
const isAbort = (err) => err?.name === "AbortError";

// A colour from the server goes into a CSS custom property; accept only
// what a colour looks like.
const safeColor = (c) => (/^#[0-9a-f]{3,8}$/i.test(c || "") ? c : "#777777");

// ---------------------------------------------------------------------------
// The API

// api fetches path and returns {ok, status, data} or, for any failure the
// person should read, {ok: false, status, error, suggestions}. Only an
// abort (a newer request replaced this one) is thrown.
async function api(path, { signal, as = "json" } = {}) {
  let res;
  try {
    res = await fetch(path, { signal, headers: { Accept: as === "text" ? "image/svg+xml" : "application/json" } });
  } catch (err) {
    if (isAbort(err)) throw err;
    return { ok: false, status: 0, error: "The conceptgraph server cannot be reached. Is it still running?", suggestions: [] };
  }
  if (res.ok) {
    try {
      return { ok: true, status: res.status, data: as === "text" ? await res.text() : await res.json() };
    } catch (err) {
      if (isAbort(err)) throw err;
      return { ok: false, status: res.status, error: "The server sent an answer this page cannot read.", suggestions: [] };
    }
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not the API's error shape (a proxy, a crash); fall back to the status.
  }
  return {
    ok: false,
    status: res.status,
    error: typeof body?.error === "string" && body.error ? body.error : `${res.status} ${res.statusText}`.trim(),
    suggestions: Array.isArray(body?.suggestions) ? body.suggestions : [],
  };
}

// viewQuery is the query naming a view, shared by /api/view, /api/svg and
// /api/export so the three always describe the same drawing.
function viewQuery(spec) {
  const q = new URLSearchParams();
  if (spec.ids) {
    q.set("ids", spec.ids.join(","));
  } else if (spec.focus) {
    q.set("focus", spec.focus);
    q.set("depth", String(spec.depth));
  } else if (spec.top) {
    q.set("top", String(spec.top));
  }
  if (spec.types.length) q.set("types", spec.types.join(","));
  if (spec.tags?.length) q.set("tag", spec.tags.join(","));
  return q;
}

// ---------------------------------------------------------------------------
// State and the URL

const state = {
  mode: "explore",
  focus: "", // id or name of the concept the view centres on; "" for no focus
  depth: DEFAULT_DEPTH,
  types: [], // relation types kept; empty keeps all
  tags: [], // only concepts with any of these tags (the focus too); empty keeps all
  layout: "",
  top: DEFAULT_TOP, // with no focus: the overview's size; 0 draws the whole graph
  sel: "", // the concept shown in the side panel
  from: "", // path mode
  to: "",
  directed: false,
  of: "", // prerequisite mode
};

function stateFromURL() {
  const p = new URLSearchParams(location.search);
  const top = p.get("top");
  return {
    mode: MODES.includes(p.get("mode")) ? p.get("mode") : "explore",
    focus: (p.get("focus") || "").trim(),
    depth: clampInt(p.get("depth"), 0, MAX_DEPTH, DEFAULT_DEPTH),
    types: splitList(p.get("types")),
    tags: splitList(p.get("tag")).map((t) => t.replace(/^#+/, "")).filter(Boolean),
    layout: p.get("layout") || "",
    top: top === null ? DEFAULT_TOP : top === "all" ? 0 : clampInt(top, 0, 10000, DEFAULT_TOP),
    sel: p.get("sel") || "",
    from: p.get("from") || "",
    to: p.get("to") || "",
    directed: p.get("directed") === "true",
    of: p.get("of") || "",
  };
}

// urlFromState writes only what differs from the defaults, so shared links
// stay short.
function urlFromState() {
  const p = new URLSearchParams();
  if (state.mode !== "explore") p.set("mode", state.mode);
  if (state.focus) p.set("focus", state.focus);
  else if (state.top !== DEFAULT_TOP) p.set("top", state.top === 0 ? "all" : String(state.top));
  if (state.depth !== DEFAULT_DEPTH) p.set("depth", String(state.depth));
  if (state.types.length) p.set("types", state.types.join(","));
  if (state.tags.length) p.set("tag", state.tags.join(","));
  if (state.layout && state.layout !== status.layouts[0]) p.set("layout", state.layout);
  if (state.mode === "path") {
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    if (state.directed) p.set("directed", "true");
  }
  if (state.mode === "prereq" && state.of) p.set("of", state.of);
  if (state.sel) p.set("sel", state.sel);
  const qs = p.toString();
  return location.pathname + (qs ? "?" + qs : "");
}

// commit records the state in the URL: a new history entry for a new view,
// a replaced one for a change within it (the selection).
function commit({ push = true } = {}) {
  const url = urlFromState();
  if (url === location.pathname + location.search) return;
  history[push ? "pushState" : "replaceState"](null, "", url);
}

// normalize drops what the server would refuse: unknown types, layouts
// and tags (a tag the notes no longer have, after an edit). A tag is
// written as the notes write it.
function normalize() {
  const known = new Set(status.types.map((t) => t.type));
  state.types = state.types.filter((t) => known.has(t));
  if (state.types.length === known.size) state.types = [];
  if (!status.layouts.includes(state.layout)) state.layout = status.layouts[0] || "dot";
  const tags = [];
  for (const t of state.tags) {
    const tag = knownTag(t);
    if (tag && !tags.some((x) => sameTag(x, tag))) tags.push(tag);
  }
  state.tags = tags;
}

// Tags compare ignoring case, and a tag names those nested under it
// ("db" names "db/sql"), as the server compares them.
const tagKey = (t) => t.normalize("NFC").toLowerCase();
const sameTag = (a, b) => tagKey(a) === tagKey(b);
const tagUnder = (t, parent) => sameTag(t, parent) || tagKey(t).startsWith(tagKey(parent) + "/");

// knownTag returns tag as the notes write it, or "" when no concept has
// it (nor a tag nested under it).
function knownTag(tag) {
  const exact = status.tags.find((t) => sameTag(t.name, tag));
  if (exact) return exact.name;
  return status.tags.some((t) => tagUnder(t.name, tag)) ? tag : "";
}

// ---------------------------------------------------------------------------
// Loading state, for people (a "Loading…" tag) and for tests: body
// data-state is "loading" while anything is in flight and "ready" after.

let pending = 0;
function busy(delta) {
  pending = Math.max(0, pending + delta);
  document.body.dataset.state = pending > 0 ? "loading" : "ready";
}

// ---------------------------------------------------------------------------
// Server status: counts, relation types and colours, layouts, hubs

let status = { version: 0, concepts: 0, relations: 0, error: "", types: [], layouts: ["dot"], hubs: [], maxDrawn: 0, related: 0, tags: [] };

async function loadStatus() {
  const r = await api("/api/status");
  if (!r.ok) return r;
  status = {
    ...status,
    ...r.data,
    types: r.data.types || [],
    layouts: r.data.layouts?.length ? r.data.layouts : ["dot"],
    hubs: r.data.hubs || [],
    tags: Array.isArray(r.data.tags) ? r.data.tags : [],
  };
  setVersion(status.version);
  $("#stats").textContent = `${plural(status.concepts, "concept")} · ${plural(status.relations, "relation")}`;
  $("#stats").title = `graph version ${status.version}`;
  if (status.error) showBanner(status.error);
  else hideBanner();
  const whole = $("#show-all");
  const tooBig = status.maxDrawn > 0 && status.related > status.maxDrawn;
  whole.title = tooBig
    ? `The whole graph has ${status.related} concepts with relations, more than the ${status.maxDrawn} that can be drawn at once`
    : "Every concept and relation";
  return r;
}

function setVersion(v) {
  document.body.dataset.version = String(v);
}

const colorOf = (type) => safeColor(status.types.find((t) => t.type === type)?.color);

// swatch is a short line in a relation type's colour, dashed like the SVG
// draws symmetric relations.
function swatch(type) {
  return el("span", {
    class: "swatch" + (SYMMETRIC.has(type) ? " symmetric" : ""),
    style: { "--c": colorOf(type) },
    "aria-hidden": "true",
  });
}

function typeChip(type) {
  return el("span", { class: "type-chip", dataset: { type } }, swatch(type), type);
}

// ---------------------------------------------------------------------------
// Controls: legend, depth, layout, modes, export links

function buildLegend() {
  const box = $("#legend");
  box.querySelectorAll("label").forEach((l) => l.remove());
  for (const { type } of status.types) {
    const input = el("input", { type: "checkbox", dataset: { type }, checked: true });
    input.addEventListener("change", onLegendChange);
    box.append(
      el(
        "label",
        { title: `Show ${type} relations` },
        input,
        swatch(type),
        el("span", { class: "type-name", text: type }),
        el("span", { class: "count", dataset: { countFor: type } }),
      ),
    );
  }
}

function onLegendChange(e) {
  const boxes = [...document.querySelectorAll("#legend input[data-type]")];
  const kept = boxes.filter((b) => b.checked).map((b) => b.dataset.type);
  if (kept.length === 0) {
    // The API reads no types as all types; showing no relations at all
    // would draw nothing useful, so the last type stays on.
    e.target.checked = true;
    e.target.closest("label").title = "At least one relation type stays shown";
    return;
  }
  state.types = kept.length === boxes.length ? [] : kept;
  commit();
  refresh();
}

function fillLayouts() {
  fill($("#layout"), ...status.layouts.map((l) => el("option", { value: l, text: l })));
}

// syncTagFilter shows the tag filter when the notes have tags: a button
// for each tag kept, which lets go of it, and a list of the other tags to
// add one (a concept with any of them is kept). A path or a learning
// order draws all of its concepts: there the filter waits, disabled.
function syncTagFilter() {
  const box = $("#tag-filter");
  box.hidden = status.tags.length === 0;
  if (box.hidden) return;
  const off = state.mode !== "explore";
  box.title = off ? "A path or a learning order shows every concept on it, whatever its tags" : "";
  fill(
    $("#tag-chips"),
    state.tags.map((t) =>
      el(
        "li",
        {},
        button(["#" + t, el("span", { class: "unpick", "aria-hidden": "true", text: "×" })], () => dropTag(t), {
          class: "tag-chip",
          dataset: { tag: t },
          "aria-label": `Stop filtering by #${t}`,
          title: `Show the concepts without #${t} again`,
          disabled: off,
        }),
      ),
    ),
  );
  const select = $("#tag");
  fill(
    select,
    el("option", { value: "", text: state.tags.length ? "or…" : "all" }),
    status.tags
      .filter((t) => !state.tags.some((x) => sameTag(x, t.name)))
      .map((t) => el("option", { value: t.name, text: `#${t.name} · ${t.concepts}` })),
  );
  select.value = "";
  select.disabled = off;
}

function dropTag(tag) {
  state.tags = state.tags.filter((t) => !sameTag(t, tag));
  commit();
  refresh();
}

// showTag shows the concepts with tag: the overview (or the whole graph,
// if that is what is shown) of them alone, the selection kept.
function showTag(tag) {
  state.mode = "explore";
  state.focus = "";
  state.tags = [knownTag(tag) || tag];
  commit();
  refresh();
}

// syncControls makes every control show the state (after popstate, or a
// change made elsewhere).
function syncControls() {
  $("#depth").value = String(state.depth);
  $("#layout").value = state.layout;
  for (const b of document.querySelectorAll("#legend input[data-type]")) {
    b.checked = state.types.length === 0 || state.types.includes(b.dataset.type);
  }
  syncTagFilter();
  for (const m of MODES) $(`#mode-${m}`).setAttribute("aria-pressed", String(state.mode === m));
  $("#path-pane").hidden = state.mode !== "path";
  $("#prereq-pane").hidden = state.mode !== "prereq";
  $("#path-directed").checked = state.directed;
  syncPickInput($("#path-from"), state.from);
  syncPickInput($("#path-to"), state.to);
  syncPickInput($("#prereq-of"), state.of);
  $("#show-overview").setAttribute("aria-pressed", String(state.mode === "explore" && !state.focus && state.top > 0));
  $("#show-all").setAttribute("aria-pressed", String(state.mode === "explore" && !state.focus && state.top === 0));
  updateSheetTitle();
}

// syncPickInput shows value (an id or a name) in a concept input unless it
// already names it, or value is empty: a half-typed name stays.
function syncPickInput(input, value) {
  if (!value || input.dataset.id === value || input.value === value) return;
  prefill(input, value);
}

// prefill puts a concept in a picker input: its name, as far as the page
// knows it, and its id.
function prefill(input, id) {
  input.value = diagram.index?.concepts.get(id)?.name ?? (panelShows === id ? $("#panel-title")?.textContent : null) ?? id;
  input.dataset.id = id;
}

function updateExportLinks(spec) {
  for (const a of document.querySelectorAll('a[id^="export-"]')) {
    const q = viewQuery(spec);
    q.set("layout", state.layout);
    q.set("format", a.id.slice("export-".length));
    a.href = "/api/export?" + q;
  }
}

function installControls() {
  $("#depth").addEventListener("change", (e) => {
    state.depth = clampInt(e.target.value, 0, MAX_DEPTH, DEFAULT_DEPTH);
    if (state.mode === "explore" && !state.focus) {
      // Depth means "around a concept": with none focused yet, centre on
      // the selected one, or the most connected.
      state.focus = state.sel || status.hubs[0]?.id || "";
    }
    commit();
    refresh();
  });
  $("#layout").addEventListener("change", (e) => {
    state.layout = e.target.value;
    commit();
    refresh();
  });
  $("#tag").addEventListener("change", (e) => {
    const tag = e.target.value;
    if (!tag || state.tags.some((t) => sameTag(t, tag))) return;
    state.tags = [...state.tags, tag];
    commit();
    refresh();
  });
  $("#show-overview").addEventListener("click", showOverview);
  $("#show-all").addEventListener("click", showWhole);
  $("#zoom-in").addEventListener("click", () => zoomCentre(1.3));
  $("#zoom-out").addEventListener("click", () => zoomCentre(1 / 1.3));
  $("#zoom-fit").addEventListener("click", () => fit());
  for (const m of MODES) $(`#mode-${m}`).addEventListener("click", () => setMode(m));
  $("#banner-close").addEventListener("click", () => {
    dismissedError = bannerError;
    hideBanner();
  });
  $("#sheet-toggle").addEventListener("click", () => setSheet(!document.body.classList.contains("sheet-open")));
  installExportMenu();
  scrollCue($("#legend"));

  $("#path-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.from = pickedValue($("#path-from"));
    state.to = pickedValue($("#path-to"));
    state.directed = $("#path-directed").checked;
    state.mode = "path";
    commit();
    refresh();
  });
  $("#path-swap").addEventListener("click", () => {
    const a = $("#path-from"), b = $("#path-to");
    [a.value, b.value] = [b.value, a.value];
    [a.dataset.id, b.dataset.id] = [b.dataset.id ?? "", a.dataset.id ?? ""];
    for (const x of [a, b]) if (!x.dataset.id) delete x.dataset.id;
  });
  $("#prereq-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.of = pickedValue($("#prereq-of"));
    state.mode = "prereq";
    commit();
    refresh();
  });

  combobox($("#search"), $("#suggestions"), {
    onPick: (c) => {
      $("#search").value = "";
      $("#search").blur();
      focusOn(c.id);
    },
    // Enter on text that matches nothing: ask for it anyway, so the
    // server's "did you mean" answers.
    onText: (text) => focusOn(text),
  });
  combobox($("#path-from"), $("#path-from-suggestions"), { onPick: () => $("#path-to").focus() });
  combobox($("#path-to"), $("#path-to-suggestions"), { onPick: () => $("#path-go").focus() });
  combobox($("#prereq-of"), $("#prereq-of-suggestions"), { onPick: () => $("#prereq-go").focus() });

  document.addEventListener("keydown", onShortcut);
  window.addEventListener("popstate", () => {
    Object.assign(state, stateFromURL());
    normalize();
    refresh();
  });
}

// installExportMenu folds the export links into a menu at phone width
// (the CSS shows the button there only): the button opens it; picking a
// link, Escape or a press elsewhere closes it.
function installExportMenu() {
  const toggle = $("#export-toggle");
  const links = $("#export-links");
  const open = () => toggle.getAttribute("aria-expanded") === "true";
  const set = (on) => {
    toggle.setAttribute("aria-expanded", String(on));
    links.classList.toggle("open", on);
  };
  toggle.addEventListener("click", () => set(!open()));
  links.addEventListener("click", (e) => {
    if (e.target.closest("a")) set(false);
  });
  document.addEventListener("pointerdown", (e) => {
    if (open() && !e.target.closest?.(".export")) set(false);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && open()) {
      e.preventDefault(); // closing the menu is all Escape does here
      set(false);
      toggle.focus();
    }
  });
}

// scrollCue marks a row that scrolls sideways (the legend, at phone
// width) with "more-left" and "more-right" while there is more to see
// that way, which the CSS shows as a fade at that edge.
function scrollCue(row) {
  const update = () => {
    const rest = row.scrollWidth - row.clientWidth - row.scrollLeft;
    row.classList.toggle("more-left", row.scrollLeft > 1);
    row.classList.toggle("more-right", rest > 1);
  };
  row.addEventListener("scroll", update, { passive: true });
  new ResizeObserver(update).observe(row);
  new MutationObserver(update).observe(row, { childList: true, subtree: true, characterData: true });
  update();
}

const pickedValue = (input) => input.dataset.id || input.value.trim();

// onShortcut: "/" to search, + − 0 to zoom, Escape to let go of the
// selection; never while typing.
function onShortcut(e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest?.("input, textarea, select, [contenteditable]")) return;
  switch (e.key) {
    case "/":
      e.preventDefault();
      $("#search").focus();
      $("#search").select();
      break;
    case "+":
    case "=":
      zoomCentre(1.3);
      break;
    case "-":
      zoomCentre(1 / 1.3);
      break;
    case "0":
      fit();
      break;
    case "Escape":
      if (state.sel) select("");
      break;
  }
}

// ---------------------------------------------------------------------------
// Navigation

function focusOn(idOrName) {
  state.mode = "explore";
  state.focus = idOrName;
  state.sel = idOrName;
  commit();
  refresh();
}

function showOverview() {
  state.mode = "explore";
  state.focus = "";
  state.top = DEFAULT_TOP;
  commit();
  refresh();
}

function showWhole() {
  state.mode = "explore";
  state.focus = "";
  state.top = 0;
  commit();
  refresh();
}

function setMode(mode) {
  if (state.mode === mode) return;
  state.mode = mode;
  // Start a path or a learning order from what is being looked at.
  const here = state.sel || state.focus;
  if (here && mode === "path" && !state.from && !$("#path-from").value) prefill($("#path-from"), here);
  if (here && mode === "prereq" && !state.of && !$("#prereq-of").value) prefill($("#prereq-of"), here);
  commit();
  if (mode !== "explore") setSheet(true);
  refresh().then(() => {
    if (!matchMedia("(pointer: fine)").matches) return; // no keyboard popping up on phones
    if (mode === "path") ($("#path-from").value ? $("#path-to") : $("#path-from")).focus();
    if (mode === "prereq" && !state.of) $("#prereq-of").focus();
  });
}

// startPath begins a path at c: the "to" end is for the person to pick.
function startPath(c) {
  state.mode = "path";
  state.from = "";
  state.to = "";
  prefill($("#path-from"), c.id);
  $("#path-from").value = c.name;
  $("#path-to").value = "";
  delete $("#path-to").dataset.id;
  commit();
  setSheet(true);
  refresh().then(() => $("#path-to").focus());
}

function startPrereq(c) {
  state.of = c.id;
  state.mode = "prereq";
  commit();
  setSheet(true);
  refresh();
}

// ---------------------------------------------------------------------------
// Refreshing the view

let refreshCtl = null;

// trace is what a path or a learning order marks in the drawing: the
// concepts and relation keys to keep bright.
let trace = null;

// refresh redraws everything the state describes: the mode's query (path
// or learning order), then the diagram, then the side panel. A newer
// refresh cancels an older one still in flight.
async function refresh({ keepCamera = false } = {}) {
  refreshCtl?.abort();
  const ctl = (refreshCtl = new AbortController());
  const { signal } = ctl;
  busy(1);
  try {
    syncControls();
    trace = null;
    if (state.mode === "path") await runPath(signal);
    else if (state.mode === "prereq") await runPrereq(signal);
    else clearModeResults();
    const failed = await loadView(viewSpec(), { signal, keepCamera });
    // The drawing knows the names of concepts the order only gives by id.
    if (trace?.kind === "prereq") renderPrereq(trace.doc, trace.steps);
    if (failed?.status === 404 && state.sel === state.focus) {
      // The focus was not found: the view's message says so (with the
      // suggestions); the panel need not say it again.
      state.sel = "";
      commit({ push: false });
    }
    await loadPanel();
  } catch (err) {
    if (!isAbort(err)) {
      console.error(err);
      showViewError({ status: 0, error: `Something went wrong in this page: ${err.message}`, suggestions: [] });
    }
  } finally {
    busy(-1);
  }
}

// viewSpec is the view the diagram should draw for the state.
function viewSpec() {
  const types = state.types;
  if (trace?.kind === "path") {
    // Exactly the concepts of the path; with no path, the start's
    // neighbourhood.
    if (trace.hops.length) return { ids: [...trace.nodes], types };
    return { focus: trace.from.id, depth: state.depth, types };
  }
  // Exactly the concepts of the learning order.
  if (trace?.kind === "prereq") return { ids: [...trace.nodes], types };
  const tags = state.tags;
  if (state.focus) return { focus: state.focus, depth: state.depth, types, tags };
  return { top: state.top, types, tags };
}

// loadView fetches and draws a view; it returns the failure, if any, or null.
async function loadView(spec, { signal, keepCamera }) {
  // The size of the whole graph's drawing (its concepts with relations)
  // is known: do not download a graph too large to draw only to be told
  // so. With relation types hidden or tags chosen fewer may have one: the
  // server says.
  if (!spec.focus && !spec.ids?.length && !spec.top && !spec.types.length && !spec.tags?.length && status.maxDrawn > 0 && status.related > status.maxDrawn) {
    const tooLarge = {
      status: 413,
      error: `The whole graph has ${status.related} concepts with relations, more than the ${status.maxDrawn} that can be drawn at once. Focus on a concept: its view shows the ${status.maxDrawn} nearest.`,
      suggestions: [],
    };
    showViewError(tooLarge);
    return tooLarge;
  }
  const q = viewQuery(spec);
  const sq = new URLSearchParams(q);
  sq.set("layout", state.layout);
  const [v, s] = await Promise.all([
    api("/api/view?" + q, { signal }),
    api("/api/svg?" + sq, { signal, as: "text" }),
  ]);
  const failed = !v.ok ? v : !s.ok ? s : null;
  if (failed) {
    showViewError(failed);
    return failed;
  }
  let svg;
  try {
    svg = importSVG(s.data);
  } catch (err) {
    const bad = { status: 0, error: err.message, suggestions: [] };
    showViewError(bad);
    return bad;
  }
  // A focus given by name comes back as an id: keep the id in the URL.
  if (spec.focus && spec.focus === state.focus && v.data.focus && v.data.focus.id !== state.focus) {
    if (state.sel === state.focus) state.sel = v.data.focus.id;
    state.focus = v.data.focus.id;
    commit({ push: false });
  }
  mountDiagram(svg, v.data, spec, keepCamera);
  return null;
}

// showViewError puts a readable message where the drawing would be, with
// the server's suggestions (or the hubs, for a view too large) as links.
function showViewError(r) {
  clearDiagram();
  const tooLarge = r.status === 413 || r.status === 503;
  const heading =
    r.status === 404 ? "No such concept" : tooLarge ? "This view is too large to draw" : "This view could not be drawn";
  fill(
    $("#diagram"),
    el(
      "div",
      { class: "view-message", id: "view-error", role: "alert" },
      el("h2", { text: heading }),
      el("p", { text: r.error }),
      suggestionList(r.suggestions, "Did you mean:", focusOn),
      tooLarge && status.hubs.length ? suggestionList(status.hubs, "Start from one of the most connected concepts:", focusOn) : null,
      el("p", {}, button("Back to the overview", showOverview)),
    ),
  );
  fill($("#view-title"));
  renderApart(null);
  updateLegendCounts(null);
  $("#stage").classList.remove("has-drawing");
  document.title = "conceptgraph";
}

// suggestionList is a row of concept buttons under a label; empty for no
// concepts.
function suggestionList(concepts, label, onPick) {
  if (!concepts?.length) return null;
  return el(
    "div",
    { class: "suggestion-list" },
    el("p", { text: label }),
    el(
      "ul",
      { class: "chips" },
      concepts.map((c) =>
        el(
          "li",
          {},
          button([c.name, c.degree ? el("span", { class: "degree", text: ` ${c.degree}` }) : null], () => onPick(c.id), {
            dataset: { id: c.id },
          }),
        ),
      ),
    ),
  );
}

function renderViewTitle(view, spec) {
  const t = $("#view-title");
  const n = view?.graph.concepts.length ?? 0;
  const m = view?.graph.relations.length ?? 0;
  let main, sub;
  if (trace?.kind === "path") {
    main = `Path: ${trace.from.name} → ${trace.to.name}`;
    sub = trace.hops.length ? plural(trace.hops.length, "hop") : "not connected";
  } else if (trace?.kind === "prereq") {
    main = `Learning order for ${trace.target.name}`;
    sub = `${plural(trace.steps.filter((x) => x.id !== trace.target.id).length, "concept")} before it`;
  } else if (spec.focus) {
    main = view?.focus?.name ?? spec.focus;
    sub = `${plural(n, "concept")} within ${plural(spec.depth, "relation")}`;
    if (view?.omitted) sub += `, the nearest of ${n + view.omitted}: ${view.omitted} more not shown`;
  } else if (spec.top) {
    main = "Overview";
    sub = `the most connected concepts and their neighbours (about ${n})`;
  } else {
    main = "Whole graph";
    sub = `${plural(n + (view?.apart?.length ?? 0), "concept")}, ${plural(m, "relation")}`;
  }
  if (spec.tags?.length && view) sub += ` · tagged ${spec.tags.map((t) => "#" + t).join(" or ")}`;
  fill(t, main, view || trace ? el("span", { class: "sub", text: ` · ${sub}` }) : "");
  t.title = t.textContent;
  renderApart(view);
}

// renderApart lists the concepts of the view that the drawing leaves out
// (in the whole graph, those without relations), under the title: one
// line that opens into buttons showing each one's details.
function renderApart(view) {
  const box = $("#apart");
  const apart = view?.apart ?? [];
  box.hidden = apart.length === 0;
  if (!apart.length) {
    box.open = false;
    fill($("#apart-list"));
    return;
  }
  $("#apart-summary").textContent = `${plural(apart.length, "concept")} without relations, not drawn`;
  fill(
    $("#apart-list"),
    apart.map((c) => el("li", {}, button(c.name || c.id, () => select(c.id), { dataset: { id: c.id }, title: "Show details" }))),
  );
}

// ---------------------------------------------------------------------------
// The diagram: importing Graphviz's SVG

// importSVG parses the server's drawing as XML and returns an <svg> element
// of this document, stripped of anything that could run or load.
function importSVG(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== "svg" || doc.getElementsByTagName("parsererror").length) {
    throw new Error("The server sent a drawing this page cannot read.");
  }
  sanitize(root);
  return document.importNode(root, true);
}

// sanitize removes scripts, foreign content, animations (which can rewrite
// attributes), event handler attributes and links anywhere but within the
// drawing. Graphviz emits none of these; this is defence in depth.
function sanitize(root) {
  const banned = "script, foreignObject, iframe, object, embed, style, animate, set, animateMotion, animateTransform, image, use";
  for (const e of [...root.querySelectorAll(banned)]) e.remove();
  for (const e of [root, ...root.querySelectorAll("*")]) {
    for (const a of [...e.attributes]) {
      const name = a.localName.toLowerCase();
      const link = name === "href" || name === "src" || name === "action";
      if (name.startsWith("on") || (link && !a.value.trim().startsWith("#"))) e.removeAttributeNode(a);
    }
  }
}

const diagram = {
  svg: null,
  viewport: null, // our <g> around Graphviz's drawing; pan and zoom move it
  view: null, // the /api/view answer for the drawing
  index: null,
  camera: { k: 1, x: 0, y: 0 },
  userMoved: false, // the person panned or zoomed: a redraw of the same view keeps their camera
  placed: "fit", // how fit last placed the drawing, to place it alike on a resize
};

function clearDiagram() {
  Object.assign(diagram, { svg: null, viewport: null, view: null, index: null });
}

function mountDiagram(svg, view, spec, keepCamera) {
  const viewport = document.createElementNS(SVG_NS, "g");
  viewport.setAttribute("class", "viewport");
  // The page's own legend has the checkboxes; the drawing's legend would
  // repeat it (and its id "legend" would clash with #legend).
  svg.querySelector("g.legend")?.remove();
  const graph = svg.querySelector("g.graph");
  // Graphviz's white page and graph title: the page is white already, and
  // the title would be the tooltip of every empty spot.
  graph?.querySelector(":scope > polygon")?.remove();
  graph?.querySelector(":scope > title")?.remove();
  for (const a of ["width", "height", "viewBox", "id"]) svg.removeAttribute(a);
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Concept diagram");
  viewport.append(...svg.childNodes);
  svg.append(viewport);

  const index = indexView(svg, view);
  const box = $("#diagram");
  box.replaceChildren(svg);
  $("#stage").classList.add("has-drawing");
  Object.assign(diagram, { svg, viewport, view, index });
  if (keepCamera && diagram.userMoved) applyCamera();
  else fit({ readable: true });

  renderViewTitle(view, spec);
  updateLegendCounts(view);
  updateExportLinks(spec);
  markSelected();
  markTrace();
  document.title = (view.focus ? `${view.focus.name} — ` : "") + "conceptgraph";
}

// indexView links the drawing to the data: which element draws which
// concept or relation (from the view's "elements" map), and who neighbours
// whom, for highlighting.
function indexView(svg, view) {
  const concepts = new Map(view.graph.concepts.map((c) => [c.id, c]));
  const nodes = new Map();
  const edges = new Map();
  const neighbours = new Map();
  const incident = new Map();
  const add = (m, k, v) => (m.get(k) ?? m.set(k, new Set()).get(k)).add(v);
  for (const r of view.graph.relations) {
    const key = relKey(r.from, r.to, r.type);
    add(neighbours, r.from, r.to);
    add(neighbours, r.to, r.from);
    add(incident, r.from, key);
    add(incident, r.to, key);
  }
  const elements = view.elements || {};
  for (const g of svg.querySelectorAll("g.node, g.edge")) {
    if (!Object.hasOwn(elements, g.id)) continue;
    const target = elements[g.id];
    if (g.classList.contains("node")) {
      nodes.set(target, g);
      decorateNode(g, concepts.get(target) ?? { id: target, name: target, aliases: [] });
    } else {
      edges.set(target, g);
      decorateEdge(g, target);
    }
  }
  return { concepts, nodes, edges, neighbours, incident };
}

// decorateNode makes a concept's box a keyboard-reachable button whose
// tooltip is its name and aliases (Graphviz's is the bare id).
function decorateNode(g, c) {
  g.setAttribute("data-concept", c.id);
  g.setAttribute("tabindex", "0");
  g.setAttribute("role", "button");
  g.setAttribute("aria-label", c.name);
  const aliases = c.aliases?.length ? `\n${c.aliases.join(", ")}` : "";
  setTitle(g, `${c.name}${aliases}\nclick: details · double-click: focus`);
  for (const a of g.querySelectorAll("a")) dropLinkTitle(a);
}

// decorateEdge gives a relation the tooltip Graphviz put on its link (the
// relation and its first evidence) instead of "from->to".
function decorateEdge(g, key) {
  g.setAttribute("data-relation", key);
  const a = g.querySelector("a");
  const text = a ? a.getAttributeNS(XLINK_NS, "title") || a.getAttribute("xlink:title") : null;
  if (a) dropLinkTitle(a);
  if (text) setTitle(g, text);
}

function dropLinkTitle(a) {
  a.removeAttributeNS(XLINK_NS, "title");
  a.removeAttribute("xlink:title");
}

function setTitle(g, text) {
  let t = g.querySelector(":scope > title");
  if (!t) {
    t = document.createElementNS(SVG_NS, "title");
    g.prepend(t);
  }
  t.textContent = text;
}

function updateLegendCounts(view) {
  const counts = new Map();
  for (const r of view?.graph.relations ?? []) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  for (const span of document.querySelectorAll("#legend [data-count-for]")) {
    const n = counts.get(span.dataset.countFor);
    span.textContent = n ? String(n) : "";
  }
}

// ---------------------------------------------------------------------------
// The diagram: highlighting

function markSelected() {
  if (!diagram.svg) return;
  for (const g of diagram.svg.querySelectorAll(".node.selected")) g.classList.remove("selected");
  diagram.index.nodes.get(state.sel)?.classList.add("selected");
}

// hover brightens a concept, its neighbours and the relations between them
// and dims the rest; hover(null) undoes it.
function hover(id) {
  const { svg, index } = diagram;
  if (!svg) return;
  for (const e of svg.querySelectorAll(".hl")) e.classList.remove("hl");
  svg.classList.toggle("hovering", Boolean(id));
  if (!id) return;
  index.nodes.get(id)?.classList.add("hl");
  for (const n of index.neighbours.get(id) ?? []) index.nodes.get(n)?.classList.add("hl");
  for (const k of index.incident.get(id) ?? []) index.edges.get(k)?.classList.add("hl");
}

// markTrace brightens the concepts and relations of a path or learning
// order and dims the rest.
function markTrace() {
  const { svg, index } = diagram;
  if (!svg) return;
  for (const e of svg.querySelectorAll(".on-path")) e.classList.remove("on-path");
  svg.classList.toggle("tracing", Boolean(trace));
  if (!trace) return;
  for (const id of trace.nodes) index.nodes.get(id)?.classList.add("on-path");
  for (const k of trace.edges) index.edges.get(k)?.classList.add("on-path");
}

// ---------------------------------------------------------------------------
// The diagram: pan and zoom. The camera is a translate and scale on our
// viewport group, in CSS pixels of the #diagram box.

function applyCamera() {
  const { k, x, y } = diagram.camera;
  diagram.viewport?.setAttribute("transform", `translate(${x} ${y}) scale(${k})`);
}

// fit shows the whole drawing, centred. With readable, a drawing that
// would shrink below READABLE_SCALE is shown at a readable size instead,
// around its focus concept if it has one, else from its top left, for
// panning; Fit (the button) still shows all of it.
function fit({ readable = false } = {}) {
  if (!diagram.viewport) return;
  const box = diagram.viewport.getBBox(); // the drawing's extent, before our transform
  const { width, height } = $("#diagram").getBoundingClientRect();
  if (!box.width || !box.height || !width || !height) return;
  const pad = Math.min(32, width / 20);
  const top = captionRoom();
  let k = Math.min((width - 2 * pad) / box.width, (height - top - pad) / box.height, MAX_FIT_SCALE);
  let at = null;
  if (readable && k < READABLE_SCALE) {
    k = READABLE_SCALE;
    const focus = diagram.view?.focus && diagram.index?.nodes.get(diagram.view.focus.id);
    if (focus) at = centreOf(focus);
  }
  k = Math.max(MIN_SCALE, k);
  diagram.camera = {
    k,
    x: place(width, pad, pad, box.x, box.width, at?.x, k),
    y: place(height, top, pad, box.y, box.height, at?.y, k),
  };
  diagram.userMoved = false;
  diagram.placed = readable ? "readable" : "fit";
  applyCamera();
}

// captionRoom is how far from the top of the #diagram box the drawing
// starts so the caption (the view's title, and the line of concepts listed
// apart) does not cover it: on wide screens the caption floats over the
// drawing, as on a map; at phone width it is a strip above the box.
function captionRoom() {
  const box = $("#diagram").getBoundingClientRect();
  let bottom = box.top;
  for (const e of [$("#view-title"), $("#apart-summary")]) {
    const r = e.getBoundingClientRect();
    if (r.height && e.offsetParent) bottom = Math.max(bottom, r.bottom);
  }
  return Math.max(12, bottom - box.top + 8);
}

// place returns the offset along one side of the box (size, with margins
// start and end) for the drawing's extent [lo, lo+len] at scale k: centred
// if it fits, else with c (a point of the drawing) as near the middle as
// the drawing's edges allow, else from its start.
function place(size, start, end, lo, len, c, k) {
  const room = size - start - end;
  if (len * k <= room) return start + (room - len * k) / 2 - lo * k;
  const first = start - lo * k; // the drawing's start at the margin
  if (c == null) return first;
  const last = size - end - (lo + len) * k; // the drawing's end at the margin
  return Math.min(first, Math.max(last, start + room / 2 - c * k));
}

// centreOf returns the centre of an element of the drawing in the
// viewport's own coordinates (before our pan and zoom).
function centreOf(node) {
  const b = node.getBBox();
  const m = diagram.viewport.getCTM().inverse().multiply(node.getCTM());
  return new DOMPoint(b.x + b.width / 2, b.y + b.height / 2).matrixTransform(m);
}

// zoomAt scales by factor keeping the point (px, py) of the box still.
function zoomAt(factor, px, py) {
  const c = diagram.camera;
  const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, c.k * factor));
  const f = k / c.k;
  diagram.camera = { k, x: px - (px - c.x) * f, y: py - (py - c.y) * f };
  diagram.userMoved = true;
  applyCamera();
}

function zoomCentre(factor) {
  const r = $("#diagram").getBoundingClientRect();
  zoomAt(factor, r.width / 2, r.height / 2);
}

function panBy(dx, dy) {
  diagram.camera.x += dx;
  diagram.camera.y += dy;
  diagram.userMoved = true;
  applyCamera();
}

const conceptAt = (target) => (target instanceof Element ? target.closest("[data-concept]")?.getAttribute("data-concept") : null);

// installDiagram wires the #diagram box once; the drawings inside it come
// and go. A press that moves pans (one pointer) or zooms (two); one that
// does not is a click on whatever is under it.
function installDiagram(box) {
  const pointers = new Map();
  let drag = null; // {x, y, moved}
  let pinch = null; // {dist, mid}
  let justDragged = false;

  const pinchOf = () => {
    const [a, b] = [...pointers.values()];
    return { dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };

  box.addEventListener("pointerdown", (e) => {
    if (!diagram.svg || (e.pointerType === "mouse" && e.button !== 0)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 1) drag = { x: e.clientX, y: e.clientY, moved: false };
    if (pointers.size === 2) {
      pinch = pinchOf();
      if (drag) drag.moved = true;
    }
  });

  box.addEventListener("pointermove", (e) => {
    const p = pointers.get(e.pointerId);
    if (!p) return;
    p.x = e.clientX;
    p.y = e.clientY;
    if (pinch && pointers.size >= 2) {
      const now = pinchOf();
      const r = box.getBoundingClientRect();
      zoomAt(now.dist / pinch.dist, now.mid.x - r.left, now.mid.y - r.top);
      panBy(now.mid.x - pinch.mid.x, now.mid.y - pinch.mid.y);
      pinch = now;
      return;
    }
    if (!drag) return;
    if (!drag.moved) {
      if (Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < DRAG_THRESHOLD) return;
      drag.moved = true;
      // Captured only once it is a drag: capturing on press would send the
      // click to the box instead of the concept under the pointer.
      box.setPointerCapture(e.pointerId);
      box.classList.add("dragging");
      hover(null);
    }
    panBy(e.clientX - drag.x, e.clientY - drag.y);
    drag.x = e.clientX;
    drag.y = e.clientY;
  });

  const release = (e) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 1 && drag) {
      // The remaining finger carries on panning from where it is.
      const [rest] = pointers.values();
      drag.x = rest.x;
      drag.y = rest.y;
    }
    if (pointers.size === 0 && drag) {
      if (drag.moved) {
        justDragged = true;
        setTimeout(() => (justDragged = false), 0);
      }
      drag = null;
      box.classList.remove("dragging");
    }
  };
  box.addEventListener("pointerup", release);
  box.addEventListener("pointercancel", release);

  box.addEventListener(
    "wheel",
    (e) => {
      if (!diagram.svg) return;
      e.preventDefault();
      const r = box.getBoundingClientRect();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? r.height : 1;
      // ctrlKey marks a trackpad pinch, whose deltas are small.
      const factor = Math.exp(-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.0015));
      zoomAt(factor, e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );

  box.addEventListener(
    "click",
    (e) => {
      if (justDragged) e.stopPropagation(); // the end of a pan is not a click
    },
    true,
  );
  box.addEventListener("click", (e) => {
    const id = conceptAt(e.target);
    if (id) select(id);
  });
  box.addEventListener("dblclick", (e) => {
    const id = conceptAt(e.target);
    if (!id) return;
    e.preventDefault();
    focusOn(id);
  });
  box.addEventListener("keydown", (e) => {
    const id = conceptAt(e.target);
    if (!id || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    if (e.shiftKey) focusOn(id);
    else select(id);
  });

  box.addEventListener("pointerover", (e) => {
    if (drag?.moved || pinch) return;
    const id = conceptAt(e.target);
    if (id) hover(id);
  });
  box.addEventListener("pointerout", (e) => {
    const from = conceptAt(e.target);
    if (from && from !== conceptAt(e.relatedTarget)) hover(null);
  });
  box.addEventListener("focusin", (e) => hover(conceptAt(e.target)));
  box.addEventListener("focusout", () => hover(null));

  // Refit when the box changes size, unless the person placed the camera.
  new ResizeObserver(() => {
    if (!diagram.userMoved) fit({ readable: diagram.placed === "readable" });
  }).observe(box);
}

// ---------------------------------------------------------------------------
// Selection and the side panel

let panelCtl = null;
let panelShows = ""; // id of the concept the panel shows

async function select(id) {
  if (id && id === state.sel && panelShows === id) {
    setSheet(true);
    return;
  }
  state.sel = id || "";
  commit({ push: false });
  markSelected();
  if (id) setSheet(true); // and reveal(id)
  await loadPanel();
}

// loadPanel fills #panel with the selected concept, fetched afresh.
async function loadPanel() {
  panelCtl?.abort();
  const id = state.sel;
  if (!id) {
    renderPanelPlaceholder();
    return;
  }
  const ctl = (panelCtl = new AbortController());
  busy(1);
  try {
    const r = await api(`/api/concepts/${encodeURIComponent(id)}`, { signal: ctl.signal });
    if (!r.ok) {
      renderPanelError(r);
      return;
    }
    if (r.data.id !== state.sel) {
      state.sel = r.data.id; // a name in the URL becomes the id
      commit({ push: false });
      markSelected();
    }
    renderConcept(r.data);
  } catch (err) {
    if (!isAbort(err)) throw err;
  } finally {
    busy(-1);
  }
}

function renderPanelPlaceholder() {
  panelShows = "";
  updateSheetTitle();
  if (state.mode !== "explore") {
    fill($("#panel"));
    return;
  }
  fill(
    $("#panel"),
    el(
      "div",
      { class: "panel-placeholder" },
      el("p", { text: "Click a concept in the diagram to see its definition, its relations and the sentences in your notes that state them." }),
      el("p", { text: "Double-click one to centre the view on it. Press / to search." }),
      suggestionList(status.hubs, "Most connected:", focusOn),
    ),
  );
}

function renderPanelError(r) {
  panelShows = "";
  updateSheetTitle();
  fill(
    $("#panel"),
    notice(r, (id) => select(id)),
    el("p", {}, button("Close", () => select(""))),
  );
}

function renderConcept(c) {
  panelShows = c.id;
  updateSheetTitle(c.name);
  const aliases = c.aliases ?? [];
  fill(
    $("#panel"),
    el(
      "div",
      { class: "panel-head" },
      el("h2", { id: "panel-title", text: c.name }),
      button("×", () => select(""), { id: "panel-close", class: "icon", "aria-label": "Close details", title: "Close (Esc)" }),
    ),
    aliases.length ? el("p", { class: "aliases-line", text: `Also: ${aliases.join(", ")}` }) : null,
    tagList(c.tags),
    el(
      "div",
      { class: "panel-actions" },
      button("Focus here", () => focusOn(c.id), { id: "panel-focus", disabled: state.mode === "explore" && state.focus === c.id }),
      button("Path from here", () => startPath(c), { id: "panel-path" }),
      button("What to learn first", () => startPrereq(c), { id: "panel-prereq" }),
    ),
    c.summary ? el("p", { class: "summary", text: c.summary }) : null,
    textList("Pros", c.pros),
    textList("Cons", c.cons),
    relationsSection(c),
    c.sources?.length
      ? [el("h3", { text: "Named in" }), el("ul", { class: "sources" }, c.sources.map((s) => el("li", { class: "loc", text: loc(s) })))]
      : null,
  );
}

// tagList is a concept's tags, each a button showing the concepts with
// that tag.
function tagList(tags) {
  if (!tags?.length) return null;
  const only = (t) => state.mode === "explore" && !state.focus && state.tags.length === 1 && sameTag(state.tags[0], t);
  return el(
    "ul",
    { class: "chips tags", "aria-label": "Tags" },
    tags.map((t) =>
      el(
        "li",
        {},
        button("#" + t, () => showTag(t), {
          class: "tag-chip",
          dataset: { tag: t },
          "aria-pressed": String(only(t)),
          title: `Show the concepts tagged #${t}`,
        }),
      ),
    ),
  );
}

function textList(title, items) {
  if (!items?.length) return null;
  return [el("h3", { text: title }), el("ul", { class: "plain" }, items.map((t) => el("li", { text: t })))];
}

// relationsSection lists the concept's relations grouped by type, in the
// legend's order, each read from this concept's side ("uses X", "is used
// by Y") with the evidence for it.
function relationsSection(c) {
  const rels = c.relations ?? [];
  if (!rels.length) return el("p", { class: "panel-placeholder", text: "No relations to other concepts were found for this one." });
  const order = status.types.map((t) => t.type);
  const groups = new Map();
  for (const r of rels) (groups.get(r.type) ?? groups.set(r.type, []).get(r.type)).push(r);
  const types = [...groups.keys()].sort((a, b) => rank(order, a) - rank(order, b));
  return [
    el("h3", { text: `Relations (${rels.length})` }),
    types.map((type) =>
      el(
        "section",
        { class: "rel-group", dataset: { type } },
        el("h4", {}, swatch(type), type, el("span", { class: "count", text: String(groups.get(type).length) })),
        el("ul", { class: "relations" }, groups.get(type).map((r) => relationItem(c, r))),
      ),
    ),
  ];
}

const rank = (order, t) => (order.includes(t) ? order.indexOf(t) : order.length);

function relationItem(c, r) {
  const [out, inn] = VERBS[r.type] ?? [r.type, `${r.type} (from the other side)`];
  const verb = r.direction === "in" ? inn : out;
  const sentence =
    r.direction === "in" ? `${r.other.name} ${r.type} ${c.name}` : `${c.name} ${r.type} ${r.other.name}`;
  return el(
    "li",
    { class: "relation", dataset: { type: r.type, direction: r.direction, other: r.other.id }, style: { "--c": colorOf(r.type) } },
    el(
      "div",
      { class: "rel-line", title: sentence },
      el("span", { class: "rel-verb", text: verb }),
      conceptLink(r.other, focusOn, "Focus on this concept"),
      typeof r.confidence === "number"
        ? el("span", { class: "confidence", title: "How directly the notes state it", text: r.confidence.toFixed(1) })
        : null,
    ),
    evidenceList(r.evidence),
  );
}

function conceptLink(ref, onPick, title) {
  return button(ref.name || ref.id, () => onPick(ref.id), { class: "concept-link", dataset: { id: ref.id }, title });
}

function evidenceList(evidence) {
  if (!evidence?.length) return null;
  return el(
    "ul",
    { class: "evidence-list" },
    evidence.map((ev) =>
      el(
        "li",
        { class: "evidence" },
        el("span", { class: "loc", text: loc(ev) }),
        el("span", { class: "ev-text", text: ev.text }),
        // The rule that read the relation here ("definition", "cue:uses"),
        // named in `go doc ./extract`.
        ev.rule ? el("span", { class: "rule", text: ev.rule, title: "the extraction rule that read this" }) : null,
      ),
    ),
  );
}

// notice is an API error as a readable box, with its suggestions as
// buttons.
function notice(r, onSuggest, { kind = "error" } = {}) {
  return el(
    "div",
    { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" },
    el("p", { text: r.error }),
    suggestionList(r.suggestions, "Did you mean:", onSuggest),
  );
}

// ---------------------------------------------------------------------------
// The bottom sheet (phone width) and its title

function setSheet(open) {
  document.body.classList.toggle("sheet-open", open);
  $("#sheet-toggle").setAttribute("aria-expanded", String(open));
  if (open && state.sel) reveal(state.sel);
}

// reveal pans the drawing so the concept id shows, if it is hidden: off
// the box, or (on a phone) under the open bottom sheet.
function reveal(id) {
  const g = diagram.index?.nodes.get(id);
  if (!g) return;
  const r = g.getBoundingClientRect();
  const box = $("#diagram").getBoundingClientRect();
  const side = $("#side").getBoundingClientRect();
  const sheet = getComputedStyle($("#side")).position === "fixed";
  const view = {
    left: box.left,
    right: box.right,
    top: box.top + captionRoom(),
    bottom: sheet ? Math.min(box.bottom, side.top) : box.bottom,
  };
  const inside = r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom;
  if (inside || view.bottom - view.top < 40) return;
  panBy((view.left + view.right) / 2 - (r.left + r.width / 2), (view.top + view.bottom) / 2 - (r.top + r.height / 2));
}

function updateSheetTitle(name) {
  const label = { explore: "Details", path: "Path", prereq: "Learning order" }[state.mode];
  $("#sheet-title").textContent = name && state.mode === "explore" ? name : label;
}

// ---------------------------------------------------------------------------
// Path mode

function clearModeResults() {
  fill($("#path-result"));
  fill($("#prereq-result"));
}

async function runPath(signal) {
  const out = $("#path-result");
  if (!state.from || !state.to) {
    fill(out, el("p", { class: "hint", text: "Pick two concepts to see the chain of relations that joins them." }));
    return;
  }
  const q = new URLSearchParams({ from: state.from, to: state.to, directed: String(state.directed) });
  if (state.types.length) q.set("types", state.types.join(","));
  fill(out, el("p", { class: "hint", text: "Looking for a path…" }));
  const r = await api("/api/path?" + q, { signal });
  if (!r.ok) {
    fill(out, notice(r, (id) => fixPathEnd(r, id)));
    return;
  }
  const p = r.data;
  // Show the names, keep the ids in the URL.
  for (const [input, ref] of [[$("#path-from"), p.from], [$("#path-to"), p.to]]) {
    input.value = ref.name;
    input.dataset.id = ref.id;
  }
  if (state.from !== p.from.id || state.to !== p.to.id) {
    state.from = p.from.id;
    state.to = p.to.id;
    commit({ push: false });
  }
  const nodes = new Set([p.from.id, p.to.id]);
  const edges = new Set();
  for (const h of p.hops) {
    nodes.add(h.from.id);
    nodes.add(h.to.id);
    // A hop walked against its relation names the relation back to front.
    edges.add(h.reversed ? relKey(h.to.id, h.from.id, h.type) : relKey(h.from.id, h.to.id, h.type));
  }
  trace = { kind: "path", from: p.from, to: p.to, hops: p.hops, nodes, edges };
  renderPath(p);
}

// fixPathEnd replaces the end the server could not find with a suggestion:
// the one whose text the error quotes, else the first unresolved one.
function fixPathEnd(r, id) {
  const fromMissing = r.error.includes(state.from) && !r.error.includes(state.to);
  if (fromMissing) state.from = id;
  else state.to = id;
  commit();
  refresh();
}

function renderPath(p) {
  const out = $("#path-result");
  if (!p.hops.length) {
    const same = p.from.id === p.to.id;
    const why = [];
    if (state.types.length) why.push("only the relation types ticked in the legend are followed");
    if (state.directed) why.push("relations are only followed forwards");
    fill(
      out,
      el(
        "div",
        { class: "notice", role: "status" },
        el("p", {
          text: same
            ? `${p.from.name} and ${p.to.name} are the same concept.`
            : `No chain of relations joins ${p.from.name} and ${p.to.name}.`,
        }),
        !same && why.length ? el("p", { text: `Note: ${why.join("; ")}.` }) : null,
      ),
    );
    return;
  }
  fill(
    out,
    el("p", {}, el("strong", { text: `${p.from.name} → ${p.to.name}` }), `: ${plural(p.hops.length, "hop")}`),
    el(
      "ol",
      { class: "hops" },
      p.hops.map((h) =>
        el(
          "li",
          { class: "hop", dataset: { type: h.type, from: h.from.id, to: h.to.id } },
          el(
            "div",
            { class: "hop-line", title: h.reversed ? `${h.to.name} ${h.type} ${h.from.name}` : `${h.from.name} ${h.type} ${h.to.name}` },
            conceptLink(h.from, select, "Show details"),
            el("span", { class: "hop-arrow", "aria-hidden": "true", text: h.reversed ? "←" : "→" }),
            typeChip(h.type),
            el("span", { class: "hop-arrow", "aria-hidden": "true", text: h.reversed ? "←" : "→" }),
            conceptLink(h.to, select, "Show details"),
          ),
          // The notes state this one the other way round; say so in words.
          h.reversed ? el("p", { class: "reversed-note", text: `${h.to.name} ${h.type} ${h.from.name}` }) : null,
          evidenceList(h.evidence),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------
// Prerequisite mode

async function runPrereq(signal) {
  const out = $("#prereq-result");
  if (!state.of) {
    fill(out, el("p", { class: "hint", text: "Pick a concept to see what to learn before it, in order." }));
    return;
  }
  fill(out, el("p", { class: "hint", text: "Working out the order…" }));
  const r = await api("/api/prerequisites?" + new URLSearchParams({ of: state.of }), { signal });
  if (!r.ok) {
    // 501 (not available on this server) is news, not a failure of the page.
    const pick = (id) => {
      state.of = id;
      commit();
      refresh();
    };
    fill(out, notice(r, pick, { kind: r.status === 501 ? "info" : "error" }));
    return;
  }
  const d = r.data;
  const steps = d.steps ?? [];
  const input = $("#prereq-of");
  input.value = d.target.name;
  input.dataset.id = d.target.id;
  if (state.of !== d.target.id) {
    state.of = d.target.id;
    commit({ push: false });
  }
  const edges = new Set();
  for (const s of steps) {
    for (const b of s.because ?? []) {
      const ends = relationEnds(b, s.id);
      if (ends) edges.add(relKey(ends.from, ends.to, b.type));
    }
  }
  trace = {
    kind: "prereq",
    doc: d,
    target: d.target,
    steps,
    nodes: new Set([d.target.id, ...steps.map((s) => s.id)]),
    edges,
  };
  renderPrereq(d, steps);
}

// relationEnds reads the ends of a "because" relation, given as in the
// graph JSON (from, to: ids, or {id, name}) or as in a concept's relations
// (direction, other) seen from the step.
function relationEnds(b, stepID) {
  const id = (x) => (typeof x === "string" ? x : x?.id);
  if (b.from && b.to) return { from: id(b.from), to: id(b.to) };
  if (b.other && b.direction) {
    return b.direction === "in" ? { from: id(b.other), to: stepID } : { from: stepID, to: id(b.other) };
  }
  return null;
}

// renderPrereq lists the learning order: the steps before the target,
// numbered, each with the relations that put it there and their evidence,
// then the target itself, then the cycles that had to be broken.
function renderPrereq(d, steps) {
  // The document names every concept it mentions, those only compared
  // with included; the steps' own names come first.
  const names = new Map([...Object.entries(d.names ?? {}), [d.target.id, d.target.name], ...steps.map((s) => [s.id, s.name])]);
  const name = (x) =>
    typeof x === "string" ? names.get(x) ?? diagram.index?.concepts.get(x)?.name ?? x : x?.name ?? x?.id ?? "?";
  const before = steps.filter((s) => s.id !== d.target.id);
  const cycles = d.cycles ?? [];
  const broken = d.broken ?? [];
  fill(
    $("#prereq-result"),
    before.length
      ? el("p", {}, "To understand ", el("strong", { text: d.target.name }), `, learn ${before.length === 1 ? "this" : "these"} first, in this order:`)
      : el("p", { text: `Nothing in the notes has to come before ${d.target.name}.` }),
    el(
      "ol",
      { class: "steps" },
      steps.map((s) => {
        const goal = s.id === d.target.id;
        return el(
          "li",
          { class: "step" + (goal ? " goal" : ""), dataset: { id: s.id } },
          el("div", { class: "step-line" }, conceptLink(s, select, "Show details"), goal ? el("span", { class: "goal-tag", text: "goal" }) : null),
          el("ul", { class: "relations" }, (s.because ?? []).map((b) => reasonItem(b, s.id, name))),
          s.compare?.length
            ? el(
                "p",
                { class: "compare-line" },
                "Compare with ",
                s.compare.flatMap((c, i) => {
                  const other = relationEnds(c, s.id);
                  const id = other && other.from === s.id ? other.to : other?.from;
                  return [i ? ", " : "", conceptLink({ id, name: name(id) }, select, `${name(c.from)} ${c.type} ${name(c.to)}`)];
                }),
              )
            : null,
        );
      }),
    ),
    cycles.length
      ? [
          el("h3", { text: "Cycles" }),
          el("p", { text: "These concepts need each other, so one link of each cycle was set aside to find an order:" }),
          el(
            "ul",
            { class: "plain" },
            cycles.map((cy, i) =>
              el("li", { class: "cycle" }, [...cy, cy[0]].map(name).join(" → "), broken[i]?.note ? el("p", { class: "reversed-note", text: broken[i].note }) : null),
            ),
          ),
        ]
      : null,
  );
}

// reasonItem is one relation that puts a step in the order: "because
// 도커 example_of 컨테이너 가상화", with its evidence.
function reasonItem(b, stepID, name) {
  const ends = relationEnds(b, stepID);
  const text = ends ? `${name(ends.from)} ${b.type} ${name(ends.to)}` : b.type;
  return el(
    "li",
    { class: "relation" + (b.setAside ? " set-aside" : ""), dataset: { type: b.type }, style: { "--c": colorOf(b.type) } },
    el(
      "div",
      { class: "rel-line" },
      el("span", { class: "rel-verb", text: "because" }),
      el("span", { text }),
      b.setAside ? el("span", { class: "confidence", text: "(set aside to break a cycle)" }) : null,
    ),
    evidenceList(b.evidence),
  );
}

// ---------------------------------------------------------------------------
// Reload banner and live reload

let dismissedError = "";
let bannerError = "";

// showBanner shows the server's problems, one a line (each names a note
// and, when known, a line in it).
function showBanner(msg) {
  if (msg === dismissedError) return; // dismissed once; a new problem shows again
  bannerError = msg;
  const problems = msg.split("\n").filter((line) => line.trim());
  fill(
    $("#banner-text"),
    el("p", { text: "The notes changed but could not all be read; the last good version of each is shown:" }),
    el("ul", { class: "problems" }, problems.map((line) => el("li", { text: line }))),
  );
  $("#banner").hidden = false;
}

function hideBanner() {
  $("#banner").hidden = true;
}

// The live stream, /api/events: the server says "hello" with the current
// version when a stream opens and "reload" whenever the notes were
// re-extracted. The view is then redrawn in place: same focus, selection,
// mode and camera.
//
// A stream is held only while the page is shown and visible: browsers
// allow six connections to one server over HTTP/1.1, and hidden tabs or
// pages kept for back/forward would otherwise use them up. On coming back,
// "hello" tells whether anything changed meanwhile.
let stream = null;
let events = Promise.resolve(); // events are handled one after another, in order

function openStream() {
  if (stream || !("EventSource" in window) || document.hidden) return;
  stream = new EventSource("/api/events");
  for (const kind of ["hello", "reload"]) {
    stream.addEventListener(kind, (e) => {
      // A failure is logged, and the next event is still handled.
      events = events.then(() => onServerEvent(kind, e.data)).catch((err) => console.error(err));
    });
  }
}

function closeStream() {
  stream?.close();
  stream = null;
}

async function onServerEvent(kind, data) {
  let ev;
  try {
    ev = JSON.parse(data);
  } catch {
    return; // not ours
  }
  if (ev.error) showBanner(ev.error);
  else {
    dismissedError = "";
    hideBanner();
  }
  if (kind === "hello" && ev.version === status.version) return;
  busy(1);
  try {
    const r = await loadStatus();
    if (r.ok) {
      normalize(); // a tag may have gone from the notes
      commit({ push: false });
      await refresh({ keepCamera: true });
    }
  } finally {
    busy(-1);
  }
}

function listen() {
  openStream();
  document.addEventListener("visibilitychange", () => (document.hidden ? closeStream() : openStream()));
  window.addEventListener("pagehide", closeStream);
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) openStream();
  });
}

// ---------------------------------------------------------------------------
// Suggestion boxes: the search and the concept pickers of path and
// prerequisite mode

// combobox gives input a list of matching concepts from /api/concepts:
// arrows move, Enter picks (the first match if none is chosen), Escape
// closes. onPick gets the concept; onText, if given, gets typed text that
// matches nothing.
function combobox(input, list, { onPick, onText }) {
  let items = [];
  let active = -1;
  let shownFor = null; // the text the list was fetched for
  let seq = 0;
  let timer = 0;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  const open = () => {
    if (!input.value.trim()) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };

  function setActive(i) {
    active = i;
    for (const [j, li] of [...list.querySelectorAll("li[data-id]")].entries()) {
      li.setAttribute("aria-selected", String(j === i));
      if (j === i) li.scrollIntoView({ block: "nearest" });
    }
    if (i >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${i}`);
    else input.removeAttribute("aria-activedescendant");
  }

  // fetchFor asks for matches of text; it returns them, or null when a
  // newer request overtook this one.
  async function fetchFor(text) {
    const my = ++seq;
    const q = text.trim();
    if (!q) {
      items = [];
      shownFor = text;
      fill(list);
      close();
      return items;
    }
    const r = await api("/api/concepts?" + new URLSearchParams({ q, limit: String(SUGGEST_LIMIT) }));
    if (my !== seq) return null;
    items = r.ok ? r.data.concepts ?? [] : [];
    shownFor = text;
    render(q, r.ok ? null : r.error);
    if (document.activeElement === input) open();
    return items;
  }

  function render(q, error) {
    fill(
      list,
      ...items.map((c, i) =>
        el(
          "li",
          { id: `${list.id}-${i}`, role: "option", "aria-selected": "false", dataset: { id: c.id } },
          el("span", { class: "name" }, highlighted(c.name, q)),
          c.aliases?.length ? el("span", { class: "aliases", text: c.aliases.join(" · ") }) : null,
          el("span", { class: "degree", text: plural(c.degree ?? 0, "relation") }),
        ),
      ),
    );
    if (!items.length) {
      list.append(el("li", { class: "empty", role: "option", "aria-disabled": "true", text: error || `No concept matches “${q}”` }));
    }
    active = -1;
  }

  function pick(c) {
    input.value = c.name;
    input.dataset.id = c.id;
    close();
    onPick(c);
  }

  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    timer = setTimeout(() => fetchFor(input.value), 120);
  });
  input.addEventListener("focus", () => {
    if (shownFor === input.value && !input.dataset.id) open();
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", async (e) => {
    // Enter that ends a Hangul (IME) composition only completes the word.
    if (e.isComposing || e.keyCode === 229) return;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp": {
        e.preventDefault();
        if (list.hidden) {
          if (shownFor !== input.value) await fetchFor(input.value);
          open();
          return;
        }
        if (!items.length) return;
        const step = e.key === "ArrowDown" ? 1 : -1;
        setActive(active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length);
        return;
      }
      case "Enter": {
        // An input already holding a picked concept lets Enter submit its form.
        if (list.hidden && input.dataset.id) return;
        e.preventDefault();
        if (!list.hidden && active >= 0) {
          pick(items[active]);
          return;
        }
        const text = input.value;
        if (!text.trim()) return;
        clearTimeout(timer);
        const got = shownFor === text ? items : await fetchFor(text);
        if (got === null || input.value !== text) return; // typing went on meanwhile
        if (got.length) pick(got[0]);
        else if (onText) {
          close();
          onText(text.trim());
        }
        return;
      }
      case "Escape":
        if (!list.hidden) {
          e.preventDefault();
          close();
        }
        return;
    }
  });
  // Keep focus in the input while choosing with the mouse, so blur does
  // not close the list before the click lands.
  list.addEventListener("mousedown", (e) => e.preventDefault());
  list.addEventListener("click", (e) => {
    const li = e.target.closest("li[data-id]");
    if (!li) return;
    const c = items.find((x) => x.id === li.dataset.id);
    if (c) pick(c);
  });
  list.addEventListener("mousemove", (e) => {
    const li = e.target.closest("li[data-id]");
    if (li) setActive([...list.querySelectorAll("li[data-id]")].indexOf(li));
  });
}

// highlighted returns text with the first match of q marked.
function highlighted(text, q) {
  const i = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (i < 0) return [text];
  return [text.slice(0, i), el("mark", { text: text.slice(i, i + q.length) }), text.slice(i + q.length)];
}

// ---------------------------------------------------------------------------
// Start

async function init() {
  busy(1);
  try {
    Object.assign(state, stateFromURL());
    installControls();
    installDiagram($("#diagram"));
    const r = await loadStatus();
    if (!r.ok) {
      fill(
        $("#diagram"),
        el(
          "div",
          { class: "view-message", id: "view-error", role: "alert" },
          el("h2", { text: "The explorer could not start" }),
          el("p", { text: r.error }),
          el("p", {}, button("Try again", () => location.reload())),
        ),
      );
      return;
    }
    buildLegend();
    fillLayouts();
    normalize();
    commit({ push: false });
    await refresh();
    // After the first drawing, so the stream does not hold a connection
    // the first view needs; its "hello" catches up on anything missed.
    listen();
  } finally {
    busy(-1);
  }
}

init();
