// What this edition adds to Material's search dialog.
//
// Filters (overrides/partials/search-filters.html): a link adds its filter to the
// query, or takes it out again, and the search runs anew. The filter is written into
// the query as Pagefind's syntax (country:Lebanon), which the search worker reads, so
// a shared search link keeps it.
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

  // Each link says whether its filter is in the query now (aria-current: the one chosen).
  function mark(input) {
    document.querySelectorAll("[data-search-filter]").forEach(function (link) {
      var term = link.getAttribute("data-search-filter")
      if ((" " + input.value + " ").indexOf(" " + term + " ") >= 0) link.setAttribute("aria-current", "true")
      else link.removeAttribute("aria-current")
    })
  }

  // Capturing, and stopping there: Material would close the search on a link's click,
  // and instant navigation would follow it.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-search-filter]")
    if (!link) return
    event.preventDefault()
    event.stopPropagation()
    var input = document.querySelector(".md-search__input")
    var term = link.getAttribute("data-search-filter")
    var on = link.getAttribute("aria-current") === "true"
    // One value a filter: choosing Tunisia replaces Lebanon.
    var words = input.value.replace(pattern(term), " ").trim()
    input.value = on ? words : (words + " " + term).trim()
    mark(input)
    input.focus()
    search(input)
  }, true)

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
