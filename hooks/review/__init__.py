"""The core of the Cần Thơ review site.

Nothing in this package knows about MkDocs. Data flows one way:
``data/*.yaml`` → :mod:`review.yamlfile` (parse, with positions) →
:mod:`review.validation` (schema and cross-checks) → :mod:`review.model` →
:mod:`review.pages` (Markdown pages) → the site engine's adapter in
``hooks/review_hooks.py``.
"""
