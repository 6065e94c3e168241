/* The colour scheme of a chart page shown in an <iframe> (embed.html):
   ?theme=light or ?theme=dark in its address, else the reader's system
   setting, followed as it changes. Material's own palette script lives in
   the header, which this page leaves out. */
(function () {
  "use strict";
  var schemes = { light: "default", dark: "slate" };
  var asked = new URLSearchParams(window.location.search).get("theme");
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    var theme = schemes.hasOwnProperty(asked) ? asked : media.matches ? "dark" : "light";
    document.body.setAttribute("data-md-color-scheme", schemes[theme]);
  }
  apply();
  if (!schemes.hasOwnProperty(asked)) {
    media.addEventListener("change", apply);
  }
})();
