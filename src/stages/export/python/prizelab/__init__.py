"""Prize Lab's notebook run as a Python package: the same stages, parameters and seed as the page."""
