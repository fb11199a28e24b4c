// ag-grid themes built with the Theming API (no legacy CSS files), matching the app's palette.
import { AllCommunityModule, colorSchemeDark, ModuleRegistry, themeQuartz } from 'ag-grid-community';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  ModuleRegistry.registerModules([AllCommunityModule]);
  registered = true;
}

const shared = {
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 6,
  rowHeight: 34,
  headerHeight: 34,
  cellHorizontalPadding: 12,
  wrapperBorderRadius: 8,
  borderRadius: 5,
  columnBorder: false,
  headerColumnBorder: false,
  headerColumnResizeHandleColor: 'transparent',
  iconSize: 14,
  autoHeightMinBodyHeight: 0,
  inputFocusBorder: { style: 'solid', width: 1 },
} as const;

export const lightGridTheme = themeQuartz.withParams({
  ...shared,
  browserColorScheme: 'light',
  backgroundColor: '#ffffff',
  foregroundColor: '#1b1e24',
  textColor: '#1b1e24',
  borderColor: '#e3e5e9',
  chromeBackgroundColor: '#f6f7f9',
  headerBackgroundColor: '#f6f7f9',
  headerTextColor: '#555b66',
  subtleTextColor: '#6b7280',
  accentColor: '#0b7285',
  rowHoverColor: 'rgba(15, 23, 42, 0.035)',
  selectedRowBackgroundColor: 'rgba(11, 114, 133, 0.09)',
  rangeSelectionBorderColor: '#1c8ba0',
  inputFocusShadow: '0 0 0 3px rgba(11, 114, 133, 0.16)',
  menuBackgroundColor: '#ffffff',
  menuShadow: '0 8px 24px rgba(15, 23, 42, 0.12), 0 1px 3px rgba(15, 23, 42, 0.08)',
});

export const darkGridTheme = themeQuartz.withPart(colorSchemeDark).withParams({
  ...shared,
  browserColorScheme: 'dark',
  backgroundColor: '#1f2025',
  foregroundColor: '#e5e7eb',
  textColor: '#e5e7eb',
  borderColor: '#2d2f35',
  chromeBackgroundColor: '#24252b',
  headerBackgroundColor: '#24252b',
  headerTextColor: '#a3a8b3',
  subtleTextColor: '#858b96',
  accentColor: '#4fb8ca',
  rowHoverColor: 'rgba(255, 255, 255, 0.03)',
  selectedRowBackgroundColor: 'rgba(60, 180, 200, 0.12)',
  rangeSelectionBorderColor: '#4fb8ca',
  inputFocusShadow: '0 0 0 3px rgba(60, 180, 200, 0.2)',
  menuBackgroundColor: '#25262c',
  menuShadow: '0 8px 24px rgba(0, 0, 0, 0.45), 0 1px 3px rgba(0, 0, 0, 0.4)',
});

/** Grids that sit inside a panel draw no border of their own. */
const flushParams = { wrapperBorder: false, wrapperBorderRadius: 0 } as const;
const lightFlushGridTheme = lightGridTheme.withParams(flushParams);
const darkFlushGridTheme = darkGridTheme.withParams(flushParams);

export function gridTheme(scheme: 'light' | 'dark', flush: boolean) {
  if (scheme === 'dark') return flush ? darkFlushGridTheme : darkGridTheme;
  return flush ? lightFlushGridTheme : lightGridTheme;
}
