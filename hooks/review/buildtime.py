"""The build's date, for reproducible builds.

Every output that could record when it was built (a sitemap's ``lastmod``,
a gzip header, a zip entry) takes its date from ``SOURCE_DATE_EPOCH``
(https://reproducible-builds.org/specs/source-date-epoch/), or from a fixed
default. Two builds of one commit are thus byte-identical on any day.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from .messages import _

ENVIRONMENT_VARIABLE = "SOURCE_DATE_EPOCH"
DEFAULT_EPOCH = 1704067200
"""2024-01-01 00:00 UTC, the day Cần Thơ completed 20 years as a city under
the central government: a fixed date, used when SOURCE_DATE_EPOCH is unset."""


class BuildTimeError(ValueError):
    pass


@dataclass(frozen=True)
class BuildTime:
    epoch: int
    explicit: bool
    """Whether SOURCE_DATE_EPOCH gave it (a real date worth publishing,
    such as the commit's), rather than the fixed default."""

    @property
    def date(self) -> datetime.date:
        return datetime.datetime.fromtimestamp(self.epoch, datetime.UTC).date()


def resolve(environ: Mapping[str, str]) -> BuildTime:
    raw = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not raw:
        return BuildTime(DEFAULT_EPOCH, explicit=False)
    if not raw.isdigit():
        message = _("expected a whole number of seconds since 1970-01-01 UTC (such as {example}, or the commit's: {command}), received {received}")
        raise BuildTimeError(f"{ENVIRONMENT_VARIABLE}: " + message.format(example=DEFAULT_EPOCH, command="git log -1 --format=%ct", received=repr(raw)))
    epoch = int(raw)
    if epoch < 315532800:
        # Zip archives cannot store a date before 1980.
        raise BuildTimeError(f"{ENVIRONMENT_VARIABLE}: " + _("expected a date from 1980 on (315532800 or more), received {received}").format(received=repr(raw)))
    return BuildTime(epoch, explicit=True)
