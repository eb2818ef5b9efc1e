"""What a reader sees of a page on a phone and on a desktop screen, measured in the browser.

One script (`MEASURE_JS`) runs in the page and returns every problem it finds, each naming the
element:
- the page is wider than the screen (the document scrolls sideways), naming what sticks out;
- a figure is cut (drawn wider than its box) without a visible cue and a link to the full-size
  image, or is drawn smaller than its natural size without that link (its text is then too small to
  read);
- a table is cut without a visible cue that it scrolls (text of "scroll" in the box or its caption);
- a code block is cut (a line runs past the block's box) without a visible cue that it scrolls;
- a caption is clipped (its text runs outside the box that shows it);
- a word in a table cell is broken inside the word (line boxes from Range.getClientRects compared
  with the word's characters; a date such as 2001-09-30 is one word); an identifier in code may
  break after /
  _ - . : or, where it is longer than its cell
  is wide, anywhere (overflow-wrap: break-word);
- a cell of Japanese text is squeezed to a character or two a line, or is narrower than four
  characters of its type;
- two cells' text boxes overlap (overprinting), or a cell's text runs out of the cell;
- rendered text is smaller than the floor (11 px on a phone) or lighter than weight 400.

On a phone (`phone_problems`), `FIGURE_TEXT_JS` also opens the SVG file every figure shows (its
currentSrc: the narrow layout a <picture> chooses) and measures its text as drawn: a <text> element
by its computed font size, a run of glyph outlines (matplotlib's svg.fonttype "path": <use> of a
glyph defined at 100 units an em) by 100 × its transform's scale; each times the image's drawn width
over the SVG's own. No figure text under 11 px, and no figure wider than the screen.

On a desktop screen (`desktop_problems`) a table must fit its column outright. `face_problems` asks
Chromium (DevTools' CSS.getPlatformFontsForNode) which face drew an element's text: a stylesheet
that names a face the book does not ship falls back silently to whatever the system has.

Every function takes a Playwright page, so `tests/support/test_screen_fit.py` runs them on small
broken pages and shows each one fails there; `tests/test_phone_fit.py` and `tests/test_overprint.py`
run them on the book.
"""

from __future__ import annotations

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE_MIN_TEXT_PX = 11
# A desktop screen has room to draw a figure larger than the print column it was drawn for: its
# text at least this size (body text is 16 px).
DESKTOP_MIN_FIGURE_TEXT_PX = 13
MIN_WEIGHT = 400

# an element named by its tag, id and classes, up to three levels: how the checks report where
DESCRIBE_ELEMENT_JS = r"""
  const describe = el => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      let p = e.tagName.toLowerCase();
      if (e.id) { p += "#" + e.id; parts.unshift(p); break; }
      const cls = [...e.classList].slice(0, 2).join(".");
      if (cls) p += "." + cls;
      parts.unshift(p);
    }
    return parts.join(" > ");
  };
"""

MEASURE_JS = r"""
(opts) => {
  const W = document.documentElement.clientWidth;
  const problems = [];
  const root = document.querySelector(opts.root) || document.body;
  const short = s => (s || "").replace(/\s+/g, " ").trim().slice(0, 60);
/*DESCRIBE_ELEMENT*/
  const add = (kind, el, detail) => problems.push({kind, element: el ? describe(el) : "", detail});
  const visible = el => {
    const s = getComputedStyle(el);
    return s.display !== "none" && s.visibility !== "hidden" && el.getClientRects().length > 0;
  };
  // the horizontal span of the screen an element can show: the viewport cut by every ancestor that clips
  const clipBox = el => {
    let left = 0, right = W;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== "visible") {
        const r = a.getBoundingClientRect();
        const b = parseFloat(getComputedStyle(a).borderLeftWidth) || 0;
        left = Math.max(left, r.left + b);
        right = Math.min(right, r.left + b + a.clientWidth);
      }
    }
    return {left, right};
  };
  const scrollBox = el => {
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === "auto" || ox === "scroll") return a;
    }
    return null;
  };
  const textRects = el => {
    const rects = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.trim()) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) rects.push(r);
    }
    return rects;
  };

  // 1. the page is no wider than the screen
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > W + 1) {
    const culprits = [...document.body.querySelectorAll("*")].filter(e => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > W + 1 && clipBox(e).right >= W && visible(e);
    });
    const outermost = culprits.filter(e => !culprits.includes(e.parentElement)).slice(0, 3);
    add("page wider than the screen", null,
        `${pageWidth}px on a ${W}px screen; sticking out: ` + outermost.map(e => `${describe(e)} (${Math.round(e.getBoundingClientRect().width)}px)`).join("; "));
  }

  // 2. figures: whole, or a visible cue with a link to the full-size image; scaled down: that link too
  const fullSizeLink = img => {
    const holder = img.closest("figure, .cell_output, .output, p, div") || img.parentElement;
    const src = img.currentSrc || img.src;
    return [...holder.querySelectorAll("a[href]"), img.closest("a[href]")].filter(Boolean)
      .find(a => a.href === src && visible(a) && (a.innerText.trim() || a.contains(img))) || null;
  };
  for (const img of root.querySelectorAll("img")) {
    if (!visible(img) || img.naturalWidth < 64 || img.closest("nav, header, .bd-sidebar-primary, .bd-sidebar-secondary")) continue;
    const r = img.getBoundingClientRect(), box = clipBox(img);
    const whole = r.left >= box.left - 1 && r.right <= box.right + 1;
    const scaled = r.width < img.naturalWidth - 1;
    const link = fullSizeLink(img);
    const name = (img.getAttribute("src") || "").split("/").pop();
    const drawn = `${name}: ${Math.round(r.width)}px drawn, ${Math.round(box.right - box.left)}px shown`;
    if (!whole && !link) add("figure cut without a cue and a full-size link", img, drawn);
    else if (scaled && !link) add("figure scaled down without a full-size link", img, `${name}: drawn ${Math.round(r.width)}px of ${img.naturalWidth}px`);
  }

  // 3. tables: whole, or a visible cue that the box scrolls
  // a cue: text saying "scroll" in the scroll box, its caption or just before it, or a pseudo-element drawing it
  const shown = s => s.display !== "none" && s.visibility !== "hidden" && parseFloat(s.fontSize) >= 8;
  const scrollCue = (table, box) => [box, table.querySelector("caption"), box && box.previousElementSibling].filter(Boolean)
    .some(e => /scroll|スクロール/i.test(e.innerText || "") || ["::before", "::after"].some(p => {
      const s = getComputedStyle(e, p);
      return /scroll|スクロール/i.test(s.content || "") && shown(s);
    }));
  for (const table of root.querySelectorAll("table")) {
    if (!visible(table)) continue;
    const r = table.getBoundingClientRect(), box = clipBox(table);
    if (r.left >= box.left - 1 && r.right <= box.right + 1) continue;
    const what = `${Math.round(r.width)}px wide, ${Math.round(box.right - box.left)}px shown: `
      + short((table.querySelector("caption, th") || table).innerText);
    if (opts.tablesWhole) add("table wider than its column", table, what);
    else if (!scrollCue(table, scrollBox(table))) add("table cut without a cue", table, what);
  }

  // 3b. code blocks: every line whole (wrapped), or a visible cue that the block scrolls; the code's own text
  // ("scroll" in a listing) is no cue, a drawn pseudo-element or the text just before the block is
  const drawnCue = e => ["::before", "::after"].some(p => {
    const s = getComputedStyle(e, p);
    return /scroll|スクロール/i.test(s.content || "") && shown(s);
  });
  for (const pre of root.querySelectorAll("pre")) {
    if (!visible(pre) || pre.scrollWidth <= pre.clientWidth + 1) continue;
    const holder = pre.closest("div.highlight, div[class*='highlight-']") || pre;
    const before = (holder.parentElement && holder.parentElement.closest("div[class*='highlight-']")) || holder;
    const cued = [pre, holder, before].some(drawnCue)
      || /scroll|スクロール/i.test((before.previousElementSibling && before.previousElementSibling.innerText) || "");
    if (!cued) add("code block cut without a cue", pre, `${pre.scrollWidth}px of lines in a ${pre.clientWidth}px box: ` + short(pre.innerText));
  }

  // 4. captions are not clipped
  for (const cap of root.querySelectorAll("caption, figcaption, .caption-text")) {
    if (!visible(cap)) continue;
    const box = clipBox(cap);
    const cut = textRects(cap).some(t => t.left < box.left - 1 || t.right > box.right + 1);
    if (cut || cap.scrollWidth > cap.clientWidth + 1 && getComputedStyle(cap).overflowX !== "visible")
      add("caption clipped", cap, short(cap.innerText));
  }

  // 5. words in table cells break only between words
  // where an identifier or pattern in code may wrap: after these, or before an opening bracket
  const codeBreak = /[\/_\-.:=@#–—|?+,;)\]}]/, codeBreakBefore = /[(\[{]/;
  const cjk = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
  const range = document.createRange();
  for (const cell of root.querySelectorAll("td, th")) {
    if (!visible(cell)) continue;
    const cs = getComputedStyle(cell);
    const inner = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      range.selectNodeContents(n);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size < 2) continue;
      const code = n.parentElement.closest("code, kbd, samp, .pre, tt");
      for (const m of n.data.matchAll(/\S+/g)) {
        if (m[0].length < 2) continue;
        const charTop = [], charWidth = [];
        for (let i = 0; i < m[0].length; i++) {
          range.setStart(n, m.index + i); range.setEnd(n, m.index + i + 1);
          const rs = [...range.getClientRects()].filter(r => r.width > 0);
          charTop.push(rs.length ? Math.round(rs[0].top) : null); charWidth.push(rs.length ? rs[0].width : 0);
        }
        for (let i = 1; i < m[0].length; i++) {
          if (charTop[i] === null || charTop[i - 1] === null || Math.abs(charTop[i] - charTop[i - 1]) < 2) continue;
          const before = m[0][i - 1];
          // a date (2001-09-30) is one word: its hyphens are no place to break
          const inDate = [...m[0].matchAll(/(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])/g)].some(d => d.index < i && i < d.index + d[0].length);
          if (!inDate && (before === "\u00ad" || (code ? codeBreak : /[\/\-–—]/).test(before))) continue;
          if (code && codeBreakBefore.test(m[0][i])) continue;
          if (cjk.test(before) || cjk.test(m[0][i])) continue;  // Japanese text breaks between characters
          const wordWidth = charWidth.reduce((a, b) => a + b, 0);
          if (code && wordWidth > inner + 1) continue;  // an identifier longer than the cell is wide
          add("word broken inside a table cell", cell, `"${m[0].slice(0, i)}|${m[0].slice(i)}"`);
          break;
        }
      }
    }
  }

  // 5b. no Japanese cell squeezed to a character or two a line (Japanese breaks anywhere: no broken word shows it)
  for (const cell of root.querySelectorAll("td, th")) {
    if (!visible(cell)) continue;
    const chars = [...cell.textContent.replace(/\s+/g, "")].length;
    if (chars < 4 || !cjk.test(cell.textContent)) continue;  // Latin words: the broken-word check above
    // the lines of its text only: a range over the whole cell also returns the boxes of its <p> and links
    const tops = new Set(), texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      if (!n.data.trim()) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
    }
    const lines = tops.size;
    if (lines >= 3 && chars / lines < 2.5) add("table cell squeezed to a character or two a line", cell, `${chars} characters on ${lines} lines`);
    // a cell narrower than four characters of its own text (a Japanese character is about 1em wide)
    else if (lines >= 2) {
      const cs = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (inner < 4 * parseFloat(cs.fontSize) - 1)
        add("table cell narrower than four characters", cell, `${Math.round(inner)}px for ${chars} characters of ${cs.fontSize} type on ${lines} lines`);
    }
  }

  // 6. no overprinting: no two cells' text boxes overlap, no cell's text runs out of its cell
  for (const table of root.querySelectorAll("table")) {
    if (!visible(table)) continue;
    const boxes = [];
    for (const cell of table.querySelectorAll("td, th")) {
      if (!visible(cell)) continue;
      const c = cell.getBoundingClientRect();
      for (const t of textRects(cell)) {
        boxes.push({cell, t});
        if (t.left < c.left - 1 || t.right > c.right + 1)
          add("text runs out of its cell", cell, `"${short(cell.innerText)}" ${Math.round(t.right - t.left)}px in a ${Math.round(c.width)}px cell`);
      }
    }
    boxes.sort((a, b) => a.t.top - b.t.top);
    const seen = new Set();
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && boxes[j].t.top < boxes[i].t.bottom; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.cell === b.cell) continue;
        const w = Math.min(a.t.right, b.t.right) - Math.max(a.t.left, b.t.left);
        const h = Math.min(a.t.bottom, b.t.bottom) - Math.max(a.t.top, b.t.top);
        const key = [a.cell, b.cell];
        if (w > 1 && h > 2 && !seen.has(a.cell)) {
          seen.add(a.cell);
          add("cells overprint", a.cell, `"${short(a.cell.innerText)}" over "${short(b.cell.innerText)}"`);
        }
      }
    }
  }

  // 7. type: no text under the floor, none lighter than the weight floor (figures are images: not text here)
  const small = new Map(), light = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.data.trim() || el.closest("script, style, noscript, template, svg, .visually-hidden, .sr-only")) continue;
    range.selectNodeContents(n);
    const rs = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1 && r.right > 0 && r.left < W);
    if (!rs.length || !visible(el)) continue;
    const s = getComputedStyle(el);
    if (parseFloat(s.opacity) === 0) continue;
    const size = parseFloat(s.fontSize), weight = parseInt(s.fontWeight, 10);
    if (opts.minTextPx && size < opts.minTextPx - 0.05 && !small.has(el)) small.set(el, `${size}px: "${short(n.data)}"`);
    if (weight < opts.minWeight && !light.has(el)) light.set(el, `weight ${weight}: "${short(n.data)}"`);
  }
  for (const [el, d] of small) add(`text under ${opts.minTextPx}px`, el, d);
  for (const [el, d] of light) add(`text lighter than ${opts.minWeight}`, el, d);
  return problems;
}
""".replace("/*DESCRIBE_ELEMENT*/\n", DESCRIBE_ELEMENT_JS)  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


FIGURE_TEXT_JS = r"""
async (opts) => {
  const W = document.documentElement.clientWidth;
  const problems = [];
  const GLYPH_EM = 100;  // matplotlib draws text as paths defined at 100 units an em (textpath.FONT_SCALE)
  const glyphId = /^[A-Za-z][\w-]*-[0-9a-f]+$/;  // "IPAexGothic-4b": a glyph of a font; markers are "m" + a hash
  const visible = el => {
    const s = getComputedStyle(el);
    return s.display !== "none" && s.visibility !== "hidden" && el.getClientRects().length > 0;
  };
  const scaleOf = (el, root) => {  // the transforms from el up to the SVG's root, as one linear scale
    let m = new DOMMatrix();
    for (let e = el; e && e !== root; e = e.parentElement) {
      const list = e.transform && e.transform.baseVal;
      const t = list && list.numberOfItems ? list.consolidate().matrix : null;
      if (t) m = new DOMMatrix([t.a, t.b, t.c, t.d, t.e, t.f]).multiply(m);
    }
    return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  };
  const words = el => {  // the text a run draws: its own, or the comment matplotlib writes before a glyph run
    for (let e = el; e; e = e.parentElement) {
      if (e.textContent && e.textContent.trim() && e.tagName.toLowerCase() === "text") return e.textContent.trim();
      const c = [...e.childNodes].find(n => n.nodeType === Node.COMMENT_NODE);
      if (c) return c.data.trim();
    }
    return "";
  };
  const holder = document.createElement("div");
  holder.style.cssText = "position:absolute; left:-10000px; top:0; visibility:hidden";
  document.body.appendChild(holder);
  try {
    for (const img of document.querySelectorAll("img")) {
      if (!visible(img) || img.naturalWidth < 64 || img.closest("nav, header, .bd-sidebar-primary, .bd-sidebar-secondary")) continue;
      const src = img.currentSrc || img.src;
      const name = src.startsWith("data:") ? "an inline SVG" : src.split("/").pop();
      const r = img.getBoundingClientRect();
      if (r.width > W + 1) add("figure wider than the screen", img, `${name}: ${Math.round(r.width)}px on a ${W}px screen`);
      if (!/\.svg([?#]|$)/i.test(src) && !src.startsWith("data:image/svg+xml")) continue;
      let text;
      try { text = await (await fetch(src)).text(); } catch (e) { continue; }
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const svg = document.importNode(doc.documentElement, true);
      if (svg.tagName.toLowerCase() !== "svg") continue;
      holder.replaceChildren(svg);
      const vb = svg.viewBox && svg.viewBox.baseVal;
      const ownWidth = vb && vb.width ? vb.width : svg.width.baseVal.value;
      if (!ownWidth) continue;
      const px = r.width / ownWidth;  // CSS px on screen per user unit of the SVG
      let smallest = null;
      const consider = (size, el) => { if (size > 0 && (!smallest || size < smallest.size)) smallest = {size, el}; };
      for (const t of svg.querySelectorAll("text")) consider(parseFloat(getComputedStyle(t).fontSize) * scaleOf(t, svg) * px, t);
      for (const u of svg.querySelectorAll("use")) {
        const ref = (u.getAttribute("href") || u.getAttribute("xlink:href") || "").replace(/^#/, "");
        if (glyphId.test(ref)) consider(GLYPH_EM * scaleOf(u, svg) * px, u);
      }
      if (smallest && smallest.size < opts.minTextPx - 0.05)
        add(`figure text under ${opts.minTextPx}px`, img,
            `${name}: ${smallest.size.toFixed(1)}px "${words(smallest.el).slice(0, 40)}" (drawn ${Math.round(r.width)}px wide)`);
    }
  } finally {
    holder.remove();
  }
  return problems;

  function add(kind, el, detail) {
    let d = el.tagName.toLowerCase();
    const fig = el.closest("figure[id], [id]");
    if (fig) d = `${fig.tagName.toLowerCase()}#${fig.id} ${d}`;
    problems.push({kind, element: d, detail});
  }
}
"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def figure_text_problems(page, min_text_px: float = PHONE_MIN_TEXT_PX) -> list[dict]:
    """Figures as a phone draws them: text in every figure's SVG at least `min_text_px` on screen;
    no figure wider than the screen."""
    return page.evaluate(FIGURE_TEXT_JS, {"minTextPx": min_text_px})


def measure(
    page,
    min_text_px: float | None = None,
    min_weight: int = MIN_WEIGHT,
    root: str = "body",
    tables_whole: bool = False,
) -> list[dict]:
    """Every problem on the page as {kind, element, detail}; `min_text_px` applies the text floor
    (phones); `tables_whole`: a table must fit its column, a scroll cue is not enough (a desktop
    screen)."""
    return page.evaluate(
        MEASURE_JS,
        {
            "minTextPx": min_text_px,
            "minWeight": min_weight,
            "root": root,
            "tablesWhole": tables_whole,
        },
    )


def phone_problems(page) -> list[dict]:
    return measure(page, min_text_px=PHONE_MIN_TEXT_PX) + figure_text_problems(
        page, PHONE_MIN_TEXT_PX
    )


def desktop_problems(page) -> list[dict]:
    return measure(page, tables_whole=True) + figure_text_problems(page, DESKTOP_MIN_FIGURE_TEXT_PX)


FIT_KINDS = (
    "page wider than the screen",
    "figure wider than the screen",
    "figure cut without a cue and a full-size link",
    "figure scaled down without a full-size link",
    "table cut without a cue",
    "table wider than its column",
    "caption clipped",
    "word broken inside a table cell",
)
# Japanese text breaks between any two characters, so no broken word shows a cell squeezed narrow.
SQUEEZED_KINDS = (
    "table cell squeezed to a character or two a line",
    "table cell narrower than four characters",
)
OVERPRINT_KINDS = ("cells overprint", "text runs out of its cell")


def of_kinds(problems: list[dict], kinds: tuple[str, ...]) -> list[dict]:
    return [p for p in problems if p["kind"] in kinds]


def type_problems(problems: list[dict]) -> list[dict]:
    return [
        p
        for p in problems
        if p["kind"].startswith(
            ("text under", "text lighter", "text drawn by", "figure text under")
        )
    ]


def book_pages(html_dir, sample) -> list[str]:
    """The book's pages (not the theme's files or downloads), with `sample` choosing among the actor
    pages."""
    skip = ("_static", "_sources", "_images", "_downloads")
    from support.project import edition_html_files  # one edition's pages, not its sub-editions'

    pages = sorted(
        p.relative_to(html_dir).as_posix()
        for p in edition_html_files(html_dir)
        if p.relative_to(html_dir).parts[0] not in skip
    )
    return sample(pages) if pages else ["index.html"]


def visit_and_measure(browser, origin: str, path: str, device: dict, phone: bool) -> list[dict]:
    """One visit: the page in a fresh context for the device, every check run once (offline: the
    browser resolves no host but this one, support.browser.CHROMIUM_ARGS)."""
    context = browser.new_context(color_scheme="light", **device)
    try:
        page = context.new_page()
        page.goto(f"{origin}/{path}", wait_until="load")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
        found = phone_problems(page) if phone else desktop_problems(page)
        return found + face_problems(page)
    finally:
        context.close()


def report(path: str, problems: list[dict]) -> str:
    return f"{path}:\n" + "\n".join(
        f"  {p['kind']}: {p['element']}: {p['detail']}" for p in problems
    )


# ------------------------------------------------------------------------------------- the face
# that draws text One element of each kind a reader reads; where a page has none of a kind, it is
# skipped.
FACE_SELECTORS = (
    "article p",
    "article li",
    "article td",
    "article th",
    "figcaption",
    "caption",
    "article h1",
)
GENERIC = {
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-sans-serif",
    "ui-serif",
    "ui-monospace",
    "-apple-system",
    "blinkmacsystemfont",
    "emoji",
    "math",
}


def face_problems(page, selectors=FACE_SELECTORS) -> list[dict]:
    """Every face that draws a sampled element's text must be one its font-family names: a named
    face the page neither ships nor finds on the system is silently replaced by whatever the system
    has (Fira Sans asked for, DejaVu Sans drawn). Generic families (sans-serif) do not count as
    naming a face."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        document = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        problems = []
        for selector in selectors:
            node = cdp.send("DOM.querySelector", {"nodeId": document, "selector": selector}).get(
                "nodeId"
            )
            if not node:
                continue
            # Chromium reports the faces of the element's whole text, its children's (a code span)
            # included
            families = page.eval_on_selector(
                selector,
                "e => [...new Set([e, ...e.querySelectorAll('*')].map(x => "
                "getComputedStyle(x).fontFamily))]",
            )
            family = families[0]
            named = {
                f.strip().strip("\"'").lower() for fam in families for f in fam.split(",")
            } - GENERIC
            for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                if font["familyName"].lower() not in named:
                    problems.append(
                        {
                            "kind": "text drawn by a fallback face",
                            "element": selector,
                            "detail": f"font-family {family!r}; "
                            f"{font['glyphCount']} glyphs drawn with "
                            f"{font['familyName']!r} ({font.get('postScriptName', '')})",
                        }
                    )
        return problems
    finally:
        cdp.detach()
