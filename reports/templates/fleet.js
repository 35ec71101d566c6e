/* The fleet dashboard, enhanced: sort the repositories by any column, filter them. */
"use strict";

const fleetTable = document.getElementById("fleet-table");
const fleetFilters = document.getElementById("fleet-filters");
const fleetCount = document.getElementById("repositories-count");
const fleetEmpty = document.getElementById("repositories-empty");

function fleetRows() {
  return Array.from(fleetTable.tBodies[0].rows);
}

function dataKey(key) {
  return key.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}

function applyFleetFilters() {
  const query = fleetFilters.elements.q.value.trim().toLowerCase();
  const level = fleetFilters.elements.level.value;
  const language = fleetFilters.elements.language.value;
  const all = fleetRows();
  let shown = 0;
  for (const row of all) {
    const hit =
      (!query || row.dataset.name.toLowerCase().includes(query)) &&
      (!level || row.dataset.level === level) &&
      (!language || row.dataset.language === language);
    row.hidden = !hit;
    shown += hit ? 1 : 0;
  }
  const noun = all.length === 1 ? "repository" : "repositories";
  fleetCount.textContent =
    shown === all.length ? `${all.length} ${noun}` : `Showing ${shown} of ${all.length} ${noun}`;
  fleetEmpty.hidden = shown > 0;
}

function sortFleet(header) {
  const key = dataKey(header.dataset.key);
  const numeric = header.dataset.type === "number";
  const current = header.getAttribute("aria-sort");
  const descending = current ? current === "ascending" : numeric && key !== "index";
  for (const other of fleetTable.tHead.rows[0].cells) {
    other.removeAttribute("aria-sort");
  }
  header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  const direction = descending ? -1 : 1;
  const body = fleetTable.tBodies[0];
  const sorted = fleetRows().sort((a, b) => {
    const x = a.dataset[key];
    const y = b.dataset[key];
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    return order * direction || Number(a.dataset.index) - Number(b.dataset.index);
  });
  for (const row of sorted) {
    body.appendChild(row);
  }
}

for (const header of fleetTable.tHead.rows[0].cells) {
  if (!header.dataset.key) {
    continue;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = header.textContent;
  header.textContent = "";
  header.appendChild(button);
  button.addEventListener("click", () => sortFleet(header));
}
fleetFilters.hidden = false;
fleetFilters.addEventListener("input", applyFleetFilters);
fleetFilters.addEventListener("submit", (event) => event.preventDefault());
