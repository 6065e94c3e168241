"""What the editors' scripts share: options that may be asked for in a
terminal, and one way to stop on a problem with nothing changed."""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from review.scaffold import ScaffoldError  # noqa: E402


def ask(prompt: str) -> str:
    answer = input(f"{prompt}: ").strip()
    if not answer:
        raise ScaffoldError(f"no answer for: {prompt}")
    return answer


def given_or_asked(args: Namespace, name: str, prompt: str, *, flag: str | None = None) -> str:
    """The option ``name`` as given, else asked for in a terminal; without a
    terminal, a :class:`ScaffoldError` names the missing option."""
    given = getattr(args, name)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise ScaffoldError(f"missing --{flag or name.replace('_', '-')} ({prompt})")
    return ask(prompt)


def run(action: Callable[[], str]) -> int:
    """Run ``action``; print what it reports, or the problem, on which
    nothing was changed. Returns the exit status."""
    try:
        report = action()
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nStopped: nothing was changed.", file=sys.stderr)
        return 1
    print(report)
    return 0
