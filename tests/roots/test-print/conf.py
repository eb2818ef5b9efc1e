# What the print edition treats differently: a download, a notebook's code (its stored output is
# kept), and a reference to an actor's page. tests/test_sphinx_extension.py builds it with simplepdf
# and with html.
extensions = ["myst_nb", "sphinx_simplepdf", "ca911.book.sphinx.print"]
root_doc = "index"
exclude_patterns = ["data", "_build"]
nb_execution_mode = "off"  # notebook.ipynb carries its output
simplepdf_file_name = "print.pdf"
simplepdf_use_weasyprint_api = True
# named here: Sphinx's default for source_suffix is one dict that the apps of a test session share
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
