"""Charts of the review: declared in the section files, drawn with
Matplotlib's object-oriented API, once per language and colour scheme.

Nothing here knows about MkDocs. The flow, one way:

* :mod:`.spec` turns a :class:`review.model.Chart` into a :class:`.spec.ChartSpec`
  for one language: every number and word the chart shows, already
  formatted (no Matplotlib needed);
* :mod:`.describe` and :mod:`.tables` turn the same spec into the alt text,
  the long description, the data table and the CSV; :mod:`.views` gathers
  them for the page template;
* :mod:`.kinds` draws one kind of chart on an ``Axes`` it is given;
  :mod:`.render` frames it (title, subtitle, source line) in a ``Figure`` and
  writes deterministic SVG or PNG bytes, in a :mod:`.style` theme;
* :mod:`.production` decides which files a build needs, takes them from the
  :mod:`.cache` when their inputs have not changed, and draws the others in
  parallel worker processes.

Only :mod:`.textfit`, :mod:`.kinds`, :mod:`.render` and the workers import
Matplotlib, so rendering the pages stays light.
"""
