"""The words of :mod:`argparse` that an editor meets in the scripts' help
and errors, marked for our catalog so that they are translated with the
rest (see :func:`review.messages.translate_argparse`). They are argparse's
own message ids, ``%``-placeholders included, and must stay exactly so."""

from __future__ import annotations

from .messages import N_

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
)
