/*
 * Keeps Material for MkDocs from probing our hreflang links for sitemaps.
 *
 * Material's language code (integrations/alternate in its bundle) takes
 * every <link rel="alternate"> of the page for the root of another version
 * of the site and requests "<href>/sitemap.xml", to map the current page to
 * its twin there. Our hreflang links point at the same page in the other
 * language (/en/energy/), not at a root, so each request was a 404 and a
 * console error. The language selector does not need the probe: its links
 * already lead to the same page (hooks/overrides/partials/alternate.html).
 * This script, loaded before Material's bundle, answers those requests as
 * aborted (Material then falls back to plain links) without sending them.
 */
(function () {
  "use strict"
  var probes = {}
  var links = document.querySelectorAll("link[rel=alternate][hreflang]")
  for (var i = 0; i < links.length; i++)
    probes[new URL("sitemap.xml", links[i].href).href] = true
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.reviewProbe = probes[new URL(url, location.href).href] === true
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    if (this.reviewProbe) {
      this.dispatchEvent(new ProgressEvent("abort"))
      return
    }
    return send.apply(this, arguments)
  }
})()
