"""The analysis layer: chronology frames and networks built from the data package; no Markdown, no
figures."""
