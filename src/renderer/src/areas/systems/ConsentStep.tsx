// The references an import did not follow without asking, what each kind risks, and the explicit
// choice to allow them.
import type { ExternalReference } from '../../../../shared/contract';
import { GlobeIcon, FolderOpenIcon, WarningIcon } from '../../components/icons';
import { plural } from '../../format';

const kindText: Record<ExternalReference['kind'], { label: string; risk: string }> = {
  'outside-folder': {
    label: 'Outside the folder',
    risk: 'A file elsewhere on this computer. Allowing it lets Crosswalk read that file and keep a copy in the workspace. A document from someone else could use this to pull private files (keys, other projects) into a workspace you later share.',
  },
  remote: {
    label: 'On the network',
    risk: 'A document on another server: Crosswalk will download it. That server sees the request and your address, and what it returns can change between imports.',
  },
};

/** What to send after the analyst allowed the listed references: the earlier ones and these targets. */
export function allowing(step: { references: readonly ExternalReference[]; allowed: readonly string[] }): string[] {
  return [...new Set([...step.allowed, ...step.references.map((reference) => reference.target)])];
}

interface ConsentStepProps {
  documentName: string;
  references: readonly ExternalReference[];
  /** How many were allowed in earlier rounds (the documents they point to refer further). */
  allowedBefore: number;
}

export function ConsentStep({ documentName, references, allowedBefore }: ConsentStepProps) {
  const kinds = (['outside-folder', 'remote'] as const).filter((kind) => references.some((reference) => reference.kind === kind));
  return (
    <div className="consent">
      <div className="consent-head">
        <span className="consent-icon">
          <WarningIcon size={18} />
        </span>
        <div>
          <h3 className="consent-title">
            {allowedBefore > 0
              ? `The documents you allowed refer to ${plural(references.length, 'more document')}`
              : `${documentName} refers to ${plural(references.length, 'document')} Crosswalk did not read`}
          </h3>
          <p className="consent-lead">
            {allowedBefore > 0 ? 'Their' : 'Its'} <code>$ref</code>s point outside the document&apos;s own folder. Nothing was
            read from them yet. Allow them only if you know where the document comes from and expect exactly these files
            and addresses: only those listed here are read.
          </p>
        </div>
      </div>

      <ul className="consent-kinds">
        {kinds.map((kind) => (
          <li key={kind} className="consent-kind">
            {kind === 'remote' ? <GlobeIcon /> : <FolderOpenIcon />}
            <div>
              <div className="consent-kind-label">{kindText[kind].label}</div>
              <div className="consent-kind-risk">{kindText[kind].risk}</div>
            </div>
          </li>
        ))}
      </ul>

      <div className="consent-table-wrap">
        <table className="consent-table">
          <thead>
            <tr>
              <th scope="col">Would read</th>
              <th scope="col">Kind</th>
              <th scope="col">Referenced as</th>
            </tr>
          </thead>
          <tbody>
            {references.map((reference, index) => (
              <tr key={`${reference.ref}|${reference.from}|${index}`}>
                <td className="mono consent-ref">{reference.target}</td>
                <td>
                  <span className={reference.kind === 'remote' ? 'badge badge-info' : 'badge badge-warning'}>{kindText[reference.kind].label}</span>
                </td>
                <td className="mono consent-from">
                  <div>{reference.ref}</div>
                  <div className="faint">in {reference.from}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
