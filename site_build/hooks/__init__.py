"""The MkDocs hooks: the only modules mkdocs.yml names (MkDocs loads each by its path).

- engine_pages.py  the pages that run the engine (boot data, runtime, browser bundles, service
                   worker), every page's Content-Security-Policy, the pre-compressed copies
- county_pages.py  the county pages and the county data export, from the engine's data
- law_values.py    the law's numbers and dates in the prose, from the rule data
- queue_columns.py the queue page's table of columns and accepted values, from the question data
"""
