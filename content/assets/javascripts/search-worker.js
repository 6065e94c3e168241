/*
 * The site's search, as a web worker for Material for MkDocs' search box.
 *
 * Material lets a site bring its own worker (the "search" entry of
 * __config, set in hooks/overrides/main.html); the page talks to it with
 * four messages: SETUP (0) with the language's search_index.json, READY (1),
 * QUERY (2) with the typed text, RESULT (3) with the matching documents,
 * grouped by page. Each language has its own index (site/search/ and
 * site/en/search/), so a page only ever finds pages of its own language.
 *
 * Why not Material's own (Lunr) worker: Vietnamese readers often type
 * without diacritics ("nang luong" for "năng lượng", "dien" for "điện"),
 * and Lunr matches letters exactly. Here every word is compared folded:
 * lower case, tone and vowel marks removed, "đ" read as "d". Words typed
 * exactly as written rank first: documents are ordered by how many query
 * words they contain, then by how many of those match with the diacritics
 * as typed, then by where (title before text) and how often. A result
 * shows the paragraphs and list items where its words are, not its whole
 * text (see excerpt).
 */
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var WORD = /[\p{L}\p{N}]+/gu
var docs = []

/* Lower case, NFC: the form a word is compared "exactly" in. */
function normal(text) {
  return text.normalize("NFC").toLowerCase()
}

/* Lower case, without combining marks, with "đ" as "d". */
function fold(text) {
  return normal(text).normalize("NFD").replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d").normalize("NFC")
}

/* The visible words of an HTML fragment (the index text holds some tags). */
function words(html) {
  var text = html.replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
    .replace(/&#39;/g, "'").replace(/&amp;/g, "&")
  return (normal(text).match(WORD) || []).map(function (word) {
    return { exact: word, folded: fold(word) }
  })
}

function prepare(doc) {
  return {
    doc: doc,
    title: words(doc.title || ""),
    text: words(doc.text || ""),
    parent: doc.location.indexOf("#") === -1 ? null : doc.location.split("#")[0]
  }
}

/* How a list of words matches one query term: counts of exact and of
   folded-only matches. A term matches a word it begins (as Material's
   search does), so "nang" finds "năng" and "năng lượng" finds it too. */
function count(list, term) {
  var exact = 0, folded = 0
  for (var i = 0; i < list.length; i++) {
    if (list[i].exact.lastIndexOf(term.exact, 0) === 0) exact++
    else if (list[i].folded.lastIndexOf(term.folded, 0) === 0) folded++
  }
  return { exact: exact, folded: folded }
}

function score(entry, terms) {
  var matched = {}, covered = 0, exact = 0, weight = 0
  terms.forEach(function (term) {
    var title = count(entry.title, term), text = count(entry.text, term)
    var any = title.exact + title.folded + text.exact + text.folded > 0
    matched[term.typed] = any
    if (!any) return
    covered++
    if (title.exact + text.exact > 0) exact++
    weight += 20 * (2 * title.exact + title.folded)
      + Math.log(1 + 2 * text.exact + text.folded)
  })
  if (!entry.parent) weight += 1
  /* covered, then exact, then weight (< 1000): one sortable number. */
  return { value: covered * 1e6 + exact * 1e3 + Math.min(weight, 999), matched: matched, covered: covered }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/* Marks the words a term begins, in the text parts of an HTML fragment. */
function highlight(html, terms) {
  return html.split(/(<[^>]*>)/).map(function (part) {
    if (part.charAt(0) === "<") return part
    return part.replace(WORD, function (word) {
      var exact = normal(word), folded = fold(word)
      var hit = terms.some(function (term) {
        return exact.lastIndexOf(term.exact, 0) === 0 || folded.lastIndexOf(term.folded, 0) === 0
      })
      return hit ? "<mark data-md-highlight>" + word + "</mark>" : word
    })
  }).join("")
}

/* The top-level blocks of an index text (paragraphs, lists, code), and any
   text between them as a block of its own; none with no text (a chart's
   paragraph holds only its images, which the index leaves out). */
function blocks(html) {
  var found = [], depth = 0, start = 0, last = 0, tag = /<(\/?)(p|ul|ol|pre)\b[^>]*>/g, match
  function loose(end) {
    if (html.slice(last, end).trim()) found.push(html.slice(last, end).trim())
  }
  while ((match = tag.exec(html))) {
    if (!match[1]) {
      if (depth++ === 0) {
        loose(match.index)
        start = match.index
      }
    } else if (depth > 0 && --depth === 0) {
      found.push(html.slice(start, tag.lastIndex))
      last = tag.lastIndex
    }
  }
  if (depth > 0) last = start  // unclosed: the rest is loose text
  loose(html.length)
  return found.filter(function (block) { return block.replace(/<[^>]*>/g, "").trim() })
}

var MARK = "<mark data-md-highlight>"
var EXCERPT_BLOCKS = 3

/* What a result shows of its text (already highlighted): the blocks with a
   match, at most EXCERPT_BLOCKS, and of a flat list only the items with a
   match; the first block where only the title matched. A section's text
   can run to pages, and a reader scans results for the words typed. */
function excerpt(html) {
  var all = blocks(html)
  var hits = all.filter(function (block) { return block.indexOf(MARK) !== -1 })
  if (!hits.length) return all.slice(0, 1).join(" ")
  return hits.slice(0, EXCERPT_BLOCKS).map(function (block) {
    var list = /^<(ul|ol)\b[^>]*>([\s\S]*)<\/\1>$/.exec(block)
    if (!list || /<(ul|ol)\b/.test(list[2])) return block
    var items = list[2].match(/<li\b[^>]*>[\s\S]*?<\/li>/g) || []
    var kept = items.filter(function (item) { return item.indexOf(MARK) !== -1 })
    return kept.length ? block.slice(0, block.indexOf(">") + 1) + kept.join("") + "</" + list[1] + ">" : block
  }).join(" ")
}

function search(query) {
  var seen = {}
  var terms = (normal(query).match(WORD) || []).filter(function (word) {
    return seen[word] ? false : (seen[word] = true)
  }).map(function (word) {
    return { typed: word, exact: word, folded: fold(word) }
  })
  if (!terms.length) return { items: [] }
  var hits = []
  docs.forEach(function (entry) {
    var result = score(entry, terms)
    if (result.covered) hits.push({ entry: entry, result: result })
  })
  hits.sort(function (a, b) { return b.result.value - a.result.value })
  var groups = new Map()
  hits.forEach(function (hit) {
    var doc = hit.entry.doc
    var page = hit.entry.parent !== null ? hit.entry.parent : doc.location  // the home page is ""
    var item = {
      location: doc.location,
      title: highlight(doc.title, terms),
      text: excerpt(highlight(doc.text, terms)),
      score: hit.result.value / 1e6,
      terms: hit.result.matched
    }
    if (doc.tags) item.tags = doc.tags
    if (!groups.has(page)) groups.set(page, [])
    groups.get(page).push(item)
  })
  /* Material expects every group to hold its page. */
  groups.forEach(function (items, page) {
    if (!items.some(function (item) { return item.location === page })) {
      var article = docs.filter(function (entry) { return entry.doc.location === page })[0]
      if (article) items.push({ location: page, title: article.doc.title, text: excerpt(article.doc.text), score: 0, terms: {} })
    }
  })
  return { items: Array.from(groups.values()) }
}

addEventListener("message", function (event) {
  var message = event.data
  if (message.type === SETUP) {
    docs = message.data.docs.map(prepare)
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: search(message.data) })
  }
})
