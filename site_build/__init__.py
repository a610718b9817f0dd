"""Build tooling, and nothing else: the MkDocs hooks (hooks/), the runtime's files (runtime/), the
browser code as served (browser/), the security policy (csp.py), the local server (serve.py)."""
