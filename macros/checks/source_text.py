"""Reading a contributor's file as text: UTF-8, or a mistake that says where.

A byte that is not UTF-8 (a file saved as Latin-1 or Windows-1252 by an editor) would
otherwise stop the build with a Python traceback naming no file. Every page and data
file is read here first, so the mistake names the file, the line and the column.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DataError


def page_files(docs_dir: Path) -> list[tuple[str, Path]]:
    """(name relative to the project, path) of every Markdown page, as mistakes name them."""
    return [(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", path)
            for path in sorted(docs_dir.rglob("*.md"))]


def decode(data: bytes, name: str) -> str:
    """`data` as UTF-8 text, read as MkDocs reads a page: a leading byte-order mark
    dropped, and Windows' and old Macs' line endings (CR LF, CR) read as one newline,
    as Python's text files do. A page saved with them is then checked as MkDocs sees it,
    not passed over because its front matter did not match."""
    try:
        text = data.decode("utf-8-sig")
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise DataError(name, line, column,
                        f"byte 0x{data[error.start]:02X} is not UTF-8 text: save the file as UTF-8 "
                        "(in most editors: Save with Encoding, UTF-8) and check the character there") from None


def read_text(path: Path, name: str) -> str:
    """The file at `path` as text, reported as `name` (a path relative to the project)."""
    return decode(path.read_bytes(), name)
