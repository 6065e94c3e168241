"""What the editors' scripts share: the editor's language, options that may
be asked for in a terminal (asked again after a wrong answer), and one way
to stop on a problem with nothing changed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from review import argparse_words  # noqa: E402,F401 (argparse's words, in the catalog)
from review.answers import WrongAnswer  # noqa: E402
from review.messages import _, add_language_option, choose_language  # noqa: E402,F401 (the scripts import them from here)
from review.scaffold import ScaffoldError  # noqa: E402


@dataclass(frozen=True)
class Question:
    """One option that the script may ask for in a terminal."""

    name: str
    """The option's attribute, such as ``label_vi`` (option ``--label-vi``)."""
    prompt: str
    """The question, already translated; also the option's help."""
    check: Callable[[str], str] = lambda answer: answer
    """Returns the answer to use, or raises :class:`WrongAnswer`."""
    default: str | None = None
    """Used for an empty answer; ``None``: an answer is needed."""

    option: str | None = None
    """How messages name it: ``--label-vi`` by default; the name of a
    positional argument (``section``)."""

    @property
    def flag(self) -> str:
        return self.option or "--" + self.name.replace("_", "-")


def interactive() -> bool:
    return sys.stdin.isatty()


def ask(question: Question) -> str:
    """Ask until the answer passes the question's check."""
    while True:
        answer = input(f"{question.prompt}: ").strip()
        if not answer and question.default is not None:
            return question.default
        try:
            return question.check(answer)
        except WrongAnswer as error:
            print(error, file=sys.stderr)
            print(_("Please try again."), file=sys.stderr)


def given_or_asked(args: argparse.Namespace, question: Question) -> str:
    """The option as given (checked), else asked for in a terminal; without
    a terminal, a :class:`ScaffoldError` names the missing option."""
    given = getattr(args, question.name)
    if given is not None:
        try:
            return question.check(given)
        except WrongAnswer as error:
            if not interactive():
                raise ScaffoldError(_("{flag}: {problem}").format(flag=question.flag, problem=error)) from None
            print(_("{flag}: {problem}").format(flag=question.flag, problem=error), file=sys.stderr)
            print(_("Please try again."), file=sys.stderr)
            return ask(question)
    if question.default is not None and not interactive():
        return question.default
    if not interactive():
        raise ScaffoldError(_("missing {flag} ({prompt})").format(flag=question.flag, prompt=question.prompt))
    return ask(question)


def run(action: Callable[[], str]) -> int:
    """Run ``action``; print what it reports, or the problem, on which
    nothing was changed. Returns the exit status."""
    try:
        report = action()
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\n" + _("Stopped: nothing was changed."), file=sys.stderr)
        return 1
    print(report)
    return 0
