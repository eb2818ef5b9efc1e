# A page the test writes from hostile strings through the book's escaping (tests/test_escaping.py);
# the labels its links point at are on the page.
extensions = ["myst_parser"]
root_doc = "index"
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist", "substitution"]
nitpicky = True
# named here: Sphinx's default for source_suffix is one dict that the apps of a test session share
source_suffix = {".md": "markdown"}
smartquotes = (
    False  # typography ("--" to a dash) is not markup: the page is compared character for character
)
