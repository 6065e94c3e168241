/*
 * Search in the offline copy (scripts/build_offline.py), whose pages a
 * reader opens from the file system.
 *
 * A browser does not start a web worker from a file:// page (Chromium
 * throws a SecurityError), and Material then hides its search box. Material
 * already reads each language's index as a script there
 * (search/search_index.js, written by the offline build); what is missing
 * is the worker. This replaces Worker, on file:// pages only, with one that
 * runs the worker's script (content/assets/javascripts/search-worker.js) in
 * a hidden frame of its own and passes the messages both ways, as Material's
 * offline plugin does with its iframe-worker shim (which it loads from a
 * CDN; nothing here comes from the network). Only the pages of a build with
 * file links load this script (hooks/overrides/main.html), before
 * Material's bundle, which creates its worker when it starts.
 */
"use strict"

;(function () {
  if (location.protocol !== "file:") return

  /* The frame's page: its postMessage answers the page that made it, then
   * the worker's script runs there as a worker's does. */
  function frameDocument(script) {
    return "<!doctype html><meta charset=\"utf-8\"><script>" +
      "self.postMessage = function (data) { parent.postMessage(data, \"*\") }" +
      "</script><script src=\"" + script.replace(/&/g, "&amp;").replace(/"/g, "&quot;") + "\"></script>"
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super()
      this.onmessage = null
      this.waiting = []
      this.frame = document.createElement("iframe")
      this.frame.hidden = true
      this.frame.setAttribute("aria-hidden", "true")
      this.frame.tabIndex = -1
      this.frame.srcdoc = frameDocument(new URL(url, location.href).href)
      this.answer = event => {
        if (event.source !== this.frame.contentWindow) return
        const message = new MessageEvent("message", { data: event.data })
        this.dispatchEvent(message)
        if (typeof this.onmessage === "function") this.onmessage(message)
      }
      window.addEventListener("message", this.answer)
      this.frame.addEventListener("load", () => {
        const waiting = this.waiting
        this.waiting = null
        waiting.forEach(data => this.postMessage(data))
      }, { once: true })
      document.body.append(this.frame)
    }

    /* Sends a copy of data to the worker's script, once its frame has
     * loaded it. (The frame's own postMessage now answers this page, so the
     * message is given to the frame as an event.) */
    postMessage(data) {
      if (this.waiting) {
        this.waiting.push(data)
        return
      }
      const frame = this.frame.contentWindow
      frame.dispatchEvent(new frame.MessageEvent("message", { data: structuredClone(data) }))
    }

    terminate() {
      window.removeEventListener("message", this.answer)
      this.frame.remove()
    }
  }

  window.Worker = FileWorker
})()
