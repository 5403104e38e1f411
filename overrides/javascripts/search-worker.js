// Material's search worker, answered from Pagefind's static index.
//
// Material's bundle drives search through a web worker (config.search in __config,
// pointed here by overrides/main.html) with four messages: SETUP (the index file),
// READY, QUERY (the text typed) and RESULT (pages, each with its sections). Keeping
// that protocol keeps Material's own search box, keyboard handling, result list,
// sharing and highlighting; only the engine changes. Pagefind is imported on the
// first real query, so a page view costs this file and nothing more.
//
// A query may carry filters, written as Pagefind's filter names: country:Lebanon,
// topic:"Press freedom" (overrides/javascripts/search-dialog.js writes them from the
// dialog's filter links). tests/browser/ drive it in Chromium; tests/test_search_ui.py pins
// the protocol to the Material version it was written for.
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var FIRST = 1    // the best result first, alone: each result's excerpt is one more fetch
var MOST = 50    // results loaded in all; narrow with a word or a filter for others
var SECTIONS = 3 // sections shown under a page; Material folds the rest ("N more")
var FILTER = /(^|\s)(country|topic):(?:"([^"]*)"?|(\S+))/g

var engine = null // Pagefind, once imported
var latest = 0    // the newest query: an older one still loading is dropped

function pagefind() {
  if (!engine) {
    // The index sits beside the site's root; so does this file's folder.
    var url = new URL("../pagefind/pagefind.js", self.location.href)
    engine = import(url.href).then(function (module) {
      return module.options({ excerptLength: 24 }).then(function () { return module })
    }, function (error) {
      engine = null // a failed load (the network, say) is tried again on the next query
      throw error
    })
  }
  return engine
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]
  })
}

// "hezbollah country:Lebanon" -> words "hezbollah", filters {country: ["Lebanon"]}
function parse(query) {
  var filters = {}
  var words = query.replace(FILTER, function (_, space, name, quoted, bare) {
    (filters[name] = filters[name] || []).push(quoted !== undefined ? quoted : bare)
    return space
  }).trim()
  return { words: words, filters: filters }
}

// Pagefind's URLs start at the site's root ("/essay/"); Material resolves a result's
// location against the site's base, so it wants them relative ("essay/").
function relative(url) {
  return url.replace(/^\//, "")
}

// One result as Material draws it: the page, then its matching sections.
function item(data, score, terms) {
  var tags = [].concat(data.filters.country || [], data.filters.topic || [])
  var page = {
    location: relative(data.url),
    title: escapeHtml(data.meta.title || data.url),
    text: data.excerpt,
    score: score,
    terms: terms
  }
  if (tags.length) page.tags = tags
  var sections = data.sub_results
    .filter(function (sub) { return sub.url !== data.url && sub.url.indexOf("#") > 0 })
    .map(function (sub, i) {
      return {
        location: relative(sub.url),
        title: escapeHtml(sub.title),
        text: sub.excerpt,
        score: i < SECTIONS ? score : score / 2,
        terms: terms
      }
    })
  return [page].concat(sections)
}

function answer(items) {
  self.postMessage({ type: RESULT, data: { items: items } })
}

function search(query, id) {
  var parsed = parse(query)
  if (!parsed.words && !Object.keys(parsed.filters).length) return Promise.resolve(answer([]))
  var terms = {}
  parsed.words.split(/\s+/).filter(Boolean).forEach(function (word) { terms[word] = true })
  return pagefind().then(function (pf) {
    return pf.search(parsed.words || null, { filters: parsed.filters })
  }).then(function (found) {
    var results = found.results.slice(0, MOST)
    var load = function (from, to) {
      return Promise.all(results.slice(from, to).map(function (result) {
        return result.data().then(function (data) { return item(data, result.score, terms) })
      }))
    }
    return load(0, FIRST).then(function (first) {
      if (id !== latest) return
      answer(first)
      if (results.length <= FIRST) return
      return load(FIRST, MOST).then(function (rest) {
        if (id === latest) answer(first.concat(rest))
      })
    })
  })
}

self.addEventListener("message", function (event) {
  var message = event.data
  if (message.type === SETUP) {
    // The index file is only the highlighter's settings: Pagefind keeps the index.
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    var id = ++latest
    search(message.data, id).catch(function (error) {
      // Say so in the console and show no results rather than "Initializing" for ever.
      console.error("search failed:", error)
      if (id === latest) answer([])
    })
  }
})
