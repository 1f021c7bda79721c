// translation-audit report: filters, table sorting and keyboard moves between findings.
// Nothing here reads the network or writes the page's text: it only toggles classes.
(function () {
  "use strict";
  var FACETS = ["severity", "category", "pack"];

  function allowedValues() {
    var allowed = {};
    FACETS.forEach(function (facet) {
      allowed[facet] = new Set();
      document.querySelectorAll('input[data-facet="' + facet + '"]:checked').forEach(function (box) {
        allowed[facet].add(box.value);
      });
    });
    return allowed;
  }

  function applyFilters() {
    var allowed = allowedValues();
    var shown = 0;
    var perArticle = {};
    document.querySelectorAll("[data-finding]").forEach(function (element) {
      var visible = FACETS.every(function (facet) {
        return allowed[facet].has(element.dataset[facet]);
      });
      element.classList.toggle("filtered", !visible);
      if (element.tagName === "LI") {
        var article = element.dataset.article;
        perArticle[article] = (perArticle[article] || 0) + (visible ? 1 : 0);
        shown += visible ? 1 : 0;
      }
    });
    var total = document.getElementById("shown-count");
    if (total) total.textContent = String(shown);
    document.querySelectorAll(".shown-in").forEach(function (counter) {
      counter.textContent = String(perArticle[counter.dataset.article] || 0);
    });
  }

  function sortTable(header) {
    var table = header.closest("table");
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = header.classList.contains("num");
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
      var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function setCurrent(key) {
    document.querySelectorAll(".current").forEach(function (el) { el.classList.remove("current"); });
    if (!key) return;
    document.querySelectorAll('[data-finding="' + key + '"]').forEach(function (el) {
      el.classList.add("current");
    });
    var item = document.querySelector('li[data-finding="' + key + '"]');
    if (item && item.scrollIntoView) item.scrollIntoView({block: "nearest"});
  }

  function moveFinding(step) {
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark[id]:not(.filtered)"));
    if (!marks.length) return;
    var at = marks.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length;
    marks[next].focus();
    marks[next].scrollIntoView({block: "center"});
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("input[data-facet]")) applyFilters();
  });
  document.addEventListener("reset", function (event) {
    if (event.target.matches("form.filters")) setTimeout(applyFilters, 0);
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("table.sortable th button");
    if (button) sortTable(button.closest("th"));
    var link = event.target.closest("a.where");
    if (link) {
      var mark = document.getElementById(link.getAttribute("href").slice(1));
      if (mark) { mark.focus(); setCurrent(mark.dataset.finding); }
    }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("mark[data-finding]")) setCurrent(event.target.dataset.finding);
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "n" || event.key === "j") { moveFinding(1); event.preventDefault(); }
    if (event.key === "p" || event.key === "k") { moveFinding(-1); event.preventDefault(); }
  });
})();
