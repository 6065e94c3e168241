"""The live loop of ``mkdocs serve``, for real, on the small fixture project: a
saved edit in data/ rebuilds the site; a bad edit prints the clear error,
without a traceback, and the last good site stays served; fixing the file
recovers without a restart.

Loopback only, bounded waits, and the server is always stopped. Deselect
with ``-m "not serve"`` when iterating on something else.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import edit, with_line_numbers

pytestmark = pytest.mark.serve

# The line of the bad value, by its text (see with_line_numbers in conftest.py).
BAD_VALUE = (
    "data/energy.yaml:{      - value: 2.956,39}:16: figures[2].values[0].value: expected a number, received '2.956,39' (write 2956.39: YAML numbers use '.' for decimals and no thousands separator)"
)


def free_port() -> int:
    for port in range(8900, 9000):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail("no free port in 8900-8999")


class Server:
    """``mkdocs serve`` in a child process, its output collected line by line."""

    def __init__(self, project: Path) -> None:
        self.url = f"http://127.0.0.1:{free_port()}/"
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", self.url[len("http://") : -1]],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
            # Ctrl+C must reach serve even when the test runs in the background.
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)) if os.name == "posix" else None,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()

    def wait_for(self, text: str, *, after: int, timeout: float = 90) -> int:
        """Wait until a line from index ``after`` on contains ``text``; its index."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for index in range(after, len(self.lines)):
                    if text in self.lines[index]:
                        return index
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    pytest.fail(f"no {text!r} from mkdocs serve; its output:\n" + "\n".join(self.lines))
                self.changed.wait(min(left, 1))

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # what Ctrl+C sends: serve cleans up
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def server(small_project: Path):
    running = Server(small_project)
    try:
        yield running
    finally:
        running.stop()


def test_saving_data_rebuilds_and_a_bad_edit_keeps_the_last_good_site(server: Server, small_project: Path):
    energy = small_project / "data" / "energy.yaml"
    server.wait_for("Serving on", after=0)
    assert "2.956,39 triệu kWh" in server.get("energy/")
    assert "2,956.39 million kWh" in server.get("en/energy/")

    # A bad edit: the clear error, no traceback, the last good site still served.
    mark = len(server.lines)
    edit(energy, "value: 2956.39", "value: 2.956,39")
    end = server.wait_for("Still serving the last good site", after=mark)
    output = server.lines[mark : end + 1]
    first = next(i for i, line in enumerate(output) if "The data has" in line)
    assert output[first : first + 2] == ["ERROR   -  The data has 1 problem:", with_line_numbers(small_project / "data", "energy.yaml", BAD_VALUE)]
    assert not any("Traceback" in line for line in output)
    assert "2.956,39 triệu kWh" in server.get("energy/")
    assert "2,956.39 million kWh" in server.get("en/energy/")

    # The fix: the site rebuilds, in both languages, without a restart.
    # One save that fixes the value and renames the figure in both languages.
    mark = len(server.lines)
    text = energy.read_text(encoding="utf-8").replace("value: 2.956,39", "value: 2956.39")
    text = text.replace('vi: "Sản lượng điện tiêu thụ"', 'vi: "Điện năng tiêu thụ"').replace('en: "Electricity consumption"', 'en: "Electricity used"')
    energy.write_text(text, encoding="utf-8")
    built = server.wait_for("Building the 'en' version", after=mark)
    server.wait_for("Reloading browsers", after=built)
    assert "Điện năng tiêu thụ" in server.get("energy/")
    assert "Electricity used" in server.get("en/energy/")
    assert not any("Traceback" in line for line in server.lines)
