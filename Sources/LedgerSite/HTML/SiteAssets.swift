/// The site's one stylesheet (screen and print) and the few lines of script its tables use.
enum SiteAssets {
  static let stylesheetName = "style.css"

  static let stylesheet = """
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d6dbe4; --band: #f3f5f9; --accent: #1f5fa8; --warn: #a23b16; --warn-band: #fdecea; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
    header.site { background: var(--ink); color: #fff; padding: .6rem 1.2rem; }
    header.site a { color: #fff; }
    header.site .ledger { font-weight: 600; font-size: 1.1rem; text-decoration: none; }
    header.site .shown { color: #c9d1e0; font-size: .85rem; margin-left: .8rem; }
    nav.site { display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: .4rem 1.2rem; background: var(--band); border-bottom: 1px solid var(--line); }
    nav.site a { color: var(--accent); text-decoration: none; }
    nav.site a[aria-current] { font-weight: 600; color: var(--ink); }
    main { padding: 1rem 1.2rem 2rem; max-width: 90rem; }
    h1 { font-size: 1.5rem; margin: .4rem 0 1rem; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
    a { color: var(--accent); }
    .notice { background: #fff6d6; border: 1px solid #e8d27c; padding: .5rem .8rem; margin: 0 0 1rem; }
    .muted, .empty { color: var(--muted); }
    table { border-collapse: collapse; margin: .3rem 0 1rem; min-width: 20rem; }
    caption { text-align: left; color: var(--muted); padding: .2rem 0; }
    th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--band); }
    th button { background: none; border: 0; padding: 0; margin: 0; font: inherit; color: inherit; text-align: left; cursor: pointer; }
    .table-wrap { overflow-x: auto; max-width: 100%; }
    td.nowrap, .amount { white-space: nowrap; }
    th[aria-sort="ascending"] button::after { content: " \\25B2"; }
    th[aria-sort="descending"] button::after { content: " \\25BC"; }
    td.number, td.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tbody th { font-weight: normal; background: var(--band); white-space: nowrap; }
    .counts { display: flex; flex-wrap: wrap; gap: .6rem; padding: 0; list-style: none; }
    .counts li { border: 1px solid var(--line); padding: .4rem .8rem; min-width: 8rem; }
    .counts strong { display: block; font-size: 1.4rem; }
    tr.finding td, tr.finding th, li.finding { background: var(--warn-band); }
    .finding-rule { color: var(--warn); font-weight: 600; }
    .filter { margin: .3rem 0; padding: .3rem .5rem; width: 18rem; max-width: 100%; }
    tr.since td, tr.since th { background: #fff8d8; }
    mark { background: #ffe98a; color: inherit; padding: 0 .2rem; }
    .since-notice { background: #fff8d8; border: 1px solid #e8d27c; padding: .4rem .8rem; }
    .change-old { color: var(--warn); }
    .change-new { color: #1b6e2a; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
    figure.chart { margin: .5rem 0 1.2rem; }
    figure.chart svg { max-width: 100%; height: auto; }
    figure.chart figcaption { color: var(--muted); }
    a.skip { position: absolute; left: -100rem; top: 0; background: #fff; color: var(--accent); padding: .4rem .8rem; z-index: 10; }
    a.skip:focus { left: .5rem; top: .5rem; }
    .pager { display: flex; gap: .8rem; align-items: center; margin: .3rem 0 1rem; }
    .pager[hidden] { display: none; }
    footer.site { color: var(--muted); font-size: .85rem; padding: 1rem 1.2rem; border-top: 1px solid var(--line); }
    @media print {
      body { font-size: 10.5pt; color: #000; }
      header.site { background: none; color: #000; border-bottom: 2px solid #000; padding: 0 0 .3rem; }
      header.site a, header.site .shown { color: #000; }
      nav.site, .filter, .no-print, a.skip, th button::after { display: none; }
      main { padding: 0; max-width: none; }
      a { color: #000; text-decoration: none; }
      table { width: 100%; page-break-inside: auto; }
      tr, figure.chart { page-break-inside: avoid; }
      thead { display: table-header-group; }
      h2 { page-break-after: avoid; }
      .notice { border: 1px solid #000; background: none; }
      footer.site { padding: .5rem 0 0; }
      .table-wrap { overflow: visible; }
      tr.finding td, tr.finding th { background: none; font-weight: 600; }
    }

    """

  /// Sorting (a click on a column's button; a cell's `data-sort`, when it has one, is what it
  /// sorts by, so `1 234,50 €` sorts as 1234.50) and filtering (the search box above a table; a
  /// link ending in `#filter=WORDS` opens the page filtered, `#filter=WORDS&sort=N` sorted by the
  /// Nth column too, `-N` descending): the table reads in full without.
  ///
  /// Any address works: a `%` that starts no escape (`#filter=50%`) is taken as written, not
  /// thrown on. A table of more than `pageSize` rows is shown a page of rows at a time (its
  /// `data-pager` element, hidden without the script, moves between pages), while the filter
  /// still reads every row; a `data-count` element says how many rows the filter leaves.
  static let pageSize = 1_000

  static let tableScript = """
    (function () {
      var size = \(pageSize), hash = location.hash, sortBy = /&sort=(-?[0-9]+)$/.exec(hash);
      if (sortBy) hash = hash.slice(0, sortBy.index);
      function decoded(text) { try { return decodeURIComponent(text); } catch (e) { return text; } }
      function fill(template, values) {
        return template.replace(/\\{([0-9])\\}/g, function (all, n) { return values[n - 1]; });
      }
      var lang = document.documentElement.lang || undefined, collator;
      try { collator = new Intl.Collator(lang, { numeric: true }); } catch (e) { collator = new Intl.Collator(undefined, { numeric: true }); }
      function setUp(table) {
        var body = table.tBodies[0], rows = body.rows, words = [], first = 0, total = rows.length;
        var count = document.querySelector('[data-count="' + table.id + '"]');
        var pager = total > size ? document.querySelector('[data-pager="' + table.id + '"]') : null;
        var counted = count ? count.textContent : "", texts = new Map();
        function text(row) {
          var t = texts.get(row);
          if (t === undefined) { t = row.textContent.toLowerCase(); texts.set(row, t); }
          return t;
        }
        function show() {
          var shown = 0;
          for (var i = 0; i < rows.length; i++) {
            var row = rows[i], t = text(row);
            var hit = words.every(function (w) { return t.indexOf(w) >= 0; });
            row.hidden = !hit || (pager !== null && (shown < first || shown >= first + size));
            if (hit) shown++;
          }
          if (count) count.textContent = words.length ? fill(count.dataset.filtered, [shown, total]) : counted;
          if (pager) {
            pager.hidden = false;
            var last = Math.min(first + size, shown);
            pager.querySelector("[data-range]").textContent = fill(pager.dataset.range, [shown ? first + 1 : 0, last, shown]);
            pager.querySelector("[data-step='-1']").disabled = first === 0;
            pager.querySelector("[data-step='1']").disabled = last >= shown;
          }
        }
        function filter(value) {
          words = value.toLowerCase().split(/\\s+/).filter(Boolean);
          first = 0;
          show();
        }
        function sort(column, up) {
          table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
          var button = table.querySelector('th button[data-column="' + column + '"]');
          if (!button) return;
          button.parentNode.setAttribute("aria-sort", up ? "ascending" : "descending");
          var keyed = Array.prototype.map.call(rows, function (row) {
            var cell = row.cells[column];
            return { row: row, key: cell ? (cell.dataset.sort || cell.textContent) : "" };
          });
          keyed.sort(function (a, b) { var c = collator.compare(a.key, b.key); return up ? c : -c; });
          var ordered = document.createDocumentFragment();
          keyed.forEach(function (k) { ordered.appendChild(k.row); });
          body.appendChild(ordered);
          first = 0;
          show();
        }
        table.querySelectorAll("th button[data-column]").forEach(function (button) {
          button.addEventListener("click", function () {
            sort(Number(button.dataset.column), button.parentNode.getAttribute("aria-sort") !== "ascending");
          });
        });
        if (pager) {
          pager.querySelectorAll("button[data-step]").forEach(function (button) {
            button.addEventListener("click", function () {
              first = Math.max(0, first + Number(button.dataset.step) * size);
              show();
            });
          });
        }
        var box = document.querySelector('input[data-filter="' + table.id + '"]');
        if (box) {
          box.addEventListener("input", function () { filter(box.value); });
          if (hash.indexOf("#filter=") === 0) box.value = decoded(hash.slice(8));
          words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
        }
        if (sortBy) sort(Math.abs(Number(sortBy[1])), sortBy[1].charAt(0) !== "-");
        else show();
      }
      document.querySelectorAll("table").forEach(function (table) {
        if (table.id && table.querySelector("th button[data-column]")) setUp(table);
      });
    })();

    """

  /// The search page: finds records by any word of their label, from the data in the page.
  static let searchScript = """
    (function () {
      var data = JSON.parse(document.getElementById("search-data").textContent);
      var box = document.getElementById("search"), list = document.getElementById("results");
      function show() {
        var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
        list.textContent = "";
        if (!words.length) return;
        var shown = 0;
        for (var i = 0; i < data.length && shown < 200; i++) {
          var text = (data[i][1] + " " + data[i][2]).toLowerCase();
          if (!words.every(function (w) { return text.indexOf(w) >= 0; })) continue;
          var item = document.createElement("li"), link = document.createElement("a");
          link.href = data[i][0];
          link.textContent = data[i][1];
          item.appendChild(link);
          item.appendChild(document.createTextNode(" (" + data[i][2] + ")"));
          list.appendChild(item);
          shown++;
        }
      }
      box.addEventListener("input", show);
      if (location.hash.indexOf("#q=") === 0) {
        try { box.value = decodeURIComponent(location.hash.slice(3)); } catch (e) { box.value = location.hash.slice(3); }
      }
      show();
    })();

    """
}
