"""Share cards: the 1200×630 PNG a link preview shows, one designed card per kind of page.

Drawn at build time with Pillow and the scalable font Pillow ships (no download, no
system font), so every machine draws the same bytes. One card a kind of page, not one a
page: at 1,000 Rundown items a card each would cost the build seconds, and the page's
own title and description travel beside the image in og:title and og:description.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from material.plugins.blog.structure import Post, View

WIDTH, HEIGHT = 1200, 630
# The edition's palette (docs/stylesheets/publication.css): ink, paper, red, rule.
INK, PAPER, RED, MUTED = "#1c2733", "#f6f1ea", "#9f1d16", "#3d4550"


@dataclass(frozen=True)
class CardKind:
    heading: str  # the kind of page, as the card names it
    line: str  # one line under it


KINDS = {
    "essay": CardKind("The essay", "Every figure traced to its source"),
    "rundown": CardKind("Rights Rundown", "Lebanon and Tunisia, sourced"),
    "data": CardKind("The data", "Figures, sources, timeline and charts"),
    "edition": CardKind("A sourced edition", "The essay, its Rights Rundown, and every source"),
}
DATA_PAGES = ("figures", "sources", "timeline", "charts")


def path(kind: str) -> str:
    """Where the card is, below the site root."""
    return f"assets/cards/{kind}.png"


def kind_of(page, meta: dict) -> str:
    """The card a page gets: Rundown items and the Rundown index, the essay, the data
    pages (and their further pages, figures-2/ ...), or the edition's own pages."""
    if isinstance(page, (Post, View)):
        return "rundown"
    if meta.get("original"):
        return "rundown" if meta.get("original_section") else "essay"
    first = page.file.src_uri.split("/")[0].removesuffix(".md").split("-")[0]
    return "data" if first in DATA_PAGES else "edition"


def alt(kind: str, site_name: str) -> str:
    """What the card shows, for readers who cannot see it."""
    card = KINDS[kind]
    return f"{site_name}: {card.heading}. {card.line}."


def _font(size: int):
    from PIL import ImageFont  # Pillow only where a card is drawn

    return ImageFont.load_default(size=size)


def draw(kind: str, site_name: str) -> bytes:
    """The card as PNG bytes: the same bytes for the same kind, name and Pillow."""
    from PIL import Image, ImageDraw

    card = KINDS[kind]
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 24), fill=RED)
    # The logo's open ring (overrides/.icons/edition/logo.svg), drawn as an arc.
    pen.arc((80, 96, 200, 216), start=-30, end=300, fill=RED, width=22)
    pen.ellipse((184, 118, 208, 142), fill=RED)
    pen.text((80, 270), site_name, font=_font(76), fill=INK)
    pen.text((80, 380), card.heading, font=_font(56), fill=RED)
    pen.text((80, 460), card.line, font=_font(40), fill=MUTED)
    pen.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=INK)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def cards(site_name: str) -> dict[str, bytes]:
    """Every card, by its path below the site root."""
    return {path(kind): draw(kind, site_name) for kind in KINDS}
