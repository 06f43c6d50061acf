// The engagement view's page: fetches the JSON endpoints beside it and draws with Chart.js.
// Text from the data is always set as textContent, never as HTML.
"use strict";

const state = { country: null, partner: null, from: null, to: null, charts: {} };
const $ = (id) => document.getElementById(id);

async function getJSON(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== ""));
  const response = await fetch(`api/${path}${query.size ? "?" + query : ""}`, { credentials: "same-origin" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

function showError(error) {
  $("error").textContent = error ? String(error.message || error) : "";
  $("error").hidden = !error;
}

function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = value == null ? "" : String(value);
  if (className) td.className = className;
  return td;
}

function articleCell(row, event) {
  const td = row.insertCell();
  if (event.article_url && /^https?:\/\//.test(event.article_url)) {
    const link = document.createElement("a");
    link.href = event.article_url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.className = "article-link";
    link.textContent = event.article_title || event.article_url;
    td.append(link);
  } else {
    td.textContent = event.article_title || "";
  }
  if (event.article_source) td.append(` (${event.article_source})`);
}

function fillTable(id, rows, fillRow) {
  const body = $(id).tBodies[0];
  body.replaceChildren();
  for (const item of rows) fillRow(body.insertRow(), item);
}

function drawChart(key, canvasId, config) {
  if (state.charts[key]) state.charts[key].destroy();
  state.charts[key] = new Chart($(canvasId), config);
}

function countryName(code) {
  const option = [...$("country").options].find((o) => o.value === code);
  return option ? option.dataset.name : code;
}

async function loadOverview() {
  const overview = await getJSON("overview");
  $("source").textContent =
    `${overview.events} events, articles of ${overview.first_day ?? "–"} to ${overview.last_day ?? "–"} ` +
    `(published file ${overview.published_path})`;
  const select = $("country");
  select.replaceChildren(new Option("choose a country", ""));
  for (const c of overview.countries) {
    const option = new Option(`${c.name} (${c.iso3}) – ${c.events}`, c.iso3);
    option.dataset.name = c.name;
    select.append(option);
  }
  $("from").value = overview.default_window.from;
  $("to").value = overview.default_window.to;
  $("upcoming-today").textContent = overview.today;
}

async function showPartners() {
  const data = await getJSON("partners", { country: state.country, from: state.from, to: state.to });
  $("partners-country").textContent = `${countryName(state.country)}, ${state.from} to ${state.to}`;
  $("partners-section").hidden = false;
  const top = data.partners.slice(0, 15);
  const labels = top.map((p) => p.partner);
  const onClick = (_, elements) => elements.length && guarded(selectPartner)(top[elements[0].index].partner);
  drawChart("partners", "partners-chart", {
    type: "bar",
    data: {
      labels,
      datasets: [
        { label: "cooperation (quad 1–2)", data: top.map((p) => p.cooperation), backgroundColor: "#2f7d4f" },
        { label: "conflict (quad 3–4)", data: top.map((p) => p.conflict), backgroundColor: "#b3362c" },
      ],
    },
    options: { maintainAspectRatio: false, onClick, plugins: { title: { display: true, text: "Events by partner" } } },
  });
  drawChart("goldstein", "goldstein-chart", {
    type: "bar",
    data: {
      labels,
      datasets: [
        { label: "Goldstein, cooperative events", data: top.map((p) => p.goldstein_cooperation), backgroundColor: "#7fb893" },
        { label: "Goldstein, conflictual events", data: top.map((p) => p.goldstein_conflict), backgroundColor: "#e08a80" },
      ],
    },
    options: {
      maintainAspectRatio: false, onClick,
      scales: { x: { stacked: true }, y: { stacked: true } },
      plugins: { title: { display: true, text: "Goldstein sum by partner (−10 conflict … +10 cooperation)" } },
    },
  });
  fillTable("partners-table", data.partners, (row, p) => {
    row.className = "clickable";
    row.dataset.partner = p.partner;
    row.addEventListener("click", () => guarded(selectPartner)(p.partner));
    cell(row, `${p.name} (${p.partner})`);
    for (const key of ["events", "cooperation", "conflict", "verbal_cooperation", "material_cooperation",
      "verbal_conflict", "material_conflict", "goldstein_cooperation", "goldstein_conflict", "held", "planned"]) {
      cell(row, p[key], "num");
    }
  });
  if (data.partners.length && !data.partners.some((p) => p.partner === state.partner)) {
    state.partner = data.partners[0].partner;
  }
  if (state.partner) await selectPartner(state.partner);
}

async function selectPartner(partner) {
  state.partner = partner;
  const params = { country: state.country, partner, from: state.from, to: state.to };
  const timeline = await getJSON("timeline", params);
  $("pair-name").textContent = `${countryName(state.country)} – ${countryName(partner)}`;
  $("pair-section").hidden = false;
  const palette = ["#3867b8", "#e0a030", "#2f7d4f", "#8e44ad", "#b3362c", "#16a2b8", "#6d6d6d", "#c2185b"];
  drawChart("timeline", "timeline-chart", {
    type: "bar",
    data: {
      labels: timeline.months,
      datasets: timeline.series.map((s, i) => ({
        label: `${s.family} ${s.family_name}`, family: s.family, data: s.events, backgroundColor: palette[i % palette.length],
      })),
    },
    options: {
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } },
      onClick: (_, elements) => {
        if (!elements.length) return;
        const { datasetIndex, index } = elements[0];
        guarded(showEvents)({ family: timeline.series[datasetIndex].family, month: timeline.months[index] });
      },
      plugins: { title: { display: true, text: "Events by month and CAMEO family" } },
    },
  });
  await showEvents({});
}

async function showEvents(filter) {
  const data = await getJSON("events", {
    country: state.country, partner: state.partner, from: state.from, to: state.to, ...filter,
  });
  $("events-filter").textContent = [filter.month, filter.family && `family ${filter.family}`]
    .filter(Boolean).join(", ") || "(all in the window)";
  $("events-table").dataset.pair = data.pair.join("-");
  fillTable("events-table", data.events, (row, e) => eventRow(row, e, [
    e.event_date, e.date_precision, `${e.family} ${e.family_name}`, e.status, e.level, e.goldstein,
  ]));
}

function eventRow(row, event, values) {
  row.className = "clickable";
  row.dataset.eventId = event.event_id;
  for (const value of values) cell(row, value);
  cell(row, event.evidence_text, "evidence");
  articleCell(row, event);
  row.addEventListener("click", (click) => {
    if (click.target.closest("a")) return;  // the article link opens the article
    guarded(showEvent)(event.event_id);
  });
}

async function showEvent(eventId) {
  const event = await getJSON(`event/${encodeURIComponent(eventId)}`);
  $("event-section").hidden = false;
  $("event-id").textContent = event.event_id;
  $("event-summary").textContent =
    `${event.actor1}–${event.actor2}: ${event.family} ${event.family_name} (CAMEO ${event.cameo}, ` +
    `Goldstein ${event.goldstein}, ${event.quad_name}), ${event.status}, ${event.event_date} ` +
    `(${event.date_precision} precision), level ${event.level ?? "–"}` +
    `${event.forum ? ", forum " + event.forum : ""}; ${event.mentions} mention(s) in ${event.articles} article(s).`;
  fillTable("event-reports", event.reports, (row, r) => {
    cell(row, r.article_published_at);
    cell(row, r.status);
    cell(row, `${r.event_date} (${r.date_precision}, from ${r.date_basis})`);
    cell(row, r.evidence_text, "evidence");
    articleCell(row, r);
  });
  $("event-section").scrollIntoView({ block: "start" });
}

async function showUpcoming() {
  const data = await getJSON("upcoming", { country: state.country });
  $("upcoming-section").hidden = false;
  fillTable("upcoming-table", data.events, (row, e) => eventRow(row, e, [
    e.event_date, e.date_precision, `${e.actor1}–${e.actor2}`, `${e.family} ${e.family_name}`, e.level,
  ]));
}

async function showRunDay(day) {
  const data = await getJSON(`day/${day}`);
  $("run-day").hidden = false;
  $("run-day-date").textContent = day;
  const counts = $("run-day-counts");
  counts.replaceChildren();
  for (const [key, value] of Object.entries(data.counts)) {
    const box = document.createElement("div");
    box.dataset.count = key;
    const number = document.createElement("b");
    number.textContent = value;
    box.append(number, key.replaceAll("_", " "));
    counts.append(box);
  }
  fillTable("run-day-pairs", data.pairs, (row, p) => {
    cell(row, `${p.actor1}–${p.actor2}`);
    cell(row, p.events, "num");
    cell(row, p.mentions, "num");
  });
  fillTable("run-day-quarantine", data.quarantine, (row, q) => {
    cell(row, q.stage);
    cell(row, q.reason);
    cell(row, q.records, "num");
  });
}

async function showCountry() {
  state.country = $("country").value;
  state.from = $("from").value;
  state.to = $("to").value;
  if (!state.country) return;
  await Promise.all([showPartners(), showUpcoming()]);
}

function guarded(action) {
  return async (...args) => {
    showError(null);
    try {
      await action(...args);
    } catch (error) {
      showError(error);
    }
  };
}

document.addEventListener("DOMContentLoaded", guarded(async () => {
  await loadOverview();
  const params = new URLSearchParams(location.search);
  $("controls").addEventListener("submit", guarded(async (submit) => {
    submit.preventDefault();
    await showCountry();
  }));
  $("country").addEventListener("change", guarded(showCountry));
  if (params.get("day")) await showRunDay(params.get("day"));
  if (params.get("country")) {
    $("country").value = params.get("country").toUpperCase();
    await showCountry();
  }
}));
