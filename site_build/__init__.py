"""Build tooling: MkDocs hooks, the engine wheel, the self-hosted Pyodide runtime, the local server."""
