"""The theme's files the site leaves out.

Material for MkDocs ships its own search worker and, for it, Lunr's support
for some thirty languages (with a Thai word splitter of 677 KB): about 1.5 MB
and a third of the site's files, in each language's folder. The site never
asks for any of them: it brings its own worker
(``content/assets/javascripts/search-worker.js``, named in Material's
configuration block by ``hooks/overrides/main.html``), which folds
Vietnamese diacritics.
"""

from __future__ import annotations

UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
"""Beginnings of the paths (relative to the site) of the theme's files that
the site never loads: Lunr's language support, and Material's search worker
with its source map."""


def unused(uri: str) -> bool:
    """Whether the file at ``uri`` (``assets/javascripts/lunr/tinyseg.js``)
    is one of the theme's that the site never loads."""
    return uri.startswith(UNUSED)
