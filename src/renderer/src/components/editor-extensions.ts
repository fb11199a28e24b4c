// What the app's two CodeMirror editors share (CodeView for bodies, ExpressionEditor for a row's JSONata):
// the colours from the app's tokens, wrapping, the accessible name and placeholder, the text reported on
// every change, and a value from outside replacing the text without re-creating the editor.
import { useEffect, type RefObject } from 'react';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView, placeholder as placeholderText } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export const codeHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-key)' },
  { tag: [tags.string, tags.attributeValue], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-literal)' },
  { tag: [tags.tagName, tags.angleBracket], color: 'var(--code-tag)' },
  { tag: tags.attributeName, color: 'var(--code-key)' },
  { tag: tags.comment, color: 'var(--text-faint)', fontStyle: 'italic' },
]);

export const codeTheme = EditorView.theme({
  '&': { height: '100%', fontSize: 'var(--font-size-sm)', color: 'var(--text)', backgroundColor: 'var(--bg-surface)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text-faint)', borderRight: '1px solid var(--border)' },
  '&.cm-focused': { outline: '2px solid var(--focus-ring)', outlineOffset: '-2px' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--accent-soft-strong) !important' },
  '.cm-searchMatch': { backgroundColor: 'var(--warning-soft)', outline: '1px solid var(--warning-border)' },
  '.cm-panels': { backgroundColor: 'var(--bg-subtle)', color: 'var(--text)' },
  '.cm-panels input, .cm-panels button': { fontSize: 'var(--font-size-sm)' },
});

/** The shared extensions: `onText` gets the whole text after each change. */
export function appEditorExtensions({ label, placeholder, onText }: { label: string; placeholder?: string; onText: (text: string) => void }): Extension[] {
  return [
    syntaxHighlighting(codeHighlight),
    codeTheme,
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    placeholder ? placeholderText(placeholder) : [],
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onText(update.state.doc.toString());
    }),
  ];
}

/** A new `value` from outside replaces the editor's text (not when it is the text already there). */
export function useEditorText(view: RefObject<EditorView | null>, value: string) {
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [view, value]);
}
