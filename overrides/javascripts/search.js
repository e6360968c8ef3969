/*
 * Search box driven by Pagefind (the index is built by the briefing plugin
 * into site/pagefind/). Pagefind is loaded on first use and fetches only the
 * index chunks a query needs. Everything shown comes from seeds, so results
 * are built with textContent and createElement only: never innerHTML.
 */
(function () {
  "use strict";

  var SHOWN = 10;
  var DEBOUNCE_MS = 150;
  var loading = null;
  var latest = 0;

  function siteRoot() {
    // Material writes the relative site root into #__config on every page.
    var config = document.getElementById("__config");
    var base = ".";
    if (config) {
      try {
        base = JSON.parse(config.textContent).base || ".";
      } catch (error) {
        base = ".";
      }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function loadPagefind() {
    if (!loading) {
      var root = siteRoot();
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: root.pathname }).then(function () {
          return pagefind.init();
        }).then(function () {
          return pagefind;
        });
      });
    }
    return loading;
  }

  function parts(box) {
    return {
      toggle: document.getElementById("__search"),
      input: box.querySelector(".md-search__input"),
      meta: box.querySelector(".md-search-result__meta"),
      list: box.querySelector(".md-search-result__list"),
      filters: box.querySelectorAll("select[data-filter]"),
      details: box.querySelector(".briefing-search__filters"),
    };
  }

  // Pagefind's excerpt is escaped text with <mark> around the hits. Split on
  // the marks and decode each piece in an inert document, then insert text.
  function appendExcerpt(target, excerpt) {
    var pieces = String(excerpt || "").split(/(<mark>|<\/mark>)/);
    var marked = false;
    var inert = document.implementation.createHTMLDocument("");
    pieces.forEach(function (piece) {
      if (piece === "<mark>") {
        marked = true;
        return;
      }
      if (piece === "</mark>") {
        marked = false;
        return;
      }
      if (!piece) {
        return;
      }
      var holder = inert.createElement("textarea");
      holder.innerHTML = piece; // a textarea's content is text: no element is ever created
      var text = document.createTextNode(holder.value);
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        target.appendChild(mark);
      } else {
        target.appendChild(text);
      }
    });
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.appendChild(title);
    var teaser = document.createElement("p");
    teaser.className = "md-search-result__teaser";
    appendExcerpt(teaser, data.excerpt);
    article.appendChild(teaser);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function selectedFilters(p) {
    var chosen = {};
    p.filters.forEach(function (select) {
      if (select.value) {
        chosen[select.dataset.filter] = select.value;
      }
    });
    return chosen;
  }

  function run(p) {
    var query = p.input.value.trim();
    var filters = selectedFilters(p);
    var ticket = ++latest;
    if (!query && Object.keys(filters).length === 0) {
      p.list.replaceChildren();
      p.meta.textContent = "Type to search articles, events and actors";
      return;
    }
    loadPagefind().then(function (pagefind) {
      return pagefind.debouncedSearch(query || null, { filters: filters }, DEBOUNCE_MS);
    }).then(function (search) {
      if (!search || ticket !== latest) {
        return null;
      }
      var top = search.results.slice(0, SHOWN);
      return Promise.all(top.map(function (r) { return r.data(); })).then(function (rows) {
        if (ticket !== latest) {
          return;
        }
        var count = search.results.length;
        p.meta.textContent = count === 0 ? "No matching pages"
          : count === 1 ? "1 matching page"
          : count + " matching pages" + (count > SHOWN ? " (first " + SHOWN + " shown)" : "");
        p.list.replaceChildren.apply(p.list, rows.map(resultItem));
      });
    }).catch(function (error) {
      p.meta.textContent = "Search is unavailable: " + error;
    });
  }

  function fillFilters(p) {
    loadPagefind().then(function (pagefind) {
      return pagefind.filters();
    }).then(function (available) {
      p.filters.forEach(function (select) {
        if (select.options.length > 1) {
          return;
        }
        var values = available[select.dataset.filter] || {};
        Object.keys(values).sort().forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + values[value] + ")";
          select.appendChild(option);
        });
      });
    });
  }

  function setUp(box) {
    if (box.dataset.ready) {
      return;
    }
    box.dataset.ready = "1";
    var p = parts(box);
    p.input.addEventListener("focus", function () {
      p.toggle.checked = true;
      loadPagefind();
    });
    p.input.addEventListener("input", function () { run(p); });
    p.filters.forEach(function (select) {
      select.addEventListener("change", function () { run(p); });
    });
    p.details.addEventListener("toggle", function () {
      if (p.details.open) {
        fillFilters(p);
      }
    });
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = p.list.querySelector("a");
      if (first) {
        first.click();
      }
    });
    box.querySelector("form").addEventListener("reset", function () {
      window.setTimeout(function () { run(p); }, 0);
    });
    p.toggle.addEventListener("change", function () {
      if (p.toggle.checked) {
        window.setTimeout(function () { p.input.focus(); }, 100);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && p.toggle.checked) {
        p.toggle.checked = false;
        p.input.blur();
      }
    });
    p.list.addEventListener("click", function () {
      p.toggle.checked = false;
    });
  }

  function start() {
    document.querySelectorAll("[data-briefing-search]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
