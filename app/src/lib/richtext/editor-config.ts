/**
 * The Lexical set-up of every rich-text field of the plan: the node types (headings, lists,
 * links), the theme classes styled in `RichTextEditor.svelte`, and the block formats the toolbar
 * offers.
 */
import { $isLinkNode, LinkNode } from '@lexical/link';
import { $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { $isHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type EditorThemeClasses,
  type Klass,
  type LexicalNode,
} from 'lexical';

/** Node types a field may contain (QuoteNode because pasted content may bring it). */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
];

/**
 * Heading level inside a field. The board itself uses h1 (plan), h2 (sections), h3 (phases), so
 * a heading the user writes sits below those.
 */
export const FIELD_HEADING = 'h4' as const;

/** Class names Lexical puts on the nodes it renders. */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'rt-p',
  heading: { h4: 'rt-h' },
  list: { ul: 'rt-ul', ol: 'rt-ol', listitem: 'rt-li', nested: { listitem: 'rt-li-nested' } },
  link: 'rt-link',
  text: { bold: 'rt-bold', italic: 'rt-italic' },
};

/** The block format at the selection, as the toolbar shows it. */
export type BlockFormat = 'paragraph' | 'heading' | 'bullet' | 'number';

/** What the toolbar reflects about the current selection. */
export interface SelectionFormat {
  block: BlockFormat;
  bold: boolean;
  italic: boolean;
  link: boolean;
}

/** Nothing selected. */
export const NO_FORMAT: SelectionFormat = {
  block: 'paragraph',
  bold: false,
  italic: false,
  link: false,
};

/** Reads the format at the selection; call inside `editorState.read`. */
export function $readSelectionFormat(): SelectionFormat {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NO_FORMAT;
  const anchor = selection.anchor.getNode();
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  let block: BlockFormat = 'paragraph';
  if ($isHeadingNode(top)) block = 'heading';
  else if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : 'bullet';
  }
  const link =
    $isLinkNode(anchor) ||
    $isLinkNode(anchor.getParent()) ||
    $findMatchingParent(anchor, $isLinkNode) !== null;
  return {
    block,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    link,
  };
}

/**
 * A link target the field accepts: http(s) and mailto only (no `javascript:`); a bare host gets
 * `https://`. Returns null for anything else.
 */
export function normalizeLinkUrl(input: string): string | null {
  const value = input.trim();
  if (value === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
    return url.href;
  } catch {
    return null;
  }
}
