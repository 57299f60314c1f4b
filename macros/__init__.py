"""The site's data layer and renderers, used by the build hooks in site_hooks.py.

Modules, each with one job: models (data format), loader (reading and checking
docs/data/), state (one build's state), strings (all interface text), urls (where
pages are), numbers, collation (sorting), templating (the Jinja environment for
overrides/render/), links, catalogue, glossary, sources and exercises (renderers),
page_macros (the macros pages call), mdext (a Markdown extension), generated
(example page stubs), opendata, search_split and schemas.
"""
