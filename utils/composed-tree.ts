/**
 * The page as a reader sees it, open shadow roots included: a component's shadow content takes
 * the place of its light children, and each <slot> shows the light nodes assigned to it (or its
 * own fallback content). Closed shadow roots stay out of reach, as they are meant to.
 */

/** The shadow root of an element, when it has an open one. */
function openShadowRoot(el: Element): ShadowRoot | null {
  return (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

function isSlot(node: Node): node is HTMLSlotElement {
  return node.nodeType === 1 && (node as Element).tagName.toUpperCase() === 'SLOT' && typeof (node as HTMLSlotElement).assignedNodes === 'function';
}

/** The children of a node in the composed tree, in order. */
export function composedChildren(node: Node): Node[] {
  const shadow = node.nodeType === 1 ? openShadowRoot(node as Element) : null;
  const out: Node[] = [];
  for (let child = (shadow ?? node).firstChild; child; child = child.nextSibling) {
    if (isSlot(child)) {
      // A slot shows the light nodes assigned to it, else its own fallback content.
      const assigned = child.assignedNodes();
      if (assigned.length) out.push(...assigned);
      else for (let c = child.firstChild; c; c = c.nextSibling) out.push(c);
    } else out.push(child);
  }
  return out;
}

/** Whether any element under `root` has an open shadow root. */
export function hasOpenShadowRoots(root: ParentNode): boolean {
  for (const el of Array.from(root.querySelectorAll('*'))) if (openShadowRoot(el)) return true;
  return false;
}

/** Every open shadow root under `root`, nested ones included. */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (r: ParentNode) => {
    for (const el of Array.from(r.querySelectorAll('*'))) {
      const shadow = openShadowRoot(el);
      if (shadow) {
        out.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return out;
}

/**
 * A copy of the document with open shadow roots flattened into ordinary elements (what
 * Readability can read). A document without any is simply cloned.
 */
export function composedClone(doc: Document): Document {
  if (!hasOpenShadowRoots(doc)) return doc.cloneNode(true) as Document;
  const copy = doc.cloneNode(false) as Document;
  const cloneInto = (parent: Node, node: Node) => {
    const shallow = copy.importNode(node, false);
    parent.appendChild(shallow);
    for (const child of composedChildren(node)) cloneInto(shallow, child);
  };
  for (let child = doc.firstChild; child; child = child.nextSibling) cloneInto(copy, child);
  return copy;
}
