"""The id of a heading, made from its text: what ``mkdocs.yml``'s ``toc``
extension uses (set by the hooks, see :data:`TOC_SETTINGS`) and what
:mod:`review.anchors` predicts.

Python-Markdown's own ``slugify`` decomposes the text (NFKD), keeps what is
ASCII, lowercases it, drops punctuation and joins the words with the
separator. Vietnamese "đ" and "Đ" have no decomposition, so it drops them
whole: "Nguồn điện" became ``nguon-ien`` and "Biểu đồ" ``bieu-o``. Here they
are read as "d" and "D" first, as a Vietnamese reader would write them
without accents: ``nguon-dien``, ``bieu-do``.
"""

from __future__ import annotations

from markdown.extensions import toc  # type: ignore[import-untyped]

_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D"})
"""The letters of the site's languages that NFKD leaves whole, as written
without accents."""


def slugify(value: str, separator: str) -> str:
    """``value`` as a heading id: lowercase ASCII, without accents or
    punctuation, words joined by ``separator`` ("Đối chiếu số học" →
    ``doi-chieu-so-hoc``)."""
    return str(toc.slugify(value.translate(_UNDECOMPOSED), separator))


TOC_SETTINGS = {"slugify": slugify}
"""The ``toc`` extension's settings the site's heading ids depend on."""
