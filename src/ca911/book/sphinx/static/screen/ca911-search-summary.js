/* The search page's summary under each result, read as running text.
   Sphinx's searchtools.js summarises a found page from the text of its [role="main"]: in this theme that
   takes in the article's header (download menu, the print-only copy of the title and contents), the page's
   own contents and the previous/next links, runs a table's cells together without a space, and keeps every
   line break and indentation of the HTML. Search.htmlToText is the one step searchtools.js asks for that
   text: here it reads the article only, without what is not text to read (code cells, record ids,
   buttons), with a space between blocks and cells and each run of white space as one space. */
(() => {
  if (typeof Search === "undefined") return;
  const NOT_TEXT = [
    ".headerlink", "script", "style", "template", ".onlyprint", ".cell_input", "pre",
    ".ca911-record", "button",
  ].join(", ");
  const BLOCKS = "p, li, dt, dd, th, td, caption, figcaption, h1, h2, h3, h4, h5, h6, div, section";
  const content = (doc, anchor) => {
    const article = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
    if (!article || !anchor) return article;
    try {
      return article.querySelector(anchor) || article;
    } catch (notASelector) {  // an anchor CSS cannot name (an id starting with a digit)
      return article;
    }
  };
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    const part = content(doc, anchor);
    if (!part) return "";
    part.querySelectorAll(NOT_TEXT).forEach((el) => el.remove());
    part.querySelectorAll(BLOCKS).forEach((el) => el.append(" "));
    return part.textContent.replace(/\s+/g, " ").trim();
  };
})();
