"""Pagefind's binary in service mode, indexing each page as the build writes it.

Run once over a folder after the build, Pagefind took 2.5 s of a 1,000-item build, and
the build spent more writing that folder and deleting it. In service mode
(`pagefind --service`, the binary pinned in requirements.txt) it takes each page as it
is written, on the machine's other core while MkDocs builds the next, and builds the
index once the last page is in (`build_index`), while MkDocs makes the blog's index pages,
which are not indexed; its files come back in the reply and are written here.

Pagefind's own Python client (`pagefind.index`) speaks the same protocol, but it waits
a tenth of a second before reading each reply: two minutes at 1,000 pages. This client
sends without waiting and reads the replies on a thread. The protocol: each message is
JSON, base64-encoded, followed by a comma, both ways; `{"message_id": n, "payload":
{...}}` with the payload types of `pagefind/service/types.py`. `tests/test_pagefind_service.py`
builds an index with it and fails on another Pagefind version.
"""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind.service import get_executable

from .stable_files import stable


class PagefindService:
    """One index: `add` pages, then `write` it; `close` stops the binary either way."""

    def __init__(self, config: dict):
        self._errors = tempfile.TemporaryFile()  # what the binary says outside the protocol
        self._process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._errors)
        self._replies: dict[int, dict] = {}  # message id -> reply
        self._arrived = threading.Condition()
        self._sent, self._stopped = 0, False
        self._files_asked: int | None = None  # the GetFiles holding every page added so far
        threading.Thread(target=self._read, daemon=True).start()
        self._index = self._ask({"type": "NewIndex", "config": config})["index_id"]

    def _read(self) -> None:
        parts: list[bytes] = []  # of a reply not yet ended (the index's files are megabytes)
        try:
            for chunk in iter(lambda: self._process.stdout.read1(1 << 20), b""):
                while b"," in chunk:
                    end, _comma, chunk = chunk.partition(b",")
                    reply = json.loads(base64.b64decode(b"".join(parts) + end))
                    parts = []
                    with self._arrived:
                        # A message it could not read comes back without its id.
                        self._replies[reply.get("message_id") or -len(self._replies)] = reply["payload"]
                        self._arrived.notify_all()
                if chunk:
                    parts.append(chunk)
        finally:  # however reading ends, nobody waits for a reply that cannot come
            with self._arrived:
                self._stopped = True
                self._arrived.notify_all()

    def _send(self, payload: dict, flush: bool = False) -> int:
        """Send one message (held in the pipe's buffer unless `flush`); its number."""
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            if flush:
                self._process.stdin.flush()
        except BrokenPipeError:  # the binary has stopped
            raise self._failed(None) from None
        return self._sent

    def _ask(self, payload: dict) -> dict:
        return self._wait(self._send(payload, flush=True))

    def _wait(self, sent: int) -> dict:
        """Wait for every reply up to message `sent`, and return its reply."""
        with self._arrived:
            self._arrived.wait_for(lambda: self._stopped or len(self._replies) >= sent)
            errors = [reply for reply in self._replies.values() if reply.get("type") == "Error"]
            reply = self._replies.get(sent)
        if errors or reply is None:
            raise self._failed(errors[0] if errors else None)
        return reply

    def _failed(self, reply: dict | None) -> PluginError:
        self.close()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", errors="replace").strip()
        message = (reply or {}).get("message") or "it stopped without a reply"
        return PluginError(f"Pagefind could not index the site: {message}\n{said}".rstrip())

    def add(self, url: str, html: str) -> None:
        """Index one page at `url` (a path from the site's root, like Pagefind's own)."""
        self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_contents": html})
        self._files_asked = None  # files asked for before lack this page

    def build_index(self) -> int:
        """Have the binary build the index of the pages added so far, while the caller goes
        on (it takes a second at 1,000 Rundown items); the id of the request. A page added
        after this has it built again at `write`."""
        if self._files_asked is None:
            self._files_asked = self._send({"type": "GetFiles", "index_id": self._index}, flush=True)
        return self._files_asked

    def write(self, output_path: str) -> Callable[[], None]:
        """Have the index built, once every page is added (unless `build_index` has since):
        the binary builds it while the caller goes on, until it calls what this returns,
        which writes the index's files into `output_path` and stops the binary (or raises
        PluginError).

        The files come back in the reply (`GetFiles`) and are written here, the filters in
        a stable order (`stable_files.py`). Asked to write them itself (`WriteFiles`), the
        binary replies before its last writes reach the disk, and stopping it then cut
        files short: a build's `pagefind-component-ui.js` came out truncated, once in some
        dozen builds."""
        sent = self.build_index()

        def written() -> None:
            files = {file["path"]: base64.b64decode(file["content"]) for file in self._wait(sent)["files"]}
            self.close()
            try:
                files = stable(files)
            except ValueError as error:  # another Pagefind than the one pinned
                raise PluginError(f"Pagefind could not index the site: {error}") from None
            for name, content in sorted(files.items()):
                path = Path(output_path, name)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(content)
                except OSError as error:
                    raise PluginError(f"Pagefind could not index the site: {path} could not be "
                                      f"written ({error.strerror})") from None
        return written

    def close(self) -> None:
        """Stop the binary (it ends when its input does); safe to call again."""
        try:
            self._process.stdin.close()
        except BrokenPipeError:  # what was left in the buffer had nowhere to go
            pass
        self._process.wait()
