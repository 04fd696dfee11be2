/* Tables and the rules page's filter; everything here only improves what works without it. */
"use strict";

/* A table with a header row becomes a stack of cards on a narrow screen (see dsm.css): each
   cell is given the name of its column to show above it. */
function labelCells(table) {
  const head = table.querySelector("thead tr");
  if (!head) return;
  const names = [...head.children].map((cell) => cell.textContent.trim());
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, index) => {
      cell.dataset.label = names[index] || "";
    });
  }
  table.classList.add("dsm-cards");
}

/* The filter above the rules table: by protocol (the start of a rule's id) and by profile
   (the table's strict and lenient columns). */
const PROTOCOLS = {
  DSM: "DSM: validator and any message",
  DSP: "WS-DSP",
  DSD: "WS-DSD",
  DSC: "WS-DSC",
  WSCN: "WS-Scan",
  WSA: "WSA: any protocol",
};

function filterRules(form) {
  const table = document.querySelector(`table.${form.dataset.table}`);
  if (!table) return;
  const rows = [...table.querySelectorAll("tbody tr")];
  const cell = (row, index) => row.children[index].textContent.trim();
  const protocol = (row) => cell(row, 0).split("-")[0];
  const group = form.elements.group;
  for (const prefix of new Set(rows.map(protocol))) {
    group.add(new Option(PROTOCOLS[prefix] || prefix, prefix));
  }
  const apply = () => {
    const [profile, severity] = form.elements.profile.value.split(":");
    let shown = 0;
    for (const row of rows) {
      const strict = cell(row, 1);
      const lenient = cell(row, 2);
      const byGroup = !group.value || protocol(row) === group.value;
      const byProfile =
        !profile ||
        (profile === "differ" ? strict !== lenient
          : (profile === "strict" ? strict : lenient) === severity);
      row.classList.toggle("dsm-filtered", !(byGroup && byProfile));
      shown += byGroup && byProfile;
    }
    form.querySelector("output").textContent = `${shown} of ${rows.length} rules`;
  };
  form.addEventListener("change", apply);
  form.hidden = false;
  apply();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("article table.docutils").forEach(labelCells);
  document.querySelectorAll("form.dsm-filter").forEach(filterRules);
});
