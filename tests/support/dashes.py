"""One form of the Japanese dash 「――」 (U+2015 HORIZONTAL BAR) wherever the book prints it.

The Latin faces draw U+2015 their own way (Fira Sans as two short dashes "−−", DejaVu Sans Mono as
one long rule), so the dash has one form only when every occurrence comes from the Japanese font.
These checks ask the renderer which font drew each one: pdfium for the PDF, Chromium (DevTools
protocol) for the HTML.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

DASH = "\u2015"
# IPAexGothic under any subset prefix or localised name, or the face the stylesheets declare from
# its file
JAPANESE_FONTS = ("IPAex", "Japanese-dashes", "Japanese dashes")


def pdf_dash_fonts(pdf_path: Path) -> list[tuple[int, str]]:
    """(page number, font name) of every U+2015 in the PDF."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    found = []
    for number, page in enumerate(pdfium.PdfDocument(str(pdf_path)), 1):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        for i, c in enumerate(text[: textpage.count_chars()]):
            if c == DASH:
                buf = ctypes.create_string_buffer(256)
                raw.FPDFText_GetFontInfo(textpage.raw, i, buf, 256, ctypes.byref(ctypes.c_int()))
                found.append((number, buf.value.decode(errors="replace").split("+")[-1]))
    return found


def pdf_dash_problems(pdf_path: Path) -> list[str]:
    return [
        f"p. {page}: 「―」 drawn in {font}"
        for page, font in pdf_dash_fonts(pdf_path)
        if not any(name in font for name in JAPANESE_FONTS)
    ]


# Each run of U+2015 in the page's text goes into a span of its own, so the renderer can say which
# font drew it.
WRAP_DASHES_JS = r"""
() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) if (walker.currentNode.nodeValue.includes("\u2015")) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const parts = node.nodeValue.split(/(\u2015+)/);
    const frag = document.createDocumentFragment();
    for (const part of parts) {
      if (!part) continue;
      if (part[0] === "\u2015") {
        const span = document.createElement("span");
        span.className = "ca911-dash-probe";
        span.textContent = part;
        frag.appendChild(span);
      } else frag.appendChild(document.createTextNode(part));
    }
    node.parentNode.replaceChild(frag, node);
  }
  return nodes.length;
}
"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def html_dash_fonts(page) -> list[tuple[str, list[str]]]:
    """(text around it, fonts Chromium drew it with) for every run of U+2015 on an open Playwright
    page."""
    page.evaluate(WRAP_DASHES_JS)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    out = []
    for node_id in cdp.send(
        "DOM.querySelectorAll", {"nodeId": root, "selector": "span.ca911-dash-probe"}
    )["nodeIds"]:
        fonts = [
            f["familyName"]
            for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
        ]
        context = cdp.send("DOM.getOuterHTML", {"nodeId": node_id})["outerHTML"]
        out.append((context, fonts))
    cdp.detach()
    return out


def html_dash_problems(page) -> list[str]:
    return [
        f"{where}: drawn in {', '.join(fonts) or 'no font'}"
        for where, fonts in html_dash_fonts(page)
        if not fonts or not all(any(name in f for name in JAPANESE_FONTS) for f in fonts)
    ]
