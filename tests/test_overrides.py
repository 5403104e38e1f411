"""Material's partials that overrides/ replaces are Material's 9.8.2, each changed in one
place, so that an upgrade of Material fails here rather than in a reader's browser:
- partials/header.html and search.html: the search box, answered by our worker
  (tests/test_search_ui.py);
- partials/javascripts/palette.html: what Material's bundle changes on the root and the
  body as it starts, set before the first paint (bench/notes.md, part 10), and on a first
  visit the palette the bundle will choose (tests/browser/test_display.py);
- partials/javascripts/base.html: the stylesheet's link made absolute in the head, before
  Material's instant navigation does it after the first paint (part 11);
- partials/nav-item.html: a section that is only its index page (the Rundown) is not
  opened as the current one, whose empty panel the phone's drawer showed
  (tests/browser/test_accessibility.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import MATERIAL_TEMPLATES as MATERIAL, ROOT

OURS = ROOT / "overrides"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"


def ours_without_comments(path: Path) -> str:
    return re.sub(r"\{#-.*?-#\}\n?", "", path.read_text(encoding="utf-8"), flags=re.S)


# Each override: Material's lines we replaced, and ours in their place.
CHANGES = {
    "partials/header.html": (
        '''    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
''',
        '''        <label class="md-header__button md-icon" for="__search">
      {% set icon = config.theme.icon.search or "material/magnify" %}
      {% include ".icons/" ~ icon ~ ".svg" %}
    </label>
    {% include "partials/search.html" %}
'''),
    "partials/search.html": (
        '''          </div>
          <ol class="md-search-result__list"''',
        '''          </div>
                    {% include "partials/search-correction.html" %}
          {% include "partials/search-filters.html" %}
          <ol class="md-search-result__list"'''),
    "partials/javascripts/base.html": (
        '}catch(e){}}</script>',
        '}catch(e){}};var sheet=document.querySelector("link[rel=stylesheet]");sheet.href=sheet.href</script>'),
    "partials/nav-item.html": (
        '        {% set checked = "checked" if nav_item.active %}\n',
        '        {% set checked = "checked" if nav_item.active and not (index and nav_item.children | length == 1) %}\n'),
    "partials/javascripts/palette.html": (
        '<script>var palette=__md_get("__palette");',
        '<script>document.documentElement.className="js js-focus-visible",'
        'document.body.setAttribute("data-md-color-switching","");var palette=__md_get("__palette")'
        '{% if (config.theme.palette | first).media == "(prefers-color-scheme)" %}'
        '||{color:{media:"(prefers-color-scheme)"}}{% endif %};'),
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_each_override_is_materials_with_one_change(name):
    material_text = (MATERIAL / name).read_text(encoding="utf-8")
    assert material_text.startswith(GENERATED)
    theirs, ours = CHANGES[name]
    assert material_text.count(theirs) == 1, f"Material's {name} changed: read it again"
    expected = material_text.removeprefix(GENERATED).replace(theirs, ours)
    assert ours_without_comments(OURS / name) == expected
