// The Problems tab: the document's validation against the OpenAPI schema (which runs after the
// import, so it may still be pending) and what the catalogue could not make sense of.
import type { Catalogue } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { AlertIcon, CheckCircleIcon, WarningIcon } from '../../components/icons';
import { plural } from '../../format';
import { openapiVersionLabel } from '../../../../shared/catalogue';

/** How many problems the tab lists, or null while validation runs. */
export function problemCount(system: SystemSummary, catalogue: Catalogue | undefined): number | null {
  const warnings = catalogue?.warnings.length ?? 0;
  if (system.validation.state === 'pending') return null;
  return system.validation.errors.length + warnings;
}

export function ProblemsTab({ system, catalogue, onRefresh }: { system: SystemSummary; catalogue: Catalogue; onRefresh: () => void }) {
  const { validation } = system;
  return (
    <div className="tab-scroll problems">
      <section className="panel" aria-labelledby="validation-title">
        <div className="panel-header">
          <h3 className="panel-title" id="validation-title">
            Validation
          </h3>
          <span className="panel-subtitle">Checked against the {openapiVersionLabel(system.openapiVersion)} schema</span>
          <span className="spacer" />
          {validation.state === 'done' &&
            (validation.valid && validation.errors.length === 0 ? (
              <span className="badge badge-success">Valid</span>
            ) : (
              <span className="badge badge-danger">{plural(validation.errors.length, 'problem')}</span>
            ))}
        </div>
        {validation.state === 'pending' ? (
          <div className="problems-pending" role="status">
            <span className="spinner" />
            <div>
              <div>Validating the document…</div>
              <div className="faint">
                Large documents take a while. You can browse the catalogue meanwhile; this updates by itself.{' '}
                <button type="button" className="link-button" onClick={onRefresh}>
                  Check now
                </button>
              </div>
            </div>
          </div>
        ) : validation.incomplete && validation.errors.length === 0 ? (
          <div className="problems-pending">
            <WarningIcon className="problem-warning" />
            <div>
              <div>Validation could not finish: {validation.incomplete}</div>
              <div className="faint">The catalogue is complete; only the check against the OpenAPI schema stopped early.</div>
            </div>
          </div>
        ) : validation.errors.length === 0 ? (
          <div className="problems-ok">
            <CheckCircleIcon />
            <span>The document follows the OpenAPI schema: nothing to fix.</span>
          </div>
        ) : (
          <>
            <p className="problems-lead">
              The import stands, but these places break the OpenAPI rules. Tools the developers use may reject them or read
              them differently, so report them to the provider.
              {validation.incomplete && <> Validation stopped early ({validation.incomplete}): there may be more.</>}
            </p>
            <ol className="problem-list">
              {validation.errors.map((problem, index) => (
                <li key={index} className="problem">
                  <AlertIcon className="problem-icon problem-error" />
                  <div className="problem-text">
                    <div className="problem-message">{problem.message}</div>
                    <div className="problem-where">
                      {problem.line !== undefined && (
                        <span className="badge badge-outline" title="Line and column in the document as imported">
                          {problem.column !== undefined ? `line ${problem.line}:${problem.column}` : `line ${problem.line}`}
                        </span>
                      )}
                      <span className="mono problem-path" title="JSON pointer into the document">
                        {problem.path || '(document root)'}
                      </span>
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="warnings-title">
        <div className="panel-header">
          <h3 className="panel-title" id="warnings-title">
            Catalogue warnings
          </h3>
          <span className="panel-subtitle">What Crosswalk could not follow while listing entities and fields</span>
          <span className="spacer" />
          {catalogue.warnings.length > 0 && <span className="badge badge-warning">{catalogue.warnings.length}</span>}
        </div>
        {catalogue.warnings.length === 0 ? (
          <div className="problems-ok">
            <CheckCircleIcon />
            <span>Every reference resolved and every schema was read.</span>
          </div>
        ) : (
          <ol className="problem-list">
            {catalogue.warnings.map((warning, index) => (
              <li key={index} className="problem">
                <WarningIcon className="problem-icon problem-warning" />
                <div className="problem-text">
                  <div className="problem-message">{warning}</div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
