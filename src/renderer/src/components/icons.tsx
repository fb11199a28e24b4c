// Small inline icons drawn on a 16×16 grid with a 1.5px stroke, so they sit well next to 13px text.
import type { ReactNode, SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function icon(paths: ReactNode, displayName: string) {
  const Icon = ({ size = 16, className, ...rest }: IconProps) => (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className ? `icon ${className}` : 'icon'}
      {...rest}
    >
      {paths}
    </svg>
  );
  Icon.displayName = displayName;
  return Icon;
}

export const OverviewIcon = icon(
  <>
    <rect x="2" y="2" width="5" height="5" rx="1" />
    <rect x="9" y="2" width="5" height="3" rx="1" />
    <rect x="9" y="7" width="5" height="7" rx="1" />
    <rect x="2" y="9" width="5" height="5" rx="1" />
  </>,
  'OverviewIcon',
);

export const SystemsIcon = icon(
  <>
    <rect x="2" y="2.5" width="12" height="4.5" rx="1.2" />
    <rect x="2" y="9" width="12" height="4.5" rx="1.2" />
    <path d="M4.75 4.75h.01M4.75 11.25h.01" strokeWidth={2} />
    <path d="M8 4.75h3.5M8 11.25h3.5" />
  </>,
  'SystemsIcon',
);

export const MappingIcon = icon(
  <>
    <path d="M2.5 5h9" />
    <path d="M9 2.5 11.5 5 9 7.5" />
    <path d="M13.5 11h-9" />
    <path d="M7 8.5 4.5 11 7 13.5" />
  </>,
  'MappingIcon',
);

export const SandboxIcon = icon(
  <>
    <path d="M6 2h4" />
    <path d="M6.75 2v4.2L3.1 12.3A1.1 1.1 0 0 0 4.05 14h7.9a1.1 1.1 0 0 0 .95-1.7L9.25 6.2V2" />
    <path d="M4.6 10h6.8" />
  </>,
  'SandboxIcon',
);

export const SpecIcon = icon(
  <>
    <path d="M9.5 1.75H4.25a1 1 0 0 0-1 1v10.5a1 1 0 0 0 1 1h7.5a1 1 0 0 0 1-1V5z" />
    <path d="M9.5 1.75V5h3.25" />
    <path d="M5.5 8.25h5M5.5 10.75h3.5" />
  </>,
  'SpecIcon',
);

export const WorkspacesIcon = icon(
  <>
    <path d="M1.75 4.25a1 1 0 0 1 1-1h3l1.5 1.5h5.5a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H2.75a1 1 0 0 1-1-1z" />
    <path d="M1.75 7h12.5" />
  </>,
  'WorkspacesIcon',
);

export const PlusIcon = icon(<path d="M8 3v10M3 8h10" />, 'PlusIcon');

export const RefreshIcon = icon(
  <>
    <path d="M13.25 8A5.25 5.25 0 1 1 11.7 4.3" />
    <path d="M13.25 2.5v3.25H10" />
  </>,
  'RefreshIcon',
);

export const CheckIcon = icon(<path d="m3.5 8.5 3 3 6-7" />, 'CheckIcon');

export const CheckCircleIcon = icon(
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="m5.5 8.25 1.75 1.75 3.25-3.75" />
  </>,
  'CheckCircleIcon',
);

export const CircleIcon = icon(<circle cx="8" cy="8" r="6.25" />, 'CircleIcon');

export const HalfCircleIcon = icon(
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 1.75v12.5A6.25 6.25 0 0 0 8 1.75z" fill="currentColor" stroke="none" />
  </>,
  'HalfCircleIcon',
);

export const AlertIcon = icon(
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.75v3.75" />
    <path d="M8 11.1v.01" strokeWidth={2} />
  </>,
  'AlertIcon',
);

export const InfoIcon = icon(
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25v4" />
    <path d="M8 4.9v.01" strokeWidth={2} />
  </>,
  'InfoIcon',
);

export const QuestionIcon = icon(
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M6.25 6.25a1.85 1.85 0 0 1 3.6.55c0 1.2-1.85 1.5-1.85 2.6" />
    <path d="M8 11.4v.01" strokeWidth={2} />
  </>,
  'QuestionIcon',
);

export const CopyIcon = icon(
  <>
    <rect x="5.25" y="5.25" width="8.5" height="8.5" rx="1.25" />
    <path d="M10.75 5.25V3.5a1.25 1.25 0 0 0-1.25-1.25h-6A1.25 1.25 0 0 0 2.25 3.5v6a1.25 1.25 0 0 0 1.25 1.25h1.75" />
  </>,
  'CopyIcon',
);

export const CloseIcon = icon(<path d="M4 4l8 8M12 4l-8 8" />, 'CloseIcon');

export const FileIcon = icon(
  <>
    <path d="M9.25 1.75h-5a1 1 0 0 0-1 1v10.5a1 1 0 0 0 1 1h7.5a1 1 0 0 0 1-1v-8z" />
    <path d="M9.25 1.75v3.5h3.5" />
  </>,
  'FileIcon',
);

export const FolderOpenIcon = icon(
  <>
    <path d="M2 12.25V3.75a1 1 0 0 1 1-1h3l1.5 1.5h4.5a1 1 0 0 1 1 1v1.5" />
    <path d="M2 12.25 3.6 7.6a1 1 0 0 1 .95-.7h9.2a.75.75 0 0 1 .7 1l-1.5 4.35a1 1 0 0 1-.95.7H3a1 1 0 0 1-1-.7z" />
  </>,
  'FolderOpenIcon',
);

export const ArrowRightIcon = icon(
  <>
    <path d="M3 8h10" />
    <path d="M9.5 4.5 13 8l-3.5 3.5" />
  </>,
  'ArrowRightIcon',
);

export const ChevronRightIcon = icon(<path d="m6 3.5 4.5 4.5L6 12.5" />, 'ChevronRightIcon');

export const DatabaseIcon = icon(
  <>
    <ellipse cx="8" cy="3.75" rx="5.25" ry="1.75" />
    <path d="M2.75 3.75v8.5c0 .97 2.35 1.75 5.25 1.75s5.25-.78 5.25-1.75v-8.5" />
    <path d="M2.75 8c0 .97 2.35 1.75 5.25 1.75S13.25 8.97 13.25 8" />
  </>,
  'DatabaseIcon',
);

export const FlowIcon = icon(
  <>
    <circle cx="3.5" cy="8" r="1.75" />
    <circle cx="12.5" cy="8" r="1.75" />
    <path d="M5.25 8h5.5" />
    <path d="m8.75 6 2 2-2 2" />
  </>,
  'FlowIcon',
);

export const UserIcon = icon(
  <>
    <circle cx="8" cy="5.5" r="2.75" />
    <path d="M2.75 14a5.25 5.25 0 0 1 10.5 0" />
  </>,
  'UserIcon',
);

export const LinkIcon = icon(
  <>
    <path d="M6.75 9.25a2.6 2.6 0 0 0 3.7 0l2.1-2.1a2.6 2.6 0 0 0-3.7-3.7l-.6.6" />
    <path d="M9.25 6.75a2.6 2.6 0 0 0-3.7 0l-2.1 2.1a2.6 2.6 0 0 0 3.7 3.7l.6-.6" />
  </>,
  'LinkIcon',
);

export const TestIcon = icon(
  <>
    <rect x="2.25" y="2.25" width="11.5" height="11.5" rx="2" />
    <path d="m5 8.25 2 2 4-4.5" />
  </>,
  'TestIcon',
);

export const ListIcon = icon(
  <>
    <path d="M6 4h7.5M6 8h7.5M6 12h7.5" />
    <path d="M2.75 4h.01M2.75 8h.01M2.75 12h.01" strokeWidth={2} />
  </>,
  'ListIcon',
);

export const ServerIcon = icon(
  <>
    <rect x="2" y="2.5" width="12" height="8" rx="1.25" />
    <path d="M5.5 13.5h5M8 10.5v3" />
  </>,
  'ServerIcon',
);

export const KeyIcon = icon(
  <>
    <circle cx="5.25" cy="10.75" r="2.75" />
    <path d="m7.2 8.8 6.05-6.05M11.25 4.75l1.75 1.75M9.75 6.25l1.25 1.25" />
  </>,
  'KeyIcon',
);

export const HistoryIcon = icon(
  <>
    <path d="M2.75 8a5.25 5.25 0 1 0 1.6-3.77" />
    <path d="M2.5 2.5v2.75h2.75" />
    <path d="M8 5.25V8l1.9 1.4" />
  </>,
  'HistoryIcon',
);

export const SendIcon = icon(
  <>
    <path d="M14 2 7.25 8.75" />
    <path d="M14 2 9.75 14l-2.5-5.25L2 6.25z" />
  </>,
  'SendIcon',
);

export const GlobeIcon = icon(
  <>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M1.75 8h12.5M8 1.75c1.75 1.8 2.5 3.9 2.5 6.25S9.75 12.45 8 14.25C6.25 12.45 5.5 10.35 5.5 8S6.25 3.55 8 1.75z" />
  </>,
  'GlobeIcon',
);

export const MonitorIcon = icon(
  <>
    <rect x="1.75" y="2.5" width="12.5" height="8.5" rx="1.25" />
    <path d="M5.5 13.75h5M8 11v2.75" />
  </>,
  'MonitorIcon',
);

export const TableIcon = icon(
  <>
    <rect x="2" y="2.5" width="12" height="11" rx="1.25" />
    <path d="M2 6.25h12M2 9.9h12M6.25 6.25v7.25" />
  </>,
  'TableIcon',
);

export const BracesIcon = icon(
  <>
    <path d="M5.5 2.5H5a1.5 1.5 0 0 0-1.5 1.5v2.25L2.25 8 3.5 9.75V12A1.5 1.5 0 0 0 5 13.5h.5" />
    <path d="M10.5 2.5h.5a1.5 1.5 0 0 1 1.5 1.5v2.25L13.75 8 12.5 9.75V12a1.5 1.5 0 0 1-1.5 1.5h-.5" />
  </>,
  'BracesIcon',
);

export const MarkdownIcon = icon(
  <>
    <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" />
    <path d="M4 10.25v-4.5l1.75 2 1.75-2v4.5" />
    <path d="M11 6v4.25M9.5 8.75 11 10.25l1.5-1.5" />
  </>,
  'MarkdownIcon',
);

export const DownloadIcon = icon(
  <>
    <path d="M8 2.25v8" />
    <path d="m4.75 7 3.25 3.25L11.25 7" />
    <path d="M2.75 13.75h10.5" />
  </>,
  'DownloadIcon',
);

export const UploadIcon = icon(
  <>
    <path d="M8 10.25v-8" />
    <path d="m4.75 5.5 3.25-3.25 3.25 3.25" />
    <path d="M2.75 13.75h10.5" />
  </>,
  'UploadIcon',
);

export const FolderIcon = icon(<path d="M2.25 4.25a1 1 0 0 1 1-1h3l1.5 1.5h5a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-9.5a1 1 0 0 1-1-1z" />, 'FolderIcon');

export const TerminalIcon = icon(
  <>
    <rect x="1.75" y="2.5" width="12.5" height="11" rx="1.5" />
    <path d="m4.5 6.25 2 1.75-2 1.75M8.25 10h3.25" />
  </>,
  'TerminalIcon',
);

export const SearchIcon = icon(
  <>
    <circle cx="7" cy="7" r="4.25" />
    <path d="m10.25 10.25 3.5 3.5" />
  </>,
  'SearchIcon',
);

export const ChevronDownIcon = icon(<path d="m3.5 6 4.5 4.5L12.5 6" />, 'ChevronDownIcon');

export const TrashIcon = icon(
  <>
    <path d="M2.75 4.25h10.5" />
    <path d="M6.25 4.25V2.75h3.5v1.5" />
    <path d="M4.25 4.25l.6 8.6a1 1 0 0 0 1 .9h4.3a1 1 0 0 0 1-.9l.6-8.6" />
    <path d="M6.75 7v4M9.25 7v4" />
  </>,
  'TrashIcon',
);

export const EditIcon = icon(
  <>
    <path d="M10.5 2.75l2.75 2.75-7.5 7.5H3v-2.75z" />
    <path d="M9 4.25l2.75 2.75" />
  </>,
  'EditIcon',
);

export const ImportIcon = icon(
  <>
    <path d="M8 1.75v8" />
    <path d="m4.75 6.5 3.25 3.25 3.25-3.25" />
    <path d="M2.75 10.5v2a1.25 1.25 0 0 0 1.25 1.25h8a1.25 1.25 0 0 0 1.25-1.25v-2" />
  </>,
  'ImportIcon',
);

export const ShieldIcon = icon(
  <>
    <path d="M8 1.75 2.75 3.75v4c0 3.1 2.2 5.3 5.25 6.5 3.05-1.2 5.25-3.4 5.25-6.5v-4z" />
    <path d="m5.75 8 1.6 1.6 2.9-3.1" />
  </>,
  'ShieldIcon',
);

export const WarningIcon = icon(
  <>
    <path d="M7.1 2.6a1.05 1.05 0 0 1 1.8 0l5.35 9.35a1.05 1.05 0 0 1-.9 1.55H2.65a1.05 1.05 0 0 1-.9-1.55z" />
    <path d="M8 6.25v3" />
    <path d="M8 11.35v.01" strokeWidth={2} />
  </>,
  'WarningIcon',
);

export const ExternalLinkIcon = icon(
  <>
    <path d="M9.5 2.25h4.25V6.5" />
    <path d="M13.75 2.25 7.5 8.5" />
    <path d="M11.75 9.5v3a1.25 1.25 0 0 1-1.25 1.25h-7A1.25 1.25 0 0 1 2.25 12.5v-7A1.25 1.25 0 0 1 3.5 4.25h3" />
  </>,
  'ExternalLinkIcon',
);

export const ExpandAllIcon = icon(
  <>
    <path d="m4.5 3.5 3.5 3 3.5-3" />
    <path d="m4.5 9.5 3.5 3 3.5-3" />
  </>,
  'ExpandAllIcon',
);

export const CollapseAllIcon = icon(
  <>
    <path d="m4.5 6.5 3.5-3 3.5 3" />
    <path d="m4.5 12.5 3.5-3 3.5 3" />
  </>,
  'CollapseAllIcon',
);

export const BoxIcon = icon(
  <>
    <path d="M8 1.75 13.5 4.6v6.8L8 14.25 2.5 11.4V4.6z" />
    <path d="M2.5 4.6 8 7.5l5.5-2.9M8 7.5v6.75" />
  </>,
  'BoxIcon',
);

export const DiffIcon = icon(
  <>
    <path d="M5 2.25v7.5M1.25 6h7.5" />
    <path d="M7.25 13.25h7.5" />
  </>,
  'DiffIcon',
);

/** The brand mark: a zebra crossing in a rounded tile. */
export function LogoMark({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon logo-mark">
      <rect width="24" height="24" rx="6" fill="var(--accent)" />
      <g fill="var(--accent-contrast)">
        <path d="M6.2 5h2.6l-1.7 14H4.5z" opacity="0.95" />
        <path d="M11.2 5h2.6l-1.7 14H9.5z" opacity="0.8" />
        <path d="M16.2 5h2.6l-1.7 14h-2.6z" opacity="0.65" />
      </g>
    </svg>
  );
}
