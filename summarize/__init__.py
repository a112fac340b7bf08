"""Neutral, checked summaries of articles, from a local GGUF model or extracted from the text.

The shape a front end (the GUI, the command line) builds on:

- ``summarize.library_source.library_source(library, article_id) -> Source``: a stored article's text (title,
  lead, headings, body) with the library's paragraph numbers and the findings the reading pane shows (the stored
  analysis when fresh, else analysed with the library's lexicon; quotes, actors, loaded wording), and sentences
  addressed to a model. ``summarize.source.source_of(article_id, paragraphs, language)`` does the same for text
  outside a library (analysed with the shipped lexicon).
- ``summarize.pipeline.summarize_article(source, summarizer=None, options=None, cancel=None, cache=None)``:
  a generator of ``Progress`` events (``stage`` = "generating" with each streamed piece in ``text``,
  "checking", "cancelled") and, last, one ``Summary``. No summarizer means an extractive summary. When the
  ``CancelToken`` is set it stops after ``Progress("cancelled")`` without a summary. Run it on a worker thread;
  it never touches the GUI.
- ``Summary`` (``summarize.values``): ``method`` ("llm" or "extractive"), ``model`` (``ModelInfo`` or None),
  ``language``, ``overview`` and ``key_points`` as ``Point(text, paragraphs, verified, reason)``, ``warnings``,
  ``timings``; ``to_json()`` is the ``lesesaal summarize --json`` shape. Show a point with ``verified`` False
  as unverified, with its ``reason``: never as fact.
- ``Summarizer`` (``summarize.protocol``), the model seam: ``info``, ``context_size``, ``count_tokens(text)``,
  ``generate(request, cancel) -> Iterator[Chunk]`` (the last chunk carries ``Usage``) and ``close()``.
  ``LlamaSummarizer(path, BackendSettings(...))`` runs a GGUF file (lazy load, ``describe()`` for threads,
  context and memory); ``FakeSummarizer(*replies)`` streams queued replies for tests.
- ``summarize.batch.summarize_many(library, ids, summarizer, options, cancel, cache)``: one ``BatchStep``
  (done, total, article id, summary or error) per article.
- ``summarize.cache.LibraryCache(library)``: summaries cached in the library; ``summarize.settings``: which
  model file (``--model``, ``LESESAAL_MODEL``, the models folder).

Only this package imports ``llama_cpp`` (an import-linter contract); it never imports ``search``.
"""
