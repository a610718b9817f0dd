"""MkDocs hooks: runtime assets (Pyodide, the engine wheel) for the guide page."""
