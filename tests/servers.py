"""Starting ``audit serve`` for the tests: the real command, in a process of its own, on 127.0.0.1.

The server takes a free port (``--port 0``) and prints where it listens on
its first line of standard output, once its workers have started; its log
goes to a file of the test's, shown when a test fails to start it.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

START_SECONDS = 90.0
STOP_SECONDS = 30.0
ADDRESS_RE = re.compile(r"on (http://127\.0\.0\.1:\d+) ")


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    log: Path

    def workers(self) -> list[int]:
        """The process ids of the server's checking workers (not its resource tracker)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = [int(pid) for pid in children.read_text().split()]
        return [pid for pid in pids if b"spawn_main" in _cmdline(pid)]

    def stop(self) -> int:
        """Stop the server as a service manager would (SIGTERM); its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        finally:
            if self.process.stdout:
                self.process.stdout.close()


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def start(log: Path, *options: str | Path) -> Server:
    """``audit serve --port 0 OPTIONS`` in a new process, once it listens."""
    command = [sys.executable, "-m", "audit", "serve", "--port", "0", *map(str, options)]
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL, text=True
        )
    assert process.stdout is not None
    deadline = time.monotonic() + START_SECONDS
    line = ""
    while time.monotonic() < deadline and process.poll() is None:
        if select.select([process.stdout], [], [], 0.5)[0]:
            line = process.stdout.readline()
            break
    found = ADDRESS_RE.search(line)
    if not found:
        process.kill()
        process.wait()
        raise RuntimeError(f"audit serve did not start: {line!r}\n{log.read_text()}")
    return Server(process, found.group(1), log)


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and b"spawn_main" in _cmdline(pid)
