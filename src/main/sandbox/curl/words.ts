// A pasted command as shell words: line continuations joined (`\` in POSIX shells, `^` in Windows
// cmd, a backtick in PowerShell), cmd's `^` escapes removed, then shell-quote's parser (quotes,
// escapes, $'…'). `$NAME` outside single quotes becomes the variable {{NAME}}; only the first command
// is kept (a pipe into jq is not the request).
import { parse } from 'shell-quote';
import { UserError } from '../../errors';

export interface CommandWords {
  words: string[];
  notes: string[];
}

export function commandWords(text: string): CommandWords {
  const notes: string[] = [];
  const cmd = /\^\r?\n/.test(text) || /\^"/.test(text);
  let joined = text.replace(/\\\r?\n/g, ' ').replace(/`\r?\n/g, ' ');
  if (cmd) joined = joined.replace(/\^\r?\n/g, ' ').replace(/\^(.)/g, '$1');
  const variables = new Set<string>();
  const entries = parse(joined.trim(), (name: string) => {
    variables.add(name);
    return `{{${name}}}`;
  });
  if (variables.size > 0) notes.push(`Shell variables became Crosswalk variables: ${[...variables].map((name) => `$${name} → {{${name}}}`).join(', ')}.`);

  const words: string[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (typeof entry === 'string') words.push(entry);
    else if ('comment' in entry) break;
    else if (entry.op === 'glob') words.push(entry.pattern);
    else if (entry.op === '&' && /\?/.test(words.at(-1) ?? '') && typeof entries[index + 1] === 'string' && /=/.test(entries[index + 1] as string)) {
      // An unquoted URL with several query parameters: a shell would cut it at "&", the analyst meant it whole.
      words[words.length - 1] += `&${entries[++index] as string}`;
    } else {
      notes.push(`What follows "${entry.op}" is another command and was ignored.`);
      break;
    }
  }
  if (words[0] === '$' || words[0] === '>') words.shift();
  if (words.length === 0) throw new UserError('CURL_EMPTY', 'Nothing was pasted: paste a curl command, such as curl https://api.example.com/items.');
  if (!/^curl(\.exe)?$/i.test(words[0]!)) {
    throw new UserError('CURL_NOT_CURL', `The pasted text is not a curl command (it starts with "${words[0]!.slice(0, 40)}"): paste a command that starts with curl.`);
  }
  return { words: words.slice(1), notes };
}
