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
  return node.nodeType === 1 && (node as Element).localName === 'slot' && typeof (node as HTMLSlotElement).assignedNodes === 'function';
}

/** The children of a node in the composed tree, in order. */
export function composedChildren(node: Node): Node[] {
  const out: Node[] = [];
  pushComposedChildren(node, out);
  return out.reverse();
}

/**
 * Pushes the children of a node in the composed tree onto `stack`, last first (so that they pop
 * in document order): a walk of the tree without an array per element.
 */
export function pushComposedChildren(node: Node, stack: Node[]): void {
  const shadow = node.nodeType === 1 ? openShadowRoot(node as Element) : null;
  for (let child = (shadow ?? node).lastChild; child; child = child.previousSibling) {
    if (!isSlot(child)) {
      stack.push(child);
      continue;
    }
    // A slot shows the light nodes assigned to it, else its own fallback content.
    const assigned = child.assignedNodes();
    if (assigned.length) for (let i = assigned.length - 1; i >= 0; i--) stack.push(assigned[i]);
    else for (let c = child.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/** Whether any element under `root` has an open shadow root. */
function hasOpenShadowRoots(root: ParentNode): boolean {
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) if (openShadowRoot(all[i])) return true;
  return false;
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
