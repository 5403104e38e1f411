// What this edition adds to Material's search dialog.
//
// Filters (overrides/partials/search-filters.html): a link adds its filter to the
// query, or takes it out again, and the search runs anew. The filter is written into
// the query as Pagefind's syntax (country:Lebanon), which the search worker reads, so
// a shared search link keeps it.
//
// Typo correction (overrides/partials/search-correction.html): when the search worker
// searched a corrected query, it says so on the BroadcastChannel "search-correction",
// and the dialog shows "Showing results for Tunisia. Search instead for Tunisa"; the
// link searches the query as typed, which the worker then leaves alone. Where no page
// holds every word and the worker left some out, the notice says that first; where a
// filter's value is one no page has (country:Atlantis), it says that.
//
// Sharing: the link copied is the search shown (Material's copies the one before).
//
// A section result on a phone opens at its section, not at the top of its page.
//
// Material searches on key-up only: text pasted with the mouse, dictated or filled in
// by the browser found nothing until the next key. Any input now tells it.
(function () {
  function search(input) {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  }

  function pattern(term) {
    var name = term.slice(0, term.indexOf(":") + 1)
    return new RegExp("(^|\\s)" + name + "(\"[^\"]*\"?|\\S+)", "g")
  }

  // Each link says whether its filter is in the query now (aria-current: the one chosen),
  // in any case, as the worker reads it (country:tunisia is country:Tunisia); or in the
  // query the worker searched instead, where it corrected a value (country:Lebanen).
  function mark(input, searched) {
    var query = (" " + (searched || input.value) + " ").toLowerCase()
    document.querySelectorAll("[data-search-filter]").forEach(function (link) {
      var term = link.getAttribute("data-search-filter").toLowerCase()
      if (query.indexOf(" " + term + " ") >= 0) link.setAttribute("aria-current", "true")
      else link.removeAttribute("aria-current")
    })
  }

  // "Showing results for <strong>Tunisia</strong>. <a>Search instead for Tunisa</a>"
  // for the query the worker corrected or searched with fewer words, if it is still the
  // one in the box; before it, the filter values no page is filed under, if any.
  // A message about another query (an older one, or another tab's: the channel reaches
  // every tab of the site) leaves the notice as it is.
  function correct(notice, said, input) {
    if (said.query !== input.value) return
    notice.replaceChildren()
    if (said.unknown && said.unknown.length) {
      notice.append("No page is filed under " + said.unknown.map(function (filter) {
        return filter.name + " \u201c" + filter.value + "\u201d"
      }).join(" or ") + (said.corrected ? ". " : "; the filters below list those that are. "))
    }
    if (!said.corrected) return
    mark(input, said.corrected)
    var corrected = document.createElement("strong")
    corrected.textContent = said.corrected
    if (said.left && said.left.length) notice.append("No page has all of these words. ")
    notice.append("Showing results for ", corrected, ".")
    if (!said.instead) return
    var link = document.createElement("a")
    link.href = "?" + new URLSearchParams({ q: said.instead })
    link.setAttribute("data-search-query", said.instead)
    var text = document.createElement("span")
    text.setAttribute("data-md-score", "-1")
    text.textContent = "Search instead for " + said.asked.trim()
    link.appendChild(text)
    notice.append(" ", link)
  }

  if (typeof BroadcastChannel === "function") {
    new BroadcastChannel("search-correction").addEventListener("message", function (event) {
      var notice = document.querySelector(".md-search-correction")
      var input = document.querySelector(".md-search__input")
      if (notice && input) correct(notice, event.data, input)
    })
  }

  // Capturing, and stopping there: Material would close the search on a link's click,
  // and instant navigation would follow it.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-search-filter], [data-search-query]")
    if (!link) return
    event.preventDefault()
    event.stopPropagation()
    var input = document.querySelector(".md-search__input")
    var term = link.getAttribute("data-search-filter")
    // Enter in the box with no result: Material clicks the best-scored link it finds,
    // a filter's (xyzzy became "xyzzy country:Iraq"). A reader's click or key on the link
    // has the focus on it, or a click count; Material's click from the box has neither.
    if (term && event.detail === 0 && document.activeElement === input) return
    if (term) {
      var on = link.getAttribute("aria-current") === "true"
      // One value a filter: choosing Tunisia replaces Lebanon.
      var words = input.value.replace(pattern(term), " ").trim()
      input.value = on ? words : (words + " " + term).trim()
    } else {
      input.value = link.getAttribute("data-search-query")
    }
    mark(input)
    input.focus()
    search(input)
  }, true)

  // Material's share button copies its data-clipboard-text, which Material sets to the
  // link as it stood before each query (one key behind: "Hasake" for Hasakeh). Before
  // the clipboard reads it, it is given the link the button holds now.
  document.addEventListener("click", function (event) {
    var share = event.target instanceof Element && event.target.closest('[data-md-component="search-share"]')
    if (share) share.setAttribute("data-clipboard-text", share.href)
  }, true)

  // Below 960 px Material fixes the page in place while the search covers it
  // (body[data-md-scrolllock]), so a section result followed could not scroll to its
  // section, and the page opened at its top. Once Material lets the page go, the section
  // is scrolled to, if the page shown is still the one the result led to.
  var followed = null
  document.addEventListener("click", function (event) {
    var result = event.target instanceof Element && event.target.closest(".md-search-result__link")
    if (result && result.hash) followed = result.href
  }, true)
  // Whichever comes last, the page let go or the new page in place.
  function toSection() {
    if (!followed || document.body.hasAttribute("data-md-scrolllock") || location.href !== followed) return
    var section = document.getElementById(decodeURIComponent(location.hash.slice(1)))
    if (!section) return
    followed = null
    section.scrollIntoView()
  }
  new MutationObserver(toSection).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] })
  document$.subscribe(function () { setTimeout(toSection) }) // after Material's own scroll, if any

  document.addEventListener("input", function (event) {
    // A key's own key-up follows anyway; Material asks once per distinct query.
    if (event.target instanceof Element && event.target.matches(".md-search__input")) search(event.target)
  })

  document.addEventListener("keyup", function (event) {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) mark(event.target)
  })
  // A shared search link (?q=country:Lebanon) has filled the query already.
  var input = document.querySelector(".md-search__input")
  if (input) mark(input)
})()
