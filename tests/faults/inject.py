"""Run the ``audit`` command with a fault injected, for the fault tests.

Usage: ``python inject.py FAULT [ARG] -- AUDIT-ARGS...``, where FAULT is

- ``raise``: every article's check raises ``RuntimeError("injected fault")``;
- ``input-error``: it raises an ``InputError`` (a user error, as a worker would);
- ``worker-raise`` / ``worker-exit``: the same, or the process dies, but only in
  a ``--jobs`` worker, not in the main process;
- ``slow SECONDS``: every article's check sleeps first (to signal a run midway);
- ``no-home``: no ``HOME`` and no passwd entry for the user, as in a container.

The command then runs exactly as ``python -m audit`` would.
"""

from __future__ import annotations

import os
import pwd
import sys
import time

from audit.auditor import Auditor
from audit.cli.launch import main
from audit.errors import InputError

PARENT = os.getpid()
original_check = Auditor.check_article


def _raising(auditor, article):
    raise RuntimeError("injected fault")


def _input_error(auditor, article):
    raise InputError(article.path, "injected input error")


def _in_workers(fault):
    def check(auditor, article):
        if os.getpid() != PARENT:
            fault()
        return original_check(auditor, article)

    return check


def _worker_raise():
    raise RuntimeError("injected fault in a worker")


def _slow(seconds):
    def check(auditor, article):
        time.sleep(seconds)
        return original_check(auditor, article)

    return check


def _no_passwd_entry(uid):
    raise KeyError(f"getpwuid(): uid not found: {uid}")


FAULTS = {
    "raise": lambda arguments: setattr(Auditor, "check_article", _raising),
    "input-error": lambda arguments: setattr(Auditor, "check_article", _input_error),
    "worker-raise": lambda arguments: setattr(Auditor, "check_article", _in_workers(_worker_raise)),
    "worker-exit": lambda arguments: setattr(
        Auditor, "check_article", _in_workers(lambda: os._exit(9))
    ),
    "slow": lambda arguments: setattr(Auditor, "check_article", _slow(float(arguments[0]))),
    "no-home": lambda arguments: _no_home(),
}


def _no_home() -> None:
    os.environ.pop("HOME", None)
    pwd.getpwuid = _no_passwd_entry


if __name__ == "__main__":
    split = sys.argv.index("--")
    FAULTS[sys.argv[1]](sys.argv[2:split])
    sys.argv = ["audit", *sys.argv[split + 1 :]]
    sys.exit(main())
