# A book of a few pages that cite records with the roles; tests/test_sphinx_extension.py puts a copy
# of the data package in `data/` beside these files (the extension reads the data of the project it
# builds).
extensions = ["myst_parser", "ca911.book.sphinx.roles"]
root_doc = "index"
exclude_patterns = ["data"]
nitpicky = True
# named here: Sphinx's default for source_suffix is one dict that the apps of a test session share
source_suffix = {".md": "markdown"}
