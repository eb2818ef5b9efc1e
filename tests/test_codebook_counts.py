"""The codebook's "rows filled" is what the files hold, for every field, list-valued ones included
(a field the loader splits into lists counts the rows with at least one item)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.codebook import miscounted

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "_build" / "html" / "methods" / "codebook.html"

TWO_FIELDS = """<table class="ca911-codebook" id="tab-codebook-facts"><thead><tr><th>field</th><th>rows filled</th></tr></thead>
<tbody><tr><td><p><code>fact_id</code></p></td><td><p>2/2</p></td></tr>
<tr><td><p><code>related_<wbr>event_<wbr>ids</code></p></td><td><p>{related}</p></td></tr></tbody></table>"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def test_the_built_codebook_counts_every_field_as_the_files_hold_it():
    if not PAGE.is_file():
        pytest.skip("the book is not built (make book)")
    assert miscounted(PAGE.read_text(encoding="utf-8"), ROOT / "data") == []


def test_the_checker_names_a_field_counted_wrongly(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "datapackage.json").write_text(
        '{"resources": [{"name": "facts", "path": "facts.csv", "schema": {"fields": '
        '[{"name": "fact_id"}, {"name": "related_event_ids"}]}}]}',
        encoding="utf-8",
    )
    (data / "facts.csv").write_text("fact_id,related_event_ids\na,e1 e2\nb,\n", encoding="utf-8")
    assert miscounted(TWO_FIELDS.format(related="1/2"), data) == []
    # a list cell counted as filled because its empty list printed as "[]"
    assert miscounted(TWO_FIELDS.format(related="2/2"), data) == [
        "tab-codebook-facts related_event_ids: page says 2/2, the file has 1/2"
    ]
    shutil.rmtree(data)
