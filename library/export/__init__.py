"""Writers of exports: Markdown notes, annotation tables (CSV, JSON) and references (CSL-JSON, RIS).

Each writer is a pure function of ``values.ExportArticle`` values to text; gathering them from the library (and
the summaries from the summary cache) is the front end's job. No Qt, no model here.
"""
