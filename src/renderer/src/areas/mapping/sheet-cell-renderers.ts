// The sheet's cells drawn without React. Every row scrolled into view creates them, and a plain DOM
// renderer costs a fraction of a React one mounted through ag-grid's portals, which is what kept a
// 4,900-row sheet's frames long while scrolling.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { MappingRow } from '../../../../shared/contract';
import { typeText } from './entities';
import { percent, statusLabels, statusTone } from './labels';
import type { SheetContext } from './sheet-context';
import { splitPath } from './sheet-layout';

type Params = ICellRendererParams<MappingRow, unknown, SheetContext>;

/** An icon drawn by its CSS class (mapping.css, .sheet-icon): one element per icon instead of an SVG subtree in every row. */
type IconName = 'ok' | 'error' | 'warning';
const iconClass = (name: IconName) => `sheet-icon icon-${name}`;

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
  /** The row and context the element was last drawn from, for its buttons. */
  protected params!: Params;

  init(params: Params): void {
    this.params = params;
    this.draw(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: Params): boolean {
    this.params = params;
    this.gui.replaceChildren();
    this.gui.removeAttribute('title');
    this.gui.removeAttribute('aria-label');
    this.gui.removeAttribute('style');
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
    // The bar is the element's ::before, filled to --score (mapping.css).
    this.gui.className = `sheet-confidence score-${tone}`;
    this.gui.style.setProperty('--score', shown);
    this.gui.title = `Suggestion score ${shown}`;
    this.gui.textContent = shown;
  }
}

export class ChecksCellRenderer extends PlainCell {
  protected draw({ data, context }: Params): void {
    if (!data) return;
    const checks = context.checksByRow.get(data.id) ?? [];
    const flagged = data.review !== null && data.review.length > 0;
    const expression = context.expressionsByRow.get(data.id);
    const disagree = expression?.mayDisagree ? [`Pseudocode and expression may disagree: ${expression.disagreement}`] : [];
    if (context.checking && !flagged) {
      this.gui.className = 'check-pending';
      this.gui.title = 'Checking…';
      this.gui.setAttribute('aria-label', 'Checking');
      this.gui.textContent = '…';
      return;
    }
    if (checks.length === 0 && !flagged && disagree.length === 0) {
      this.gui.className = `check-ok ${iconClass('ok')}`;
      this.gui.title = 'No problems';
      this.gui.setAttribute('aria-label', 'No problems');
      return;
    }
    const errors = checks.filter((check) => check.severity === 'error').length;
    const messages = [...checks.map((check) => check.message), ...(flagged ? data.review!.map((reason) => `Re-import: ${reason}`) : []), ...disagree];
    this.gui.className = `check-icon ${errors ? `check-error ${iconClass('error')}` : `check-warning ${iconClass('warning')}`}`;
    this.gui.title = messages.join('\n');
    this.gui.setAttribute('aria-label', messages.join('. '));
    this.gui.textContent = String(messages.length);
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
      this.gui.append(element('span', iconClass('warning')));
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

/** The source field(s) with their types, and the button that opens the source picker. */
export class SourceCellRenderer extends PlainCell {
  private readonly pick = (event: MouseEvent) => {
    event.stopPropagation();
    const { data, context } = this.params;
    if (data) context.pickSource(data);
  };

  protected draw({ data, context }: Params): void {
    this.gui.className = 'sheet-source';
    if (!data) return;
    const field = element('span', 'sheet-field');
    if (data.sourcePaths.length === 0) {
      field.append(element('span', 'cell-placeholder', data.mappingType === 'constant' ? 'Constant' : data.defaultValue ? `Default “${data.defaultValue}”` : 'Drop or pick a source'));
    } else {
      const path = data.sourcePaths.length === 1 ? pathElement(data.sourcePaths[0]!) : element('span', 'sheet-path', data.sourcePaths.map((source) => splitPath(source).leaf).join(' + '));
      path.title = data.sourcePaths.join(' + ');
      const types = data.sourcePaths.map((source) => typeText(context.sourceFields.get(source)) || 'missing');
      field.append(path, element('span', 'sheet-type', types.join(' + ')));
    }
    const button = element('button', 'sheet-pick sheet-icon icon-chevron');
    button.setAttribute('type', 'button');
    button.tabIndex = -1;
    button.setAttribute('aria-label', `Pick a source for ${data.targetPath}`);
    button.title = 'Pick a source (Enter)';
    button.addEventListener('click', this.pick);
    this.gui.append(field, button);
  }
}

/** The value map's size and first entries; a click opens its editor. */
export class ValueMapCellRenderer extends PlainCell {
  private readonly open = (event: MouseEvent) => {
    event.stopPropagation();
    const { data, context } = this.params;
    if (data) context.openValueMap(data);
  };

  override init(params: Params): void {
    this.gui = element('button', 'sheet-link');
    this.gui.setAttribute('type', 'button');
    this.gui.tabIndex = -1;
    this.gui.addEventListener('click', this.open);
    super.init(params);
  }

  protected draw({ data }: Params): void {
    if (!data) return;
    const count = data.valueMap.length;
    this.gui.title = count ? data.valueMap.map((entry) => `${entry.source} → ${entry.target}`).join('\n') : 'Edit the value map';
    if (!count) {
      this.gui.append(element('span', 'cell-placeholder', 'Add…'));
      return;
    }
    const preview = data.valueMap.slice(0, 2).map((entry) => `${entry.source}→${entry.target}`).join(', ');
    this.gui.textContent = `${count} · ${preview}${count > 2 ? '…' : ''}`;
  }
}
