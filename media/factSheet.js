// Fact sheet behaviour: filter as you type, sort by a column, open a row's source (click or Enter).
// Data comes from the page's escaped HTML; the only thing sent back is {type: "open", uri, line}.
(function () {
  const vscode = acquireVsCodeApi();
  const filter = document.getElementById("filter");
  const table = document.getElementById("facts");
  const body = table.tBodies[0];
  const count = document.getElementById("count");
  const rows = Array.from(body.rows);

  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      const visible = words.every((w) => text.includes(w));
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = shown + " of " + rows.length + " facts";
  }

  let sortColumn = -1;
  let ascending = true;
  function sortBy(column) {
    ascending = column === sortColumn ? !ascending : true;
    sortColumn = column;
    const key = (row) => row.cells[column].textContent;
    const numeric = (text) => parseFloat(text.replace(/[^\d.]/g, ""));
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const nx = numeric(x), ny = numeric(y);
      const order = !isNaN(nx) && !isNaN(ny) && nx !== ny ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    for (const row of rows) body.appendChild(row);
    for (const th of table.tHead.rows[0].cells) th.removeAttribute("aria-sort");
    table.tHead.rows[0].cells[column].setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function open(element) {
    const uri = element.getAttribute("data-uri");
    const line = Number(element.getAttribute("data-line"));
    if (uri) vscode.postMessage({ type: "open", uri: uri, line: line });
  }

  filter.addEventListener("input", applyFilter);
  for (const th of table.tHead.rows[0].cells) {
    th.addEventListener("click", () => sortBy(Number(th.getAttribute("data-sort"))));
    th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(Number(th.getAttribute("data-sort"))); } });
  }
  for (const element of document.querySelectorAll("[data-uri]")) {
    element.addEventListener("click", () => open(element));
    element.addEventListener("keydown", (e) => { if (e.key === "Enter") open(element); });
  }
  vscode.postMessage({ type: "ready" });
})();
