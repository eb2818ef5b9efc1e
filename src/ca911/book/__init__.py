"""The book layer: Markdown pages, generated files and the Sphinx extension, above figures and
analysis."""
