"""Where the site will be published: its URL, from the configuration or from
the ``SITE_URL`` environment variable, checked and written one way.

A site URL is absolute (``http`` or ``https``, with a host) and may have a
path, for a site under a sub-path (``https://example.org/can-tho-20/``).
It always ends with ``/``, so that page URLs are joined to it by plain
concatenation.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from .messages import _

ENVIRONMENT_VARIABLE = "SITE_URL"
EXAMPLE = "https://example.org/can-tho-20/"


class SiteUrlError(ValueError):
    """A site URL that cannot be used; the message names where it came from."""


def check(url: str, origin: str) -> str:
    """``url`` written one way (ending with ``/``), or :class:`SiteUrlError`
    naming ``origin`` (``SITE_URL``, ``mkdocs.yml: site_url``)."""
    text = url.strip()
    message = _("expected an absolute http(s) URL such as {example}, received {received}").format(example=EXAMPLE, received=repr(url))
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise SiteUrlError(f"{origin}: {message}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        hint = " (" + _("write {url}").format(url="https://" + text.lstrip("/")) + ")" if not parts.scheme and text and "://" not in text else ""
        raise SiteUrlError(f"{origin}: {message}{hint}")
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        raise SiteUrlError(f"{origin}: {message} (" + _("a site URL has no '?' query and no '#' fragment") + ")")
    if any(c.isspace() for c in text):
        raise SiteUrlError(f"{origin}: {message} (" + _("a URL has no spaces") + ")")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"


def resolve(configured: str | None, environ: Mapping[str, str]) -> str | None:
    """The site's URL: ``SITE_URL`` from the environment when it is set and
    not empty, else ``site_url`` from the configuration, else None."""
    from_environment = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if from_environment:
        return check(from_environment, ENVIRONMENT_VARIABLE)
    if configured:
        return check(configured, "mkdocs.yml: site_url")
    return None


def path(site_url: str) -> str:
    """The path the site lives under: ``/`` or ``/can-tho-20/``."""
    return urlsplit(site_url).path
