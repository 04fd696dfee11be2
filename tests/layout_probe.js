// What a reader would find wrong with the layout of the page as the browser drew it, as a list
// of sentences (empty: nothing). Evaluated in the page by tests/test_docs_layout.py.
(() => {
  const issues = [];
  const phone = window.innerWidth < 600;
  const article = document.querySelector("article") || document.body;
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const where = (element) =>
    (element.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60);

  // 1. The page itself never scrolls sideways.
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) {
    issues.push(`the page is ${page.scrollWidth} px wide in a ${page.clientWidth} px window`);
  }

  // 2. No table scrolls sideways: its columns fit, or (on a phone) its rows are cards.
  for (const table of article.querySelectorAll("table")) {
    const box = table.closest(".table-wrapper") || table;
    const outside = table.getBoundingClientRect().right > page.clientWidth + 1;
    if (box.scrollWidth > box.clientWidth + 1 || outside) {
      issues.push(
        `a table scrolls sideways (${box.scrollWidth} px in ${box.clientWidth} px): ` +
          where(table.querySelector("tr")),
      );
    }
  }

  // 3. Text is big enough to read.
  const smallest = phone ? 12 : 12;
  for (const element of article.querySelectorAll("p, li, td, th, dt, dd, figcaption, h1, h2, h3, label")) {
    if (!visible(element)) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < smallest) issues.push(`text of ${size} px: ${where(element)}`);
  }

  // 4. Names break only where a reader expects: after : / . _ - or a space, or between the
  // words of a CamelCase name; never inside a word.
  const boundary = (before, after) =>
    /[\s:/._\-,;()]/.test(before) || /\s/.test(after) ||
    (/[a-z0-9]/.test(before) && /[A-Z]/.test(after));
  const names = article.querySelectorAll("table code, table a, h1");
  for (const element of names) {
    if (!visible(element)) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let previous = null;  // [text node, offset, top] of the last character seen
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let offset = 0; offset < node.data.length; offset += 1) {
        if (/\s/.test(node.data[offset])) continue;
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const rects = range.getClientRects();
        if (!rects.length) continue;
        const top = rects[0].top;
        if (previous && top > previous[2] + 2) {
          const before = previous[0].data[previous[1]];
          const after = node.data[offset];
          const between = node === previous[0] ? node.data.slice(previous[1] + 1, offset) : " ";
          if (!boundary(before, after) && !/\s/.test(between)) {
            const text = node.data;
            issues.push(
              `a name breaks inside a word: ${text.slice(Math.max(0, offset - 12), offset)}|` +
                `${text.slice(offset, offset + 12)}`,
            );
          }
        }
        previous = [node, offset, top];
      }
    }
  }

  // 5. Diagrams: every label readable at the size it is drawn, and no two labels overlap.
  const readable = phone ? 9 : 11;
  for (const svg of article.querySelectorAll(".dsm-diagram svg")) {
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const scale = view && view.width ? box.width / view.width : 1;
    const labels = [...svg.querySelectorAll("text")].filter((text) => text.textContent.trim());
    for (const text of labels) {
      const size = parseFloat(text.getAttribute("font-size") ||
        getComputedStyle(text).fontSize) * scale;
      if (size < readable) {
        issues.push(`a diagram label drawn at ${size.toFixed(1)} px: ${text.textContent}`);
      }
    }
    const boxes = labels.map((text) => [text.textContent, text.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, r] = boxes[i];
        const [b, s] = boxes[j];
        const width = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const height = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        // a label's box is its line's full height: two lines of one label touch, their
        // letters do not; an overlap of a third of a line is letters on letters
        const line = Math.min(r.height, s.height);
        if (width > 2 && height > line / 3) {
          issues.push(`diagram labels overlap: "${a}" and "${b}"`);
        }
      }
    }
    if (box.right > page.clientWidth + 1) issues.push("a diagram is wider than the window");
  }
  return issues;
})()
