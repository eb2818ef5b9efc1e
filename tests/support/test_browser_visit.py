"""support.browser.Visit on a small local page: a request to another host is recorded as off-host
and fails inside Chromium (no host but this machine resolves), while the page's own files and the
data URLs it makes load."""

from __future__ import annotations

from support.browser import Visit
from support.project import serve

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="style.css">
<script src="https://cdn.example.com/lib.js"></script></head>
<body><p>text</p><img src="http://images.example.org/a.png" alt="remote">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline"></body></html>"""


def test_a_page_asking_another_host_is_reported_and_its_own_files_load(browser, tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "style.css").write_text("p { color: black }", encoding="utf-8")
    with serve(tmp_path) as origin:
        visit = Visit(browser, origin, "index.html")
        try:
            assert sorted(visit.external) == [
                "http://images.example.org/a.png",
                "https://cdn.example.com/lib.js",
            ]
            assert f"{origin}/style.css" in visit.fetched
            assert not visit.failed, visit.failed  # off-host failures are reported once, above
            assert visit.page.evaluate("document.querySelector('p').textContent") == "text"
        finally:
            visit.close()
