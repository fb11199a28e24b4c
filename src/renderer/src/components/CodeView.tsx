// A code editor or viewer (CodeMirror 6) for request and response bodies: JSON and XML highlighted and
// foldable, search with Ctrl/Cmd+F, colours from the app's tokens so it follows light and dark. The editor is
// made once per mount; a new `value` from outside replaces the text without re-creating it.
import { useEffect, useEffectEvent, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder as placeholderText } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export type CodeLanguage = 'json' | 'xml' | 'text';

interface CodeViewProps {
  value: string;
  language: CodeLanguage;
  /** Editable when given; called with the whole text on every change. */
  onChange?: (value: string) => void;
  /** The accessible name of the text area. */
  label: string;
  placeholder?: string;
  className?: string;
}

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

const languageOf = (language: CodeLanguage): Extension => (language === 'json' ? json() : language === 'xml' ? xml() : []);

export function CodeView({ value, language, onChange, label, placeholder, className }: CodeViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const changed = useEffectEvent((text: string) => onChange?.(text));
  const editable = onChange !== undefined;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          bracketMatching(),
          history(),
          search({ top: true }),
          highlightSelectionMatches(),
          syntaxHighlighting(codeHighlight),
          codeTheme,
          languageSlot.current.of(languageOf(language)),
          EditorState.readOnly.of(!editable),
          EditorView.editable.of(editable),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          placeholder ? placeholderText(placeholder) : [],
          keymap.of([...searchKeymap, ...foldKeymap, ...historyKeymap, ...defaultKeymap, ...(editable ? [indentWithTab] : [])]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once: value and language are applied below without re-creating the editor
  }, [editable]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageOf(language)) });
  }, [language]);

  return <div ref={host} className={`code-view${className ? ` ${className}` : ''}`} />;
}
