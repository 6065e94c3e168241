"""The core of the Cần Thơ review site.

Nothing in this package knows about MkDocs. Data flows one way, and
:func:`review.project.load_project` runs every check before a build:
``data/*.yaml`` → :mod:`review.yamlfile` (parse, with positions) →
:mod:`review.schema` (each file against its JSON Schema, in editors' words;
:mod:`review.datafiles` reads the folder) → :mod:`review.crosschecks` (the
files together; :mod:`review.chartchecks`, :mod:`review.relations`) →
:mod:`review.building` (the model, :mod:`review.model`, with its defaults) →
:mod:`review.anchors` (no generated page repeats an id) →
:mod:`review.pages` (Markdown pages) → the site engine's adapter in
``hooks/review_hooks.py``.
"""
