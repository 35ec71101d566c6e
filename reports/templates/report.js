/* The auditor's HTML report, enhanced: filter and sort the findings, copy prompts. */
"use strict";

const findingsTable = document.getElementById("findings-table");
const filterForm = document.getElementById("filters");
const findingsCount = document.getElementById("findings-count");
const emptyNote = document.getElementById("findings-empty");
const copyStatus = document.getElementById("copy-status");
/* A test hook: the last text a copy button copied, whatever the clipboard allowed. */
const copyHook = { lastCopied: null };
window.auditorReport = copyHook;

function rows() {
  return Array.from(findingsTable.tBodies);
}

function selected() {
  return Array.from(filterForm.querySelectorAll("select"))
    .filter((control) => control.value)
    .map((control) => [control.name, control.value]);
}

function searchText(row) {
  const summary = row.querySelector("summary");
  const where = row.querySelector("td.loc").textContent;
  const text = [row.dataset.rule, where, summary ? summary.textContent : ""];
  return text.join(" ").toLowerCase();
}

function matches(row, filters, query) {
  const chosen = filters.every(([name, value]) => row.dataset[name] === value);
  return chosen && (!query || searchText(row).includes(query));
}

function applyFilters() {
  const filters = selected();
  const query = filterForm.elements.q.value.trim().toLowerCase();
  const all = rows();
  let shown = 0;
  for (const row of all) {
    row.hidden = !matches(row, filters, query);
    shown += row.hidden ? 0 : 1;
  }
  const noun = all.length === 1 ? "finding" : "findings";
  const total = `${all.length} ${noun}`;
  findingsCount.textContent = shown === all.length ? total : `Showing ${shown} of ${total}`;
  emptyNote.hidden = shown > 0;
}

function sortValue(row, key) {
  if (key === "message") {
    return row.querySelector("summary").textContent;
  }
  return row.dataset[key];
}

function compareText(x, y) {
  if (x === y) {
    return 0;
  }
  return x < y ? -1 : 1;
}

function comparator(key, numeric, direction) {
  return (a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const order = numeric ? Number(x) - Number(y) : compareText(x, y);
    return order * direction || Number(a.dataset.index) - Number(b.dataset.index);
  };
}

function sortBy(header) {
  const numeric = header.dataset.type === "number";
  const current = header.getAttribute("aria-sort");
  const descending = current ? current === "ascending" : numeric;
  for (const other of findingsTable.tHead.rows[0].cells) {
    other.removeAttribute("aria-sort");
  }
  header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  const sorted = rows().sort(comparator(header.dataset.sort, numeric, descending ? -1 : 1));
  findingsTable.append(...sorted);
}

function makeSortable(header) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "sort";
  button.textContent = header.textContent;
  button.addEventListener("click", () => sortBy(header));
  header.replaceChildren(button);
}

function toggleAll(open) {
  for (const row of rows()) {
    if (!row.hidden) {
      row.querySelector("details").open = open;
    }
  }
}

function filterBySeverity(event) {
  const control = filterForm.elements.severity;
  control.value = event.currentTarget.dataset.severityFilter;
  applyFilters();
}

function initFindings() {
  filterForm.hidden = false;
  filterForm.addEventListener("input", applyFilters);
  filterForm.addEventListener("change", applyFilters);
  filterForm.addEventListener("submit", (event) => event.preventDefault());
  filterForm.addEventListener("reset", () => setTimeout(applyFilters));
  document.getElementById("expand-all").addEventListener("click", () => toggleAll(true));
  document.getElementById("collapse-all").addEventListener("click", () => toggleAll(false));
  findingsTable.querySelectorAll("th[data-sort]").forEach(makeSortable);
  document.querySelectorAll("[data-severity-filter]").forEach((link) => {
    link.addEventListener("click", filterBySeverity);
  });
}

function copyWithSelection(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      return copyWithSelection(text);
    }
  }
  return copyWithSelection(text);
}

function announce(button, copied) {
  const label = button.dataset.label;
  button.textContent = copied ? "Copied" : "Copy failed";
  button.classList.toggle("copied", copied);
  copyStatus.textContent = copied
    ? "Prompt copied to the clipboard."
    : "Could not copy: select the prompt and copy it.";
  setTimeout(() => {
    button.textContent = label;
    button.classList.remove("copied");
  }, 1800);
}

async function onCopy(event) {
  const button = event.currentTarget;
  const text = document.getElementById(button.dataset.copy).textContent;
  copyHook.lastCopied = text;
  announce(button, await copyText(text));
}

function initCopy() {
  document.querySelectorAll("button[data-copy]").forEach((button) => {
    button.hidden = false;
    button.dataset.label = button.textContent;
    button.addEventListener("click", onCopy);
  });
}

if (findingsTable && filterForm) {
  initFindings();
}
initCopy();
