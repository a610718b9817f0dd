"""guide_engine: the decision engine behind the § 11 guide (plain Python, runs in CPython and Pyodide)."""

__version__ = "0.1.0"
