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
// dialog's filter links). What this adds to Pagefind, each step only when a query
// needs it (the files it reads are written by macros/search/index.py):
//
// - Spellings. A name typed in another spelling (al-Hasakah) is searched as the site
//   writes it (Hasakeh), from ../search/spellings.json, fetched with Pagefind; the
//   excerpt then shows the page's own words with that name highlighted.
// - Typos. When a word matches nothing, it is corrected to the nearest word of the
//   site's vocabulary (../search/vocabulary.json, fetched only then): one letter off
//   for words of 5 to 8 letters, two for longer ones (Meilisearch's and Typesense's
//   defaults: "Iran" is not a typo of "Iraq"), the more frequent word where two are as
//   near. The dialog says "Showing results for ..." with the query as typed a click
//   away (it hears of the correction on the BroadcastChannel "search-correction"). A
//   word that matches nothing and is near no word of the site finds no page.
// - Fewer words. When no page holds every word, the words that match nothing are left
//   out, then words from the end, until a page holds the rest (Meilisearch's default,
//   "last"; Typesense's drop_tokens_threshold), and the dialog says so.
// - A query with a quotation mark in its words is searched as typed: no other
//   spelling, no correction ("Search instead for" quotes the word it keeps).
// - Filters. A value in any case (country:tunisia) is the index's (Tunisia); one a
//   letter off is corrected as a word is (country:Lebanen); and the dialog names a
//   value no page is filed under, rather than finding nothing without a word.
//
// tests/browser/ drive it in Chromium; tests/test_search_ui.py pins the protocol to the
// Material version it was written for.
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var FIRST = 1    // the best result first, alone: each result's excerpt is one more fetch
var MOST = 50    // results loaded in all; narrow with a word or a filter for others
var SECTIONS = 3 // sections shown under a page; Material folds the rest ("N more")
var FILTER = /(^|\s)(country|topic):(?:"([^"]*)"?|(\S+))/g
// Ranking: the length of a page does not count. The essay is long and the reference
// pages are short; length said nothing about which a reader wants. (Pagefind weighs
// the pages themselves: macros/search/index.py.)
var RANKING = { pageLength: 0 }
var SPELLINGS = 8 // queries searched at most for one query's other spellings

var latest = 0 // the newest query: an older one still loading is dropped
var correction = typeof BroadcastChannel === "function" ? new BroadcastChannel("search-correction") : null

// `load` run once, when first asked for (Pagefind, the spellings, the vocabulary).
function retried(load) {
  var promise = null
  return function () {
    if (!promise) promise = load().catch(function (error) {
      promise = null // a failed load (the network, say) is tried again on the next query
      throw error
    })
    return promise
  }
}

function beside(path) {
  return new URL(path, self.location.href).href // the worker's folder is beside the site's root
}

var pagefind = retried(function () {
  return import(beside("../pagefind/pagefind.js")).then(function (module) {
    return module.options({ excerptLength: 24, ranking: RANKING }).then(function () { return module })
  })
})

function fetched(name) {
  return fetch(beside("../search/" + name)).then(function (response) {
    if (!response.ok) throw new Error(name + ": HTTP " + response.status)
    return response.json()
  })
}

// The way words are compared: no case, no accents, no punctuation (Saïed, saied).
function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")
}

// A name's words as compared: "Al-Hasakah" -> "al hasakah", "Sina'a" -> "sinaa".
function folded(text) {
  return text.split(/[\s\p{Pd}]+/u).map(fold).filter(Boolean)
}

// {names: {Hasakeh: ["Al-Hasakah", ...]}, written: ["Said"]} -> the names each spelling
// stands for (folded words joined by spaces), and the spellings searched as typed too.
var loadSpellings = retried(function () {
  return fetched("spellings.json").then(function (file) {
    var names = new Map(), longest = 1
    Object.keys(file.names).sort().forEach(function (name) {
      [name].concat(file.names[name]).forEach(function (spelling) {
        var words = folded(spelling)
        var key = words.join(" ")
        longest = Math.max(longest, words.length)
        names.set(key, (names.get(key) || []).concat(name))
      })
    })
    var written = new Set(file.written.map(function (s) { return folded(s).join(" ") }))
    return { names: names, written: written, longest: longest }
  })
})

var loadVocabulary = retried(function () {
  return fetched("vocabulary.json").then(function (file) {
    return Object.keys(file.words).map(function (word) {
      return { word: word, folded: fold(word), count: file.words[word] }
    })
  })
})

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

// The site's spellings of a name found in the query, and the reader's own where the site
// also writes it as a word ("said"); anywhere else Pagefind would match its first
// letters ("has" for Hasakah).
function searchedFor(text, key, names, known) {
  var others = names.filter(function (name) { return folded(name).join(" ") !== key })
  return others.length < names.length || known.written.has(key) ? [text].concat(others) : others
}

// The query's words as parts, {text, spellings}: a name in any spelling (the longest run
// of words that spells one) with the spellings to search in its place, or a word, to
// search as typed (spellings null).
function spelled(words, known) {
  var raw = words.split(/\s+/).filter(Boolean)
  var parts = []
  for (var i = 0; i < raw.length; i = parts[parts.length - 1].to) {
    var part = { text: raw[i], spellings: null, to: i + 1 }
    for (var j = Math.min(raw.length, i + known.longest); j > i; j--) {
      var text = raw.slice(i, j).join(" ")
      var key = folded(text).join(" ")
      var names = known.names.get(key)
      if (names) {
        part = { text: text, spellings: searchedFor(text, key, names, known), to: j }
        break
      }
    }
    parts.push(part)
  }
  return parts
}

// Every query to ask Pagefind for the parts: one per combination of spellings.
function spellingsOf(parts) {
  var queries = [[]]
  parts.forEach(function (part) {
    var options = part.spellings || [part.text]
    queries = [].concat.apply([], queries.map(function (words) {
      return options.map(function (option) { return words.concat(option) })
    })).slice(0, SPELLINGS)
  })
  return queries.map(function (words) { return words.join(" ") })
}

// Pagefind's results for every spelling of the query, each page once at its best
// score, with the words that found it (what Material highlights on the page it opens).
function find(pf, parts, filters) {
  var queries = parts.length ? spellingsOf(parts) : [null]
  return Promise.all(queries.map(function (query) {
    return pf.search(query, { filters: filters }).then(function (found) {
      return found.results.map(function (result) { return { result: result, words: query || "" } })
    })
  })).then(function (lists) {
    var best = new Map()
    ;[].concat.apply([], lists).forEach(function (found) {
      var seen = best.get(found.result.id)
      if (!seen || found.result.score > seen.result.score) best.set(found.result.id, found)
    })
    return Array.from(best.values()).sort(function (a, b) { return b.result.score - a.result.score })
  })
}

// Whether Pagefind matched on the page a word beginning with `word` ("Tunis" finds
// "Tunisia"); its locations count the words of the page's content.
function begins(data, word) {
  var key = fold(word)
  var words = data.content.split(/[\r\n\s]+/g)
  return data.locations.some(function (at) { return fold(words[at] || "").indexOf(key) === 0 })
}

// The words of the query that matched nothing: not on the best page found, not as a
// form of the word ("repatriation" finds "repatriate": only a search for the word
// quoted tells), and, when nothing was found, not alone. Pagefind answers a word it does
// not know with the longest word that begins it ("he" for "Hezbolah"), so a result
// alone does not prove a match.
async function unmatched(pf, words, best) {
  var missing = []
  for (var i = 0; i < words.length; i++) {
    var word = words[i]
    if (best && begins(best, word)) continue
    if ((await pf.search("\"" + word + "\"")).results.length) continue
    if (!best) {
      var alone = (await pf.search(word)).results
      if (alone.length && begins(await alone[0].data(), word)) continue
    }
    missing.push(word)
  }
  return missing
}

// Optimal string alignment distance (a swap of two letters is one edit), or more than
// `most` as soon as it must be.
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1
  var before = null, row = [], previous = []
  for (var j = 0; j <= b.length; j++) previous[j] = j
  for (var i = 1; i <= a.length; i++) {
    row = [i]
    var least = i
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], before[j - 2] + 1)
      }
      least = Math.min(least, row[j])
    }
    if (least > most) return most + 1
    before = previous
    previous = row
  }
  return previous[b.length]
}

// The word of the site nearest `word`: one edit away for 5 to 8 letters, two beyond;
// the nearer first, then the more frequent. Null if none is that near, or if the site
// writes the word itself.
function nearest(word, words) {
  var key = fold(word)
  var most = key.length >= 9 ? 2 : 1 // correctable() asks only for words of five letters or more
  if (words.some(function (entry) { return entry.folded === key })) return null
  var best = null
  words.forEach(function (entry) {
    var d = distance(key, entry.folded, most)
    if (d <= most && (!best || d < best.d || (d === best.d && entry.count > best.count))) {
      best = { word: entry.word, d: d, count: entry.count }
    }
  })
  return best && best.word
}

// The words a typo may be: of letters only, five or more, not a spelling of a name.
function correctable(parts) {
  return parts.filter(function (part) {
    return !part.spellings && /^\p{L}{5,}$/u.test(fold(part.text))
  }).map(function (part) { return part.text })
}

// The words of the query Pagefind must find, folded: each run of three letters or more,
// "raqqah" in "ar-Raqqah", but not a spelling of a name, which is searched as the site
// writes it. Shorter ones it matches as the start of a word, as a reader typing expects.
function checkable(parts) {
  return Array.from(new Set([].concat.apply([], parts.map(function (part) {
    return part.spellings ? [] : folded(part.text).filter(function (word) { return /^\p{L}{3,}$/u.test(word) })
  })))) // each once: "Tunisa Tunisa" is one typo
}

// `words` with the filters written in `query` after them, one space apart.
function withFilters(words, query) {
  return [words].concat((query.match(FILTER) || []).map(function (term) { return term.trim() })).filter(Boolean).join(" ")
}

// `query` with each word of `fixes` (word -> replacement) replaced where it stands.
function replaced(query, fixes) {
  return query.split(/(\s+)/).map(function (piece) {
    return fixes.has(piece) ? fixes.get(piece) : piece
  }).join("")
}

// Pagefind's URLs start at the site's root ("/essay/"); Material resolves a result's
// location against the site's base, so it wants them relative ("essay/").
function relative(url) {
  return url.replace(/^\//, "")
}

// What the page a result opens marks (Material's ?h=): the query's words, in the parts
// Material's highlighter splits them into (at spaces and hyphens). It marks each part
// wherever it stands, inside other words too, so parts of one or two letters are left
// out when the query has a longer one: for al-Hol, "al" was marked 108 times in the essay,
// in "also", "local", "fall".
function highlighted(words) {
  var parts = words.replace(/"/g, "").split(/[\s-]+/).filter(Boolean)
  var long = parts.filter(function (part) { return part.length > 2 })
  var terms = {}
  ;(long.length ? long : parts).forEach(function (part) { terms[part] = true })
  return terms
}

// How well a part of a page answers `asked` (the query's words, folded): the words its
// excerpt marks, each once, then those of them the query says as they stand ("camps",
// not "campaign", which Pagefind also finds for it). Where two parts answer as well,
// the page's order stands: the text before its notes, which close the page.
function answers(sub, asked) {
  var marked = new Set((sub.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).map(function (mark) {
    return fold(mark.replace(/<\/?mark>/g, ""))
  }))
  var exact = Array.from(marked).filter(function (word) { return asked.has(word) })
  return [marked.size, exact.length]
}

// Pagefind marks all that stands between two spaces, so the comma or full stop after a
// word, or the quotation mark before it, was highlighted with it ("Hasakeh,"). The mark
// is drawn on the word alone; an escaped quotation mark (&#39;) counts as one character.
var EDGE = "(?:[.,;:!?\u2026()\\[\\]\u201c\u201d\u2018\u2019\u00ab\u00bb'\"]|&(?:quot|#39);)*"
var MARKED = new RegExp("<mark>(" + EDGE + ")(.*?)(" + EDGE + ")</mark>", "g")

function marksOnWords(excerpt) {
  return excerpt.replace(MARKED, function (whole, before, word, after) {
    return word ? before + "<mark>" + word + "</mark>" + after : whole
  })
}

function answersBetter(a, b) { // Array.prototype.sort is stable: equals keep the page's order
  return b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1]
}

// One result as Material draws it: the page, then its matching sections, those that
// answer best first (the first SECTIONS shown, the rest folded).
function item(data, score, words) {
  var terms = highlighted(words)
  var asked = new Set(Object.keys(terms).map(fold))
  var tags = [].concat(data.filters.country || [], data.filters.topic || [])
  var page = {
    location: relative(data.url),
    title: escapeHtml(data.meta.title || data.url),
    text: marksOnWords(data.excerpt),
    score: score,
    terms: terms
  }
  if (tags.length) page.tags = tags
  var sections = data.sub_results
    .filter(function (sub) { return sub.url !== data.url && sub.url.indexOf("#") > 0 })
    .map(function (sub) { return { sub: sub, rank: answers(sub, asked) } })
    .sort(answersBetter)
    .map(function (part, i) {
      return {
        location: relative(part.sub.url),
        title: escapeHtml(part.sub.title),
        text: marksOnWords(part.sub.excerpt),
        score: i < SECTIONS ? score : score / 2,
        terms: terms
      }
    })
  return [page].concat(sections)
}

// A found page's data, asked of Pagefind once: each call works its excerpts out again.
function dataOf(found) {
  if (!found.data) found.data = found.result.data()
  return found.data
}

function answer(items) {
  self.postMessage({ type: RESULT, data: { items: items } })
}

// `query` with a value of several words typed without its quotation marks, as the
// filter's link reads (topic:Judicial independence), quoted: else only its first word
// was the value, and no page is filed under "Judicial".
function unquoted(query, values) {
  Object.keys(values).forEach(function (name) {
    Object.keys(values[name]).filter(function (value) { return /\s/.test(value) }).forEach(function (value) {
      var words = value.split(/\s+/).map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") })
      var bare = new RegExp("(^|\\s)" + name + ":" + words.join("\\s+") + "(?=\\s|$)", "giu")
      query = query.replace(bare, function (_, space) { return space + name + ":\"" + value + "\"" })
    })
  })
  return query
}

// The filters as the index spells them, and the query searched with them. Pagefind
// matches a value exactly, and a reader may type country:tunisia for the link's
// country:Tunisia: another case is the index's value. A value of five letters or more
// that no page is filed under is corrected as a word is (country:Lebanen is Lebanon);
// one near none stays as typed and finds nothing. The dialog names both: {query: the
// query with its filters corrected, filters, unknown: [{name, value}]}. "Search
// instead" never offers the value typed back: no page is filed under it.
async function indexed(pf, query) {
  if (!query.match(FILTER)) return { query: query, filters: {}, unknown: [] }
  var values = await pf.filters()
  var filters = {}, unknown = []
  var spelt = unquoted(query, values).replace(FILTER, function (term, space, name, quoted, bare) {
    var value = quoted !== undefined ? quoted : bare
    var counts = values[name] || {}
    var known = Object.keys(counts).map(function (each) { return { word: each, folded: fold(each), count: counts[each] } })
    var same = known.find(function (each) { return each.folded === fold(value) })
    var near = !same && /^\p{L}{5,}$/u.test(fold(value)) ? nearest(value, known) : null
    ;(filters[name] = filters[name] || []).push(same ? same.word : near || value)
    if (same) return term
    unknown.push({ name: name, value: value })
    return near ? space + name + ":" + (/\s/.test(near) ? "\"" + near + "\"" : near) : term
  })
  return { query: spelt, filters: filters, unknown: unknown }
}

// What to answer the query typed with: {found, corrected, left, unknown, asked}, where
// corrected is the query searched in its place ("Tunisia" for "Tunisa") or null, left
// lists the words left out (see fewer), unknown is indexed()'s, and asked is the query
// as typed, its filters corrected: "Search instead" keeps its words, not a value no page
// is filed under.
async function understood(pf, known, typed) {
  var filed = await indexed(pf, typed)
  var answered = await answeredWords(pf, known, filed.query, filed.filters)
  answered.asked = answered.corrected ? filed.query : null
  // A filter corrected is said; a value's case or quotation marks put right are not.
  if (!answered.corrected && filed.unknown.length && answered.found.length) answered.corrected = filed.query
  answered.unknown = filed.unknown
  return answered
}

// The same for the query's words, its filters as the index spells them.
async function answeredWords(pf, known, query, filters) {
  var parsed = parse(query)
  var asTyped = parsed.words.indexOf("\"") >= 0
  var parts = asTyped ? [{ text: parsed.words, spellings: null }] : spelled(parsed.words, known)
  var found = await find(pf, parts, filters)
  var checked = asTyped ? [] : checkable(parts)
  var missing = checked.length ? await unmatched(pf, checked, found.length ? await dataOf(found[0]) : null) : []
  if (!missing.length && found.length) return { found: found, corrected: null }
  var fixes = new Map()
  if (missing.length) {
    var words = await loadVocabulary()
    correctable(parts).forEach(function (word) {
      var fix = missing.indexOf(fold(word)) >= 0 && nearest(word, words)
      if (fix) fixes.set(word, fix)
    })
  }
  // A word that matches nothing leaves no page holding the query: what Pagefind found
  // holds only a word that begins it ("to" for "torture"). Corrected, or left out.
  if (missing.length && fixes.size === missing.length) {
    var corrected = replaced(query, fixes)
    var better = await find(pf, spelled(parse(corrected).words, known), filters)
    if (better.length) return { found: better, corrected: corrected }
  }
  return asTyped ? { found: [], corrected: null } : fewer(pf, known, query, parts, missing, fixes, filters)
}

// No page holds every word: the pages that hold the most of them, as Meilisearch's
// default matching strategy ("last") and Typesense's drop_tokens_threshold answer.
// The words that match nothing go first (corrected where they can be), then words from
// the end, one at a time, while a word is left; a single word finds what it finds. The
// dialog says which words were searched, and the query as typed is a click away.
async function fewer(pf, known, query, parts, missing, fixes, filters) {
  var kept = parts.filter(function (part) {
    return fixes.has(part.text) || !folded(part.text).some(function (word) { return missing.indexOf(word) >= 0 })
  })
  if (kept.length === parts.length) kept = kept.slice(0, -1)
  for (; kept.length; kept = kept.slice(0, -1)) {
    var left = parts.filter(function (part) { return kept.indexOf(part) < 0 })
    // The parts kept, each where it stood, corrected, without the commas around them.
    var words = kept.map(function (part) { return fixes.get(part.text) || part.text.replace(/^[,;:!?]+|[,;:!?]+$/g, "") })
      .filter(Boolean).join(" ")
    if (!words) continue
    var corrected = withFilters(words, query)
    var found = await find(pf, spelled(words, known), filters)
    if (found.length) {
      return { found: found, corrected: corrected, left: left.map(function (part) { return part.text }) }
    }
  }
  return { found: [], corrected: null }
}

// Tell the search dialog what was corrected or left out, which filter's value no page
// is filed under, and, where words were corrected or left out, what to search to keep
// them as typed: the words as one quoted phrase, the filters as searched. No page holds
// all the words, so none holds the phrase. Quoted one by one, a word that matches
// nothing is dropped by Pagefind: 'Naureen "Finck"' found the essay.
function tell(query, answered) {
  if (!correction) return
  var asked = answered.asked
  var instead = asked && withFilters("\"" + parse(asked).words.replace(/\s+/g, " ") + "\"", asked)
  correction.postMessage({ query: query, corrected: answered.corrected, instead: instead || null,
                           asked: asked || null, left: answered.left || [], unknown: answered.unknown || [] })
}

async function search(query, id) {
  var parsed = parse(query)
  if (!parsed.words && !Object.keys(parsed.filters).length) {
    tell(query, { corrected: null })
    return answer([])
  }
  var loaded = await Promise.all([pagefind(), loadSpellings()])
  var answered = await understood(loaded[0], loaded[1], query)
  var results = answered.found.slice(0, MOST)
  var load = function (from, to) {
    return Promise.all(results.slice(from, to).map(function (found) {
      return dataOf(found).then(function (data) { return item(data, found.result.score, found.words) })
    }))
  }
  var first = await load(0, FIRST)
  if (id !== latest) return
  tell(query, answered)
  answer(first)
  if (results.length <= FIRST) return
  var rest = await load(FIRST, MOST)
  if (id === latest) answer(first.concat(rest))
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
