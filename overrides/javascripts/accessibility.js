// Repairs to Material's markup that axe-core flags (tests/browser/test_accessibility.py),
// and to its tooltips, which WCAG asks of content shown on hover or focus.
// document$ emits on the first load and after every instant navigation, which swaps
// the page's content and sidebars, so the repairs run again each time.
document$.subscribe(function () {
  // The search dialog has no accessible name (axe: aria-dialog-name): give it the
  // search field's own label, which Material already translates.
  var dialog = document.querySelector('.md-search[role="dialog"]')
  var field = document.querySelector(".md-search__input")
  if (dialog && field) dialog.setAttribute("aria-label", field.getAttribute("aria-label"))

  // With navigation.indexes a section's <nav> names itself after a label id that
  // Material never writes, so the landmark has no name (axe: landmark-unique).
  document.querySelectorAll("nav[aria-labelledby]").forEach(function (nav) {
    var id = nav.getAttribute("aria-labelledby")
    var title = nav.querySelector(":scope > .md-nav__title")
    if (!document.getElementById(id) && title) title.id = id
  })

  // The blog's own <nav> elements are unnamed (axe: landmark-unique): name each
  // after what it holds.
  function name(selector, label) {
    document.querySelectorAll(selector).forEach(function (nav) {
      if (!nav.hasAttribute("aria-label")) nav.setAttribute("aria-label", label(nav))
    })
  }
  name(".md-post__action", function (nav) {
    var heading = nav.closest(".md-post").querySelector("h2")
    return "Continue reading" + (heading ? ": " + heading.textContent.trim() : "")
  })
  name(".md-pagination", function () { return "Pages" })
  name(".md-post > .md-nav--primary", function () { return "Post" })
  name(".md-post__meta .md-nav", function (nav) {
    var title = nav.parentElement.querySelector(".md-post__title")
    return title ? title.textContent.trim() : "Metadata"
  })
  name(".md-tags", function () { return "Tags" })
  // Copy buttons (content.code.copy) sit in one unnamed <nav> per code block.
  document.querySelectorAll(".md-code__nav").forEach(function (nav, index) {
    if (!nav.hasAttribute("aria-label")) nav.setAttribute("aria-label", "Code block " + (index + 1))
  })
})

// Search results are drawn after document$ fires, each with its own tags <nav>:
// name each after its result, so that no two landmarks share a name. Only the result
// list is watched (it sits in the header, which instant navigation keeps): watching the
// whole page ran this on every change Material makes while the page loads, which
// Lighthouse counted as blocking time.
var results = document.querySelector(".md-search-result__list")
if (results) new MutationObserver(function () {
  results.querySelectorAll(".md-search-result__article .md-tags:not([aria-label])").forEach(function (nav) {
    var title = nav.closest(".md-search-result__article").querySelector("h1, h2")
    nav.setAttribute("aria-label", "Tags" + (title ? ": " + title.textContent.trim() : ""))
  })
}).observe(results, { childList: true, subtree: true })

// WCAG 1.4.13: content shown on hover or focus can be dismissed without moving the
// pointer or the focus. Material's tooltips (a figure's source, a note's text) hide only
// when they move; Escape now hides them too, until the next hover or focus.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
    tooltip.classList.remove("md-tooltip2--active")
  })
})

// "Skip to content" moves the focus to where the content starts. Followed as a link, it
// went through Material's instant navigation, which on a page's first link fetches the
// page again and swaps its content in: the place it had reached was thrown away with
// the old content, and the next Tab started again from the top of the page.
document.addEventListener("click", function (event) {
  var skip = event.target instanceof Element && event.target.closest(".md-skip")
  var target = skip && document.getElementById(decodeURIComponent(skip.hash.slice(1)))
  if (!target) return
  event.preventDefault()
  event.stopPropagation()
  target.setAttribute("tabindex", "-1") // focusable by script only, not a Tab stop
  target.focus()
}, true)

// A <label> Material draws for a checkbox, replaced by a button holding what it held: a
// label is no Tab stop unless given one, and may take no role for a screen reader.
function buttonInPlaceOf(label) {
  var button = document.createElement("button")
  button.type = "button"
  button.append.apply(button, Array.from(label.childNodes))
  label.replaceWith(button)
  return button
}

// The menu button of a phone's header (or a zoomed window's) is Material's <label> for
// the drawer's checkbox: no Tab stop, and no key opens it. The closed drawer is hidden
// (accessibility.css), so the label is replaced by a button: pressed from the keyboard it
// opens the drawer with the focus on its first link, Escape closes it and gives the
// focus back. Without JavaScript the label stays, and the drawer is not hidden.
var drawer = document.getElementById("__drawer")
var label = document.querySelector('label.md-header__button[for="__drawer"]')
if (drawer && label) {
  var toggled = function (on) {
    if (drawer.checked === on) return
    drawer.checked = on
    drawer.dispatchEvent(new Event("change")) // what Material watches, as its own toggles do
  }
  var nav = document.querySelector(".md-nav--primary[aria-label]") // Material's word for it
  var menu = buttonInPlaceOf(label) // the icon
  menu.className = label.className + " md-header__menu"
  menu.setAttribute("aria-label", nav ? nav.getAttribute("aria-label") : "Navigation")
  var said = function () { menu.setAttribute("aria-expanded", String(drawer.checked)) }
  said()
  drawer.addEventListener("change", said)
  menu.addEventListener("click", function (event) {
    toggled(!drawer.checked)
    // Pressed with a key (no pointer's click count): the focus to the first link seen.
    var first = drawer.checked && event.detail === 0 && Array.from(
      document.querySelectorAll(".md-sidebar--primary :is(a[href], button, label[tabindex])")
    ).find(function (link) { return link.checkVisibility({ visibilityProperty: true }) })
    if (first) first.focus()
  })
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer.checked) return
    toggled(false)
    menu.focus()
  })
  // The focus gone on past the drawer, behind its overlay: the drawer closes.
  document.addEventListener("focusin", function (event) {
    if (drawer.checked && event.target !== menu && !event.target.closest(".md-sidebar--primary")) toggled(false)
  })
}

// Inside the drawer, Material's panels: a section ("The data") or the page's contents
// slides over the level it came from. What opens one, and each panel's way back (its
// title), are <label>s: a screen reader read them as text, with no role or state (and a
// label may take none: axe, aria-allowed-role), and the page's contents' opener and the
// ways back were no Tab stop at all. Each is made a button, keeping Material's classes,
// id and `for` (its styles and the section's <nav> name key on them), its state said by
// aria-expanded. The current page's section (tabindex="") too: Material draws it as a
// heading, which it is in a wide screen's sidebar, but in the drawer its panel's way back
// led to a label no key could open again. They are made as the drawer opens, the only
// place they are shown: made as each page started, they added to its blocking time
// (bench/notes.md, part 24). The screen widened to the sidebar, the labels are put back.
// Opened or closed from the keyboard, the focus goes with it: to the panel's way back,
// or to what opened it.
var labelsReplaced = new Map() // each drawer button, and the label it stands in for
function drawerButtons() {
  labelsReplaced.forEach(function (label, button) { // gone with a page instant navigation replaced
    if (!button.isConnected) labelsReplaced.delete(button)
  })
  document.querySelectorAll('.md-sidebar--primary label.md-nav__title:not([for="__drawer"]), ' +
                            '.md-sidebar--primary label.md-nav__link[for]').forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor)
    if (!toggle) return
    var button = buttonInPlaceOf(label)
    Array.from(label.attributes).forEach(function (attribute) {
      if (attribute.name !== "tabindex") button.setAttribute(attribute.name, attribute.value)
    })
    button.setAttribute("aria-expanded", String(toggle.checked))
    labelsReplaced.set(button, label)
  })
}
if (drawer) drawer.addEventListener("change", function () { if (drawer.checked) drawerButtons() })
var sidebarShown = matchMedia("(min-width: 76.25em)") // Material's breakpoint for it
sidebarShown.addEventListener("change", function () {
  if (!sidebarShown.matches) return
  labelsReplaced.forEach(function (label, button) {
    if (!button.isConnected) return // gone with a page instant navigation replaced
    label.append.apply(label, Array.from(button.childNodes))
    button.replaceWith(label)
  })
  labelsReplaced.clear()
})
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element && event.target.closest(".md-sidebar--primary button[for]")
  var toggle = button && document.getElementById(button.getAttribute("for"))
  if (toggle) toggle.click() // as the label's click did: checked or not, then "change"
})
document.addEventListener("change", function (event) {
  var toggle = event.target
  if (!(toggle instanceof HTMLInputElement) || !toggle.matches(".md-sidebar--primary .md-nav__toggle")) return
  document.querySelectorAll('.md-sidebar--primary button[for="' + toggle.id + '"]').forEach(function (button) {
    button.setAttribute("aria-expanded", String(toggle.checked))
  })
  var from = document.activeElement
  if (!from || from.getAttribute("for") !== toggle.id) return
  var to = toggle.checked
    ? toggle.parentElement.querySelector(":scope > .md-nav > .md-nav__title")
    : toggle.parentElement.querySelector('.md-nav__link[for="' + toggle.id + '"]') ||
      toggle.parentElement.querySelector(":scope > .md-nav__container > a") // a section with its own page
  // Without scrolling: the panel is still sliding in, and the drawer's scroll box would
  // scroll sideways to the title, leaving the panel off to the left and the drawer blank.
  if (to) to.focus({ preventScroll: true })
})
