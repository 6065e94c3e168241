/* Links to figures and charts (hooks/review/templates/_figure_link.md.j2,
   _charts.md.j2):
   - a figure's link control copies the figure's address (the page with
     #<figure-id>) and says so; the link itself still goes to the figure,
     so it works without a clipboard too;
   - the embed code under a chart gets the chart page's absolute address,
     as another site needs it, and a button that copies it (shown only
     where the browser lets a page write to the clipboard);
   - an address made before heading ids kept "đ" as "d"
     (hooks/review/slugs.py: "#nguon-ien-hien-co" for "Nguồn điện hiện
     có") still reaches its heading.
   Nothing is fetched. */
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("review-link-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "review-link-status";
      region.className = "review-visually-hidden";
      region.setAttribute("role", "status");
      (document.querySelector("main") || document.body).appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function copied(link) {
    link.classList.add("figure-link--copied");
    announce(link.getAttribute("data-copied"));
    window.setTimeout(function () { link.classList.remove("figure-link--copied"); }, 2000);
  }

  function copyEmbedCode(button) {
    var block = button.closest(".chart-embed");
    var code = block ? block.querySelector(".chart-embed-code code") : null;
    if (!code || !navigator.clipboard || !window.isSecureContext) {
      return;
    }
    navigator.clipboard.writeText(code.textContent.trim()).then(function () {
      announce(button.getAttribute("data-copied"));
    }, function () {});
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target ? target.closest("button.chart-embed-copy") : null;
    if (button) {
      copyEmbedCode(button);
      return;
    }
    var link = target ? target.closest("a.figure-link") : null;
    if (!link) {
      return;
    }
    var address = new URL(link.getAttribute("href"), window.location.href).href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(function () { copied(link); }, function () {});
    }
  });

  function absoluteEmbedCode() {
    document.querySelectorAll(".chart-embed").forEach(function (block) {
      var page = block.querySelector("a.chart-page-link");
      var code = block.querySelector(".chart-embed-code code");
      if (!page || !code) {
        return;
      }
      var button = block.querySelector("button.chart-embed-copy");
      if (button && navigator.clipboard && window.isSecureContext) {
        button.hidden = false;
      }
      var text = code.textContent;
      var src = /src="([^"]*)"/.exec(text);
      if (src) {
        code.textContent = text.replace(src[0], 'src="' + page.href + '"');
      }
    });
  }

  /* A heading's id as Python-Markdown's own slugify made it, before
     hooks/review/slugs.py: letters without a decomposition ("đ") dropped. */
  function oldHeadingId(text) {
    return text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "")
      .replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[-\s]+/g, "-");
  }

  /* An address whose fragment names no element of the page, but a heading's
     old id, goes to that heading (and the address bar shows its id now). */
  function followOldHeadingId() {
    var wanted = decodeURIComponent(window.location.hash.slice(1));
    if (!wanted || document.getElementById(wanted)) {
      return;
    }
    var used = {};
    var headings = document.querySelectorAll("article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]");
    for (var i = 0; i < headings.length; i++) {
      var copy = headings[i].cloneNode(true);
      copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
      var slug = oldHeadingId(copy.textContent), id = slug;
      for (var n = 1; used[id]; n++) {
        id = slug + "_" + n;
      }
      used[id] = true;
      if (id === wanted) {
        window.location.replace("#" + headings[i].id);
        return;
      }
    }
  }

  function start() {
    absoluteEmbedCode();
    followOldHeadingId();
  }

  window.addEventListener("hashchange", followOldHeadingId);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
