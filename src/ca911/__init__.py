"""ca911: the companion's data contract, analysis, figures and book."""

from importlib.metadata import version

# The one version: pyproject.toml's, as the installed package records it (CITATION.cff and the data
# package's descriptor repeat it, and tests/test_version.py holds them equal).
__version__ = version("ca911")
