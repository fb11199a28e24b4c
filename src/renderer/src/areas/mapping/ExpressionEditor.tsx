// A row's JSONata expression in CodeMirror: completion of the source paths it can read and of JSONata's
// functions, and the place where the text stops parsing underlined as it is typed. Ctrl/Cmd+Enter saves.
import { useEffect, useEffectEvent, useRef } from 'react';
import { autocompletion, closeBrackets, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { parseProblem } from '../../../../shared/jsonata-text';
import { appEditorExtensions, useEditorText } from '../../components/editor-extensions';
import { jsonataFunctions, type PathCompletion } from './expression-help';

interface ExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  onSave: () => void;
  completions: PathCompletion[];
  label: string;
  placeholder?: string;
}

function parseDiagnostics(view: EditorView): Diagnostic[] {
  const text = view.state.doc.toString();
  const problem = text.trim() === '' ? null : parseProblem(text);
  if (!problem) return [];
  const at = Math.min(Math.max((problem.position ?? text.length) - 1, 0), text.length);
  return [{ from: at, to: Math.min(at + 1, text.length), severity: 'error', message: problem.message }];
}

export function ExpressionEditor({ value, onChange, onSave, completions, label, placeholder }: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useEffectEvent((text: string) => onChange(text));
  const save = useEffectEvent(() => onSave());
  const complete = useEffectEvent((context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$.`]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const functions = jsonataFunctions.map((name) => ({ label: name, type: 'function', apply: `${name}(` }));
    const paths = completions.map((completion) => ({ label: completion.label, detail: completion.detail, type: 'property' }));
    return { from: word.from, options: word.text.startsWith('$') && !word.text.startsWith('$$') ? functions : [...paths, ...functions], validFor: /^[\w$.`]*$/ };
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          bracketMatching(),
          closeBrackets(),
          appEditorExtensions({ label, placeholder, onText: changed }),
          autocompletion({ override: [(context) => complete(context)], activateOnTyping: true }),
          linter(parseDiagnostics, { delay: 150 }),
          keymap.of([{ key: 'Mod-Enter', run: () => (save(), true) }, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- made once per row (the panel is keyed by row); a new value is applied below
  }, []);

  useEditorText(view, value);

  return <div ref={host} className="code-view expression-editor" />;
}
