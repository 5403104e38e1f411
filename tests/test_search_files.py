"""What the build hands to search (macros/search/): the copy of each page Pagefind
indexes, weighed and with its filters, and the two files the search worker reads only
when a query needs them, the other spellings of names and the site's vocabulary."""

from __future__ import annotations

import json

from macros.registry.loading import load_registry
from macros.search import index as search_index
from macros.search import variants, vocabulary
from tests.support import ROOT, pagefind_fragments

REGISTRY = load_registry(ROOT)
BUILT = f'<html><nav>Kais</nav>{search_index.ROOT}<h1>T</h1><p>Kais</p></article><footer>F</footer></html>'


def test_tags_become_country_and_topic_filters():
    assert search_index.filters(["Lebanon", "Impunity", "Palestinian Territories", "Press freedom"]) == {
        "country": ["Lebanon", "Palestinian Territories"], "topic": ["Impunity", "Press freedom"]}
    assert search_index.all_filters([["Tunisia", "Impunity"], ["Lebanon", "Impunity"], []]) == {
        "country": ["Lebanon", "Tunisia"], "topic": ["Impunity"]}


def test_the_copy_search_reads_is_the_article_as_it_stands_with_filters():
    text = search_index.for_index(BUILT, "en", ['Lebanon', 'A "b"'], is_article=True)
    assert text.startswith(f'<!doctype html><html lang="en"><body>{search_index.ROOT}<span data-pagefind-filter')
    assert "<nav>" not in text and "<footer>" not in text
    assert text.endswith("<h1>T</h1><p>Kais</p></article></body></html>")  # nothing added to the words
    assert '<span data-pagefind-filter="country:Lebanon"></span>' in text
    assert '<span data-pagefind-filter="topic:A &quot;b&quot;"></span>' in text
    assert search_index.for_index("<html>no article</html>", "en", [], is_article=True) is None


def test_pages_other_than_articles_weigh_half_headings_and_all():
    article = search_index.for_index(BUILT, "en", [], is_article=True)
    other = search_index.for_index(BUILT, "en", [], is_article=False)
    assert "data-pagefind-weight" not in article  # Pagefind's own: text 1, headings 2 to 7
    assert other.count("data-pagefind-weight") == 1
    assert '<article data-pagefind-weight="0.5" class="md-content__inner md-typeset"><h1>T</h1>' in other


def test_the_vocabulary_holds_the_words_search_can_find():
    page = ('<!doctype html><article><h1 id="a">Tunisia<a class="headerlink" href="#a">Permalink</a></h1>'
            '<p>Tunisia&rsquo;s <b>judges</b>, 45,000 of us<br/>on<!-- Hidden --> 3 Feb</p>'
            '<span data-search-exclude>Quoted <span>nested <b>words</b></span></span> after'
            '<div class="cite-this" data-search-exclude><h2>Cite</h2><pre>@misc{howpublished}</pre></div>'
            '<svg><title>Chart</title></svg><nav>Tags</nav><img alt="Picture"><p>TUNISIA Tunisia</p>'
            '<p>Link <a href="https://e.org/tunisia">https://e.org/tunisia-report</a></p></article>')
    assert vocabulary.words(page) == ["Tunisia", "Tunisia", "judges", "Feb", "after", "TUNISIA", "Tunisia", "Link"]
    words = vocabulary.Vocabulary()
    words.add(page)
    words.add("<p>Judges Judges judges</p>")
    # Lower case where the site writes it so, else its commoner form; all forms counted.
    expected = {"Feb": 1, "Link": 1, "Tunisia": 4, "after": 1, "judges": 4}
    assert words.forms() == expected and json.loads(words.json()) == {"words": expected}


def test_only_what_pagefind_leaves_out_is_left_out_of_the_vocabulary():
    # Tags that only look like one left out (a word in a title, a self-closing <svg/>, a
    # <navigation>) keep their words; one in capitals is left out as Pagefind does.
    page = ('<p><span title="headerlink">Kept</span> <svg/>Also <navigation>Here</navigation>'
            '<NAV>Gone</NAV> <a class="headerlinks">Still</a><img data-search-exclude alt="x">Last</p>')
    assert vocabulary.words(page) == ["Kept", "Also", "Here", "Still", "Last"]


def test_the_spellings_file_names_the_spellings_the_site_also_writes():
    names = {"Saied": ["Saïed", "Said"], "Lokman Slim": ["Luqman Slim"]}
    written = json.loads(variants.for_worker(names, {"said": 4, "Saied": 2, "Slim": 1}))
    assert written == {"names": names, "written": ["Said"]}


def test_the_site_writes_both_files_from_its_data_and_its_pages(site):
    spellings = json.loads((site.site / "search" / "spellings.json").read_text(encoding="utf-8"))
    assert spellings["names"] == REGISTRY.variants
    words = json.loads((site.site / "search" / "vocabulary.json").read_text(encoding="utf-8"))["words"]
    for name in REGISTRY.variants:  # the site writes each name: search can find it
        assert all(word in words for word in name.replace("-", " ").split() if len(word) > 2), name
    seed = (ROOT / "tests" / "seed" / "article.txt").read_text(encoding="utf-8")
    assert {"Hasakeh", "detainees", "repatriate"} <= set(words) and all(w in seed for w in ("Hasakeh", "detainees"))
    assert "Lebanon" in words and "lebanon" not in words  # in lower case only in web addresses
    cite = site.html("essay/index.html").select_one("div.cite-this").get_text()
    assert "howpublished" in cite and "howpublished" not in words  # "Cite this page" is not indexed


def test_search_holds_every_page_a_reader_opens_but_the_blog_index(site):
    # The build has Pagefind build its index once the last page it expects is in, while
    # the blog's index pages are made (build.py: expect_pages); none may be left out.
    expected = set()
    for path in site.site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if search_index.ROOT in text and "md-post--excerpt" not in text:  # an index page's excerpts
            folder = path.parent.relative_to(site.site).as_posix()
            expected.add("/" if folder == "." else f"/{folder}/")
    indexed = {page["url"] for page in pagefind_fragments(site.site / "pagefind")}
    assert "/essay/" in expected and "/rundown/" not in expected
    assert indexed == expected


def test_a_spelling_that_is_a_word_of_a_name_is_not_written_as_a_word_of_its_own():
    # The vocabulary counts "Hol" in "al-Hol": a query "Hol" means the name, not a word.
    names = {"al-Hol": ["Hawl", "Hol"], "Saied": ["Said"]}
    written = json.loads(variants.for_worker(names, {"Hol": 3, "said": 1}))
    assert written["written"] == ["Said"]
