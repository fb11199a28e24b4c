// A code editor or viewer (CodeMirror 6) for request and response bodies: JSON and XML highlighted and
// foldable, search with Ctrl/Cmd+F, colours from the app's tokens so it follows light and dark. The editor is
// made once per mount; a new `value` from outside replaces the text without re-creating it.
import { useEffect, useEffectEvent, useRef } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, foldGutter, foldKeymap } from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { appEditorExtensions, useEditorText } from './editor-extensions';

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
          languageSlot.current.of(languageOf(language)),
          EditorState.readOnly.of(!editable),
          EditorView.editable.of(editable),
          appEditorExtensions({ label, placeholder, onText: changed }),
          keymap.of([...searchKeymap, ...foldKeymap, ...historyKeymap, ...defaultKeymap, ...(editable ? [indentWithTab] : [])]),
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

  useEditorText(view, value);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageOf(language)) });
  }, [language]);

  return <div ref={host} className={`code-view${className ? ` ${className}` : ''}`} />;
}
