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
