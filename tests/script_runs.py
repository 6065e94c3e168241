"""Run a script of scripts/ as an editor would, with a given locale, in a
given folder, and without a terminal: in a new Python process (:func:`run`),
or, much faster, in this process (:func:`call`), through the script's
``main(argv)``.

A new process proves the command line itself (the file runs, finds the
repository and its packages, exits with its status); every script has
such a test. Everything else calls ``main`` in this process, with what a
new process would start from, and nothing of it left behind: the
environment (the locale variables replaced by ``LANG``), the current
folder, ``sys.argv`` (argparse names the script from it), standard input
(not a terminal, as /dev/null), standard output and error (captured),
argparse's own words (untranslated until the script chooses a language)
and the language the messages speak. A ``SystemExit`` (``--help``, an
argparse error) gives its exit status, as it would from a process.
"""

from __future__ import annotations

import argparse
import gettext
import importlib
import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import ModuleType

import pytest

from review import messages

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def environment(locale: str) -> dict[str, str]:
    """This process's environment, with the locale ``locale`` only."""
    kept = {name: value for name, value in os.environ.items() if name not in messages.ENVIRONMENT_VARIABLES}
    return {**kept, "LANG": locale, "PYTHONDONTWRITEBYTECODE": "1"}


def run(script: str, *args: str, cwd: Path, locale: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run ``scripts/<script>`` in a new Python process, with the locale ``locale``."""
    return subprocess.run(
        [sys.executable, str(SCRIPTS / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=environment(locale),
    )


def module(script: str) -> ModuleType:
    """The script ``scripts/<script>`` imported (once) as a module."""
    name = script.removesuffix(".py")
    if name not in sys.modules:
        with pytest.MonkeyPatch.context() as patch:
            patch.syspath_prepend(str(SCRIPTS))  # its siblings (editor_prompts), as when run
            importlib.import_module(name)
    loaded = sys.modules[name]
    assert Path(loaded.__file__ or "") == SCRIPTS / f"{name}.py", f"{name} must be the script, not another module"
    return loaded


def call(script: str, *args: str, cwd: Path, locale: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """Run ``main`` of ``scripts/<script>`` in this process, as :func:`run`
    would run the script; the same result."""
    main = module(script).main
    out, err = io.StringIO(), io.StringIO()
    language = messages.current_language()
    with pytest.MonkeyPatch.context() as patch:
        for name in messages.ENVIRONMENT_VARIABLES:
            patch.delenv(name, raising=False)
        patch.setenv("LANG", locale)
        # argparse wraps its help at $COLUMNS, else 80 columns when the output is not a terminal.
        patch.setenv("COLUMNS", os.environ.get("COLUMNS", "80"))
        patch.chdir(cwd)
        patch.setattr(sys, "argv", [str(SCRIPTS / script), *args])
        patch.setattr(sys, "stdin", io.StringIO(""))
        patch.setattr(argparse, "_", gettext.gettext)
        patch.setattr(argparse, "ngettext", gettext.ngettext)
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    status = main(list(args))
                except SystemExit as exit:
                    status = exit_status(exit.code, err)
        finally:
            messages.use_language(language)
    return subprocess.CompletedProcess([script, *args], 0 if status is None else status, out.getvalue(), err.getvalue())


def exit_status(code: object, err: io.StringIO) -> int:
    """The exit status of a process ended by ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=err)
    return 1
