// Paper: print.css writes out where each link to another site leads (a[href^="http"]),
// since a printed link cannot be followed. Material's instant navigation makes every
// relative link absolute as it starts, so this site's own links (each figure's, each
// note's number) would print their addresses too, in the middle of the text. Before
// printing, they are marked, and print.css leaves them out; so are links whose text is
// their address already (the sources page's), which printed it twice. Nothing changes on
// screen; without JavaScript the links stay relative and need no mark.
addEventListener("beforeprint", function () {
  document.querySelectorAll('.md-typeset a[href^="http"]').forEach(function (link) {
    var text = link.textContent.trim()
    link.toggleAttribute("data-no-address", link.origin === location.origin ||
                         text === link.getAttribute("href") || text === link.href)
  })
})
