"""Static SVG bar charts, drawn at build time from the registry, each with its table.

Hand-written SVG rather than a charting library, because it is smaller and faster:
measured here for the four-bar displacement chart, this module writes 3.0 KB in
about 2 ms (table included); pygal 3.1.3 writes 17 KB with fixed colours and an
inline <script>, even with js=[] (0.5 s import, 24 ms render); matplotlib 3.11.2 writes 9.5 KB of
fixed-colour SVG (3.7 s import, 144 ms render, some 80 MB with numpy). A horizontal
bar chart is a few rectangles and lines of text. Colours come from `currentColor`,
so the chart follows the page's light, dark or print palette; the CSS refines them
through the `data-chart` classes. Every data text is escaped.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

from ..errors import did_you_mean
from ..registry.model import Figure, Registry, ends
from ..render.escape import md_text
from ..render.formatting import format_exact, format_partial_date
from .figures_page import estimates

WIDTH = 340          # viewBox units: about 1 unit a CSS pixel on a 390-px phone
VALUE_FONT = 14      # a value's size, in bold after its bar ...
VALUE_EM = 0.72      # ... and its width a character: DejaVu Sans Bold's digits are 0.70 em,
                     # the widest of the fonts a page falls back to
VALUE_GAP = 6        # between a bar and its value
LINE = 17            # height of a line of label text
BAR = 18
GAP = 14
INSET = 6            # between the axis and the labels and bars
WRAP = 44            # characters a label line holds at this width


@dataclass(frozen=True)
class ChartSpec:
    """What a chart draws: the figures named, under `title`; or, with `quantity`, every
    figure estimating that quantity, in date order, under the quantity's label."""

    title: str = ""
    figure_ids: tuple[str, ...] = ()
    quantity: str | None = None  # an id in data/quantities.yml


CHARTS = {
    "detainee-estimates": ChartSpec(quantity="detainees-northeast-syria"),
    "iraq-displacement": ChartSpec(
        "The scale of Iraq’s displacement and of its “ISIS families”",
        ("idps-iraq", "isis-families", "isis-supporters-displaced", "iraqi-isis-in-syria")),
}


class ChartError(LookupError):
    """A chart the page names that is not defined, or that has nothing to draw."""


def row_label(figure: Figure, registry: Registry) -> str:
    """What a bar stands for: the label, who says so, and when."""
    source = registry.sources_of(figure)[0]
    who = source.publisher or source.title
    when = format_partial_date(figure.as_of) if figure.as_of else "date not known"
    return f"{figure.label}: {who}, {when}"


def description(figures: list[Figure], registry: Registry) -> str:
    """The chart in words, for screen readers: every bar and its exact value."""
    parts = [f"{row_label(f, registry)}: {format_exact(f)} ({f.scope})" for f in figures]
    return "Horizontal bar chart. " + "; ".join(parts) + "."


def svg(chart_id: str, title: str, figures: list[Figure], registry: Registry) -> str:
    """The chart as one inline <svg>, on one line per element and without blank lines. A
    range's bar runs to its low end, and a fainter one on to its high end."""
    esc = lambda text: html.escape(text, quote=True)  # noqa: E731
    # Units a figure's value: as large as lets every bar and its value fit the width (an
    # inline SVG clips what passes its edge). Every estimate at 0: each bar is the
    # one-unit stub that shows a bar is there.
    room = [(WIDTH - INSET - VALUE_GAP - len(format_exact(f)) * VALUE_FONT * VALUE_EM) / ends(f.value)[1]
            for f in figures if ends(f.value)[1]]
    scale = min(room) if room else 0.0
    body, y = [], 0
    for figure in figures:
        for line in textwrap.wrap(row_label(figure, registry), WRAP):
            y += LINE
            body.append(f'<text x="{INSET}" y="{y}" font-size="13">{esc(line)}</text>')
        y += 5
        low, high = ends(figure.value)
        width = max(1.0, low * scale)
        body.append(f'<rect class="bar" x="{INSET}" y="{y}" width="{width:.1f}" height="{BAR}" '
                    f'fill="currentColor" fill-opacity="0.6" data-value="{low}"/>')
        if high > low:
            rest = (high - low) * scale
            body.append(f'<rect class="bar-range" x="{INSET + width:.1f}" y="{y}" width="{rest:.1f}" '
                        f'height="{BAR}" fill="currentColor" fill-opacity="0.25" data-value="{high}"/>')
            width = high * scale
        body.append(f'<text x="{INSET + width + VALUE_GAP:.1f}" y="{y + BAR - 4}" font-size="{VALUE_FONT}" '
                    'font-weight="bold">'
                    f"{esc(format_exact(figure))}</text>")
        y += BAR + GAP
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return "\n".join([
        f'<svg class="data-chart__svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {y}" width="100%" fill="currentColor" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{esc(title)}</title>',
        f'<desc id="{desc_id}">{esc(description(figures, registry))}</desc>',
        f'<line x1="0.5" y1="0" x2="0.5" y2="{y - GAP}" stroke="currentColor" stroke-width="1"/>',
        *body,
        "</svg>",
    ])


def _entry(figure_id: str) -> str:
    return f"figures.md#{figure_id}"


def table(figures: list[Figure], registry: Registry, link=_entry) -> str:
    """The chart's numbers as a Markdown table, each linked (`link(id)`) to its figure entry."""
    rows = ["| Figure | Value | Source, as of |", "|---|--:|---|"]
    for f in figures:
        source = registry.sources_of(f)[0]
        when = format_partial_date(f.as_of) if f.as_of else "date not known"
        rows.append(f"| [{md_text(f.label)}]({link(f.id)}) | {md_text(format_exact(f))} "
                    f"| {md_text(source.publisher or source.title)}, {when} |")
    return "\n".join(rows)


def drawn(spec: ChartSpec, registry: Registry) -> tuple[str, list[Figure]]:
    """The chart's title and the figures it draws."""
    if spec.quantity is None:
        return spec.title, [registry.figure(i) for i in spec.figure_ids]
    quantity, figures = registry.quantities.get(spec.quantity), estimates(registry).get(spec.quantity)
    if quantity is None or not figures:
        raise ChartError(f"the chart draws the estimates of '{spec.quantity}', but no figure in data/figures.yml "
                         f"has quantity: {spec.quantity} (charts are defined in macros/pages/charts.py)")
    return f"Estimates of {quantity.label}, by source and date", figures


def chart(chart_id: str, registry: Registry, link=_entry) -> str:
    """A figure holding the SVG, then the same numbers as a table."""
    try:
        spec = CHARTS[chart_id]
    except KeyError:
        hint = did_you_mean(chart_id, CHARTS, n=1) or f"known charts are {', '.join(CHARTS)}"
        raise ChartError(f"unknown chart '{chart_id}': {hint} (charts are defined in macros/pages/charts.py)") from None
    title, figures = drawn(spec, registry)
    return "\n".join([
        f'<figure class="data-chart" id="{chart_id}">',
        svg(chart_id, title, figures, registry),
        f"<figcaption>{html.escape(title)}</figcaption>",
        "</figure>",
        "",
        table(figures, registry, link),
    ])
