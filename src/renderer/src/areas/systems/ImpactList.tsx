// The mapping rows a re-import breaks or puts at risk, at the top of the diff review.
import type { MappingImpact } from '../../../../shared/catalogue-diff';
import { AlertIcon, CheckCircleIcon, WarningIcon } from '../../components/icons';
import { plural } from '../../format';
import { entityLabel } from './diff-text';

export function ImpactList({ impact }: { impact: readonly MappingImpact[] }) {
  if (impact.length === 0) {
    return (
      <section className="impact impact-none" aria-label="Affected mappings">
        <CheckCircleIcon />
        <div>
          <div className="impact-title">No field mapping is affected</div>
          <div className="impact-lead">None of the existing mappings uses a field or value that changes.</div>
        </div>
      </section>
    );
  }
  const broken = impact.filter((item) => item.status === 'broken');
  const atRisk = impact.filter((item) => item.status === 'at-risk');
  const ordered = [...broken, ...atRisk];
  const title = [broken.length > 0 && `${plural(broken.length, 'mapping')} will break`, atRisk.length > 0 && `${plural(atRisk.length, 'mapping')} at risk`]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className={`impact ${broken.length > 0 ? 'impact-broken' : 'impact-risk'}`} aria-labelledby="impact-title">
      <div className="impact-head">
        {broken.length > 0 ? <AlertIcon /> : <WarningIcon />}
        <div>
          <h3 className="impact-title" id="impact-title">
            {title}
          </h3>
          <p className="impact-lead">Field mappings that use what changes. After applying the new version, the next step repairs the flows they belong to.</p>
        </div>
      </div>
      <ul className="impact-list">
        {ordered.map((item, index) => (
          <li key={`${String(item.reference.id)}|${item.reference.side}|${index}`} className="impact-item">
            <span className={item.status === 'broken' ? 'badge badge-danger' : 'badge badge-warning'}>
              {item.status === 'broken' ? 'Breaks' : 'At risk'}
            </span>
            <div className="impact-text">
              <div className="impact-ref">
                <span className={item.reference.side === 'source' ? 'badge badge-info' : 'badge badge-accent'}>
                  {item.reference.side === 'source' ? 'Source' : 'Target'}
                </span>
                <span className="impact-entity">{entityLabel(item.reference.entity)}</span>
                {item.reference.path && <span className="mono impact-path">{item.reference.path}</span>}
              </div>
              <ul className="impact-reasons">
                {item.reasons.map((reason, reasonIndex) => (
                  <li key={reasonIndex}>{reason.message}</li>
                ))}
              </ul>
              {item.suggestedPath && (
                <div className="impact-suggestion">
                  Possibly now <code className="value-chip">{item.suggestedPath}</code>: confirm it in Mapping.
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
