"""Periods and dates as the data writes them: ``2023``, ``2011-2015``,
``2018-02``, ``2023-10-13``."""

from __future__ import annotations

import calendar
import datetime
import re

from .model import Period

_PERIOD = re.compile(r"^(?P<y1>[0-9]{4})(?:-(?P<y2>[0-9]{4})|-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?$")

REAL_PERIOD = "a real period such as 2023, 2011-2015, 2018-02 or 2023-10-13"
REAL_DATE = "a real date such as 2019, 2018-02 or 2023-10-13"
"""What a message expects where a period or a date is not a real one."""


def parse_period(raw: str | int, *, allow_range: bool = True) -> Period | None:
    """``2023``, ``2011-2015``, ``2018-02``, ``2023-10-13`` → :class:`Period`;
    ``None`` if the text is not a real period."""
    text = str(raw)
    match = _PERIOD.match(text)
    if not match:
        return None
    y1 = int(match["y1"])
    if match["y2"]:
        y2 = int(match["y2"])
        if not allow_range or y2 <= y1:
            return None
        return Period(datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "years", text)
    if not match["m"]:
        return Period(datetime.date(y1, 1, 1), datetime.date(y1, 12, 31), "year", text)
    month = int(match["m"])
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(y1, month)[1]
    if not match["d"]:
        return Period(datetime.date(y1, month, 1), datetime.date(y1, month, last), "month", text)
    day = int(match["d"])
    if not 1 <= day <= last:
        return None
    date = datetime.date(y1, month, day)
    return Period(date, date, "day", text)
