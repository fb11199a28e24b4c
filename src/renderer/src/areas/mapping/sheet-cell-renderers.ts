// The sheet's busiest cells drawn without React: target field, checks, status and confidence. Every row
// scrolled into view creates them, and a plain DOM renderer costs a fraction of a React one mounted through
// ag-grid's portals, which is what kept a 4,900-row sheet's frames long while scrolling.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { MappingRow } from '../../../../shared/contract';
import { typeText } from './entities';
import { percent, statusLabels, statusTone } from './labels';
import type { SheetContext } from './sheet-context';
import { splitPath } from './sheet-layout';

type Params = ICellRendererParams<MappingRow, unknown, SheetContext>;

const SVG_OPEN = '<svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false" class="icon">';
const ICONS = {
  ok: `${SVG_OPEN}<circle cx="8" cy="8" r="6.25"/><path d="m5.5 8.25 1.75 1.75 3.25-3.75"/></svg>`,
  error: `${SVG_OPEN}<circle cx="8" cy="8" r="6.25"/><path d="M8 4.75v3.75"/><path d="M8 11.1v.01" stroke-width="2"/></svg>`,
  warning: `${SVG_OPEN}<path d="M7.1 2.6a1.05 1.05 0 0 1 1.8 0l5.35 9.35a1.05 1.05 0 0 1-.9 1.55H2.65a1.05 1.05 0 0 1-.9-1.55z"/><path d="M8 6.25v3"/><path d="M8 11.35v.01" stroke-width="2"/></svg>`,
};

function element(tag: string, className: string, text?: string): HTMLElement {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** A path whose part before the leaf gives way in a narrow cell (see .sheet-path-head). */
export function pathElement(path: string): HTMLElement {
  const { head, leaf } = splitPath(path);
  const span = element('span', 'sheet-path');
  span.title = path;
  if (head) span.append(element('span', 'sheet-path-head', head));
  span.append(element('span', 'sheet-path-leaf', leaf));
  return span;
}

/** A renderer that redraws its element from the row on every refresh. */
abstract class PlainCell implements ICellRendererComp<MappingRow> {
  protected gui: HTMLElement = document.createElement('span');

  init(params: Params): void {
    this.draw(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: Params): boolean {
    this.gui.replaceChildren();
    this.gui.removeAttribute('title');
    this.gui.removeAttribute('aria-label');
    this.draw(params);
    return true;
  }

  protected abstract draw(params: Params): void;
}

export class TargetCellRenderer extends PlainCell {
  protected draw({ data, context }: Params): void {
    this.gui.className = data?.pairingId != null ? 'sheet-field in-pairing' : 'sheet-field';
    if (!data) return;
    const field = context.targetFields.get(data.targetPath);
    const path = pathElement(data.targetPath);
    // An element row of an array pairing: indented under its header row.
    if (data.pairingId != null) this.gui.title = `${data.targetPath} (element of ${data.targetPath.slice(0, data.targetPath.lastIndexOf('[]') + 2)})`;
    if (field?.required) {
      const mark = element('span', 'required-mark', '*');
      mark.title = 'Required';
      mark.setAttribute('aria-label', 'required');
      path.append(mark);
    }
    let type = typeText(field);
    if (field?.maxLength !== undefined) type += ` · max ${field.maxLength}`;
    if (field?.readOnly) type += ' · read-only';
    this.gui.append(path, element('span', 'sheet-type', type));
  }
}

export class StatusCellRenderer extends PlainCell {
  protected draw({ data }: Params): void {
    this.gui.className = data ? `${statusTone[data.status]} badge-dot` : '';
    this.gui.textContent = data ? statusLabels[data.status] : '';
  }
}

export class ConfidenceCellRenderer extends PlainCell {
  protected draw({ data }: Params): void {
    if (!data) return;
    if (data.confidence === null) {
      this.gui.className = 'cell-placeholder';
      this.gui.textContent = data.status === 'accepted' && data.sourcePaths.length ? 'chosen' : '—';
      return;
    }
    const shown = percent(data.confidence);
    const tone = data.confidence >= 0.8 ? 'high' : data.confidence >= 0.6 ? 'mid' : 'low';
    this.gui.className = 'confidence';
    this.gui.title = `Suggestion score ${shown}`;
    const bar = element('span', `confidence-bar confidence-${tone}`);
    const fill = document.createElement('span');
    fill.style.width = shown;
    bar.append(fill);
    this.gui.append(bar, element('span', 'confidence-value', shown));
  }
}

export class ChecksCellRenderer extends PlainCell {
  protected draw({ data, context }: Params): void {
    if (!data) return;
    const checks = context.checksByRow.get(data.id) ?? [];
    const flagged = data.review !== null && data.review.length > 0;
    const expression = context.expressionsByRow.get(data.id);
    const disagree = expression?.mayDisagree ? [`Pseudocode and expression may disagree: ${expression.disagreement}`] : [];
    if (checks.length === 0 && !flagged && disagree.length === 0) {
      this.gui.className = 'check-ok';
      this.gui.title = 'No problems';
      this.gui.setAttribute('aria-label', 'No problems');
      this.gui.innerHTML = ICONS.ok;
      return;
    }
    const errors = checks.filter((check) => check.severity === 'error').length;
    const messages = [...checks.map((check) => check.message), ...(flagged ? data.review!.map((reason) => `Re-import: ${reason}`) : []), ...disagree];
    this.gui.className = `check-icon ${errors ? 'check-error' : 'check-warning'}`;
    this.gui.title = messages.join('\n');
    this.gui.setAttribute('aria-label', messages.join('. '));
    this.gui.innerHTML = errors ? ICONS.error : ICONS.warning;
    this.gui.append(element('span', '', String(messages.length)));
  }
}

/** The expression that runs for the row: marked when written by hand, flagged when it may disagree with the pseudocode or does not run. */
export class ExpressionCellRenderer extends PlainCell {
  protected draw({ data, context }: Params): void {
    const expression = data ? context.expressionsByRow.get(data.id) : undefined;
    this.gui.className = 'sheet-expression';
    if (!expression?.expression) {
      this.gui.className = 'sheet-expression cell-placeholder';
      this.gui.textContent = '—';
      return;
    }
    const notes: string[] = [];
    if (!expression.generated) {
      const mark = element('span', 'expression-mark', '✎');
      mark.setAttribute('aria-hidden', 'true');
      this.gui.append(mark);
      notes.push('Written by hand');
    }
    if (expression.mayDisagree) {
      this.gui.insertAdjacentHTML('beforeend', ICONS.warning);
      this.gui.classList.add('expression-disagrees');
      notes.push(`May disagree with the pseudocode: ${expression.disagreement}`);
    }
    if (expression.error) {
      this.gui.classList.add('expression-failing');
      notes.push(expression.error);
    }
    this.gui.append(element('span', 'mono sheet-expression-text', expression.expression));
    this.gui.title = [expression.expression, ...notes].join('\n');
    if (notes.length) this.gui.setAttribute('aria-label', `${expression.expression}. ${notes.join('. ')}`);
  }
}
