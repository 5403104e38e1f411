"""The edition's logo, drawn once: `overrides/.icons/edition/logo.svg` (mkdocs.yml
`theme.icon.logo`), which Material draws inline in the header. The browser tab's icon
(`theme.favicon`) is written from the same file at build time, so the two cannot differ."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


def drawing(config) -> str:
    """The SVG that `theme.icon.logo` names, from the first theme folder that has it."""
    name = f".icons/{(config.theme.get('icon') or {}).get('logo')}.svg"
    for folder in config.theme.dirs:
        if (Path(folder) / name).is_file():
            return (Path(folder) / name).read_text(encoding="utf-8")
    raise PluginError(f"mkdocs.yml: theme.icon.logo: there is no {name} in overrides/ or the theme; "
                      f"name the logo's file there without its .svg")


def tab_icon(config) -> str:
    """Where the tab's icon is written: `theme.favicon`, which must name an SVG file, since
    the logo's drawing is what is written there (Material's default is a PNG)."""
    path = config.theme["favicon"]
    if not path.endswith(".svg"):
        raise PluginError(f"mkdocs.yml: theme.favicon: {path} is written from the logo's SVG at build "
                          "time, so it must name an .svg file (as assets/logo.svg)")
    return path
