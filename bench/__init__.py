"""The performance benchmark (see bench/README.md): `python -m bench`."""
