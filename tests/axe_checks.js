// axe-core, run by the browser tests (tests/test_browser.py) on every page
// they open: added as an init script after axe-core itself.
//
// axe-core's color-contrast rule takes most of a run: for each element with
// text it finds what lies under the text and works out its background. Most
// elements share their colours with many others (a table's cells, a list's
// items, the navigation's links on every page), so the rule is run on one
// element per *colour context*: the text's computed colour, size, weight,
// opacity and shadow, whether it is shown and has letters or digits, and the
// backgrounds, opacities, filters and blend modes of the element and each of
// its ancestors up to the root. Two elements with the same context get the
// same contrast verdict from axe-core, unless something that is not their
// ancestor lies over one of them (axe-core looks at everything under the
// text); the site positions nothing over text. Contexts already checked, on
// this page or an earlier one, are not checked again. Every other rule runs
// on every element.
"use strict";

window.reviewAxe = (() => {
  const TEXT = ["color", "font-size", "font-weight", "opacity", "text-shadow", "visibility", "-webkit-text-fill-color", "-webkit-text-stroke-color", "-webkit-text-stroke-width"];
  const BACKGROUND = ["background-color", "background-image", "opacity", "filter", "mix-blend-mode", "backdrop-filter"];
  const CONTROLS = new Set(["INPUT", "SELECT", "TEXTAREA"]);

  function ownText(element) {
    let text = "";
    for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue;
    return text.trim();
  }

  /** The colour context of every element with text of its own (or a form
   * control) in ``roots``, by a digest of its key: digest -> the first
   * element with it. */
  function colourContexts(roots) {
    const backgrounds = new Map();
    const background = element => {
      if (!element) return "";
      if (!backgrounds.has(element)) {
        const style = getComputedStyle(element);
        backgrounds.set(element, background(element.parentElement) + ">" + BACKGROUND.map(name => style.getPropertyValue(name)).join("|"));
      }
      return backgrounds.get(element);
    };
    const contexts = new Map();
    for (const root of roots) {
      for (const element of [root, ...root.querySelectorAll("*")]) {
        const text = ownText(element);
        if (!text && !CONTROLS.has(element.tagName)) continue;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const key = [TEXT.map(name => style.getPropertyValue(name)).join("|"), box.width > 1 && box.height > 1, /[\p{L}\p{N}]/u.test(text), element.tagName === "A", background(element)].join("#");
        const name = digest(key);
        if (!contexts.has(name)) contexts.set(name, element);
      }
    }
    return contexts;
  }

  /** A short name for a long key (cyrb53: 53 bits). */
  function digest(text) {
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }

  const lines = result => result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 5).join(", "));

  /** Ends every running CSS transition, after starting those a style change
   * not yet applied would start, so that axe-core reads the colours a reader
   * sees once the page is still. A scheme switch suppresses Material's
   * transitions, but not for what it does not restyle: a folded block's
   * content is restyled when it unfolds, and Material fades code colours
   * over 125 ms, from the scheme it last had. */
  function finishTransitions() {
    document.documentElement.getBoundingClientRect();
    for (const animation of document.getAnimations()) if (animation instanceof CSSTransition) animation.finish();
  }

  /** axe-core on the page, or on the elements ``context`` (a CSS selector)
   * selects: every rule, or only ``rules``; color-contrast only on the
   * colour contexts not in ``seen``. Returns the violations as
   * ``rule: targets`` lines, and the contexts checked now. */
  async function check({ context = null, rules = null, seen = [] }) {
    finishTransitions();
    const roots = context ? [...document.querySelectorAll(context)] : [document.documentElement];
    const others = rules ? { runOnly: { type: "rule", values: rules.filter(rule => rule !== "color-contrast") } } : { rules: { "color-contrast": { enabled: false } } };
    const found = others.runOnly && !others.runOnly.values.length ? [] : lines(await axe.run(context ?? document, { resultTypes: ["violations"], ...others }));
    const known = new Set(seen);
    const fresh = [...colourContexts(roots)].filter(([key]) => !known.has(key));
    if (fresh.length && (!rules || rules.includes("color-contrast"))) {
      const contrast = await axe.run({ include: fresh.map(([, element]) => element) }, { resultTypes: ["violations"], runOnly: { type: "rule", values: ["color-contrast"] } });
      found.push(...lines(contrast));
    }
    return { violations: found, checked: fresh.map(([key]) => key) };
  }

  return { check, colourContexts };
})();
