// The areas of the app, in sidebar order, and how they map to the URL hash (#/systems …).
import type { ComponentType } from 'react';
import type { MenuCommand } from '../../../shared/call-names';
import {
  MappingIcon,
  OverviewIcon,
  SandboxIcon,
  SpecIcon,
  SystemsIcon,
  WorkspacesIcon,
} from '../components/icons';

export type AreaId = 'overview' | 'systems' | 'mapping' | 'sandbox' | 'spec' | 'workspaces';

export interface AreaDefinition {
  id: AreaId;
  /** The sidebar label. */
  label: string;
  /** The page title. */
  title: string;
  /** The one-line description under the page title. */
  description: string;
  icon: ComponentType<{ size?: number }>;
}

export const mainAreas: readonly AreaDefinition[] = [
  {
    id: 'overview',
    label: 'Overview',
    title: 'Overview',
    description: 'The business case, where the integration stands, and the questions still open.',
    icon: OverviewIcon,
  },
  {
    id: 'systems',
    label: 'Systems',
    title: 'Systems',
    description: 'The source and target APIs, imported from their OpenAPI documents.',
    icon: SystemsIcon,
  },
  {
    id: 'mapping',
    label: 'Mapping',
    title: 'Mapping',
    description: 'Data flows between the systems and how their fields correspond.',
    icon: MappingIcon,
  },
  {
    id: 'sandbox',
    label: 'Sandbox',
    title: 'Sandbox',
    description: 'Try the real APIs: send requests, inspect responses, keep sample payloads.',
    icon: SandboxIcon,
  },
  {
    id: 'spec',
    label: 'Spec & export',
    title: 'Spec & export',
    description: 'The specification from business case to sign-off, how ready each part is, and its exports.',
    icon: SpecIcon,
  },
];

export const workspacesArea: AreaDefinition = {
  id: 'workspaces',
  label: 'Workspaces',
  title: 'Workspaces',
  description: 'Each workspace is one .crosswalk file holding one integration. Switch, open or create one.',
  icon: WorkspacesIcon,
};

export const allAreas: readonly AreaDefinition[] = [...mainAreas, workspacesArea];

export function areaById(id: AreaId): AreaDefinition {
  return allAreas.find((area) => area.id === id) ?? workspacesArea;
}

export const DEFAULT_AREA: AreaId = 'overview';

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return allAreas.some((area) => area.id === id) ? (id as AreaId) : DEFAULT_AREA;
}

/**
 * What follows the area in the hash, one decoded string per segment: a place inside the area
 * ("#/systems/2/entities/schema:Order" → ["2", "entities", "schema:Order"]). Empty for another area.
 */
export function subRouteFromHash(hash: string, area: AreaId): string[] {
  const [id, ...segments] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (id !== area) return [];
  return segments.filter(Boolean).map(decodeSegment);
}

/** "#/systems", or with a place inside the area: hashFor('systems', '2', 'entities', 'schema:Order'). */
export const hashFor = (id: AreaId, ...segments: string[]) =>
  [`#/${id}`, ...segments.filter(Boolean).map(encodeSegment)].join('/');

/** Encoded so a segment never splits the route ("/" in operation paths), keeping ":" readable. */
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/%3A/gi, ':');

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The area a desktop menu command asks for, if it is a "go:" command. */
export function areaFromMenuCommand(command: MenuCommand): AreaId | null {
  if (!command.startsWith('go:')) return null;
  const id = command.slice(3);
  return allAreas.some((area) => area.id === id) ? (id as AreaId) : null;
}
