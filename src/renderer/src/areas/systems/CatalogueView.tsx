// A system's catalogue in tabs: Entities, Operations, Auth, Servers, Problems. The tab and what is
// open in it live in the address (see route.ts).
import { useRef, type ReactNode } from 'react';
import type { Catalogue } from '../../../../shared/catalogue';
import type { SystemSummary } from '../../../../shared/contract';
import { useSlashToSearch } from '../../components/SearchInput';
import { Unloaded } from '../../components/Unloaded';
import { AuthTab } from './AuthTab';
import { EntitiesTab } from './EntitiesTab';
import { OperationsTab } from './OperationsTab';
import { ProblemsTab, problemCount } from './ProblemsTab';
import { useCatalogue } from './queries';
import { catalogueTabs, type CatalogueTab, type SystemsPlace } from './route';
import { ServersTab } from './ServersTab';
import { TabList, tabPanelProps } from '../../components/TabList';

const tabLabels: Record<CatalogueTab, string> = {
  entities: 'Entities',
  operations: 'Operations',
  auth: 'Auth',
  servers: 'Servers',
  problems: 'Problems',
};

interface CatalogueViewProps {
  system: SystemSummary;
  place: SystemsPlace;
  onPlace: (place: SystemsPlace, options?: { replace?: boolean }) => void;
  onRefreshSystems: () => void;
  /** The system's own header, at the top of the panel. */
  header?: ReactNode;
}

export function CatalogueView({ system, place, onPlace, onRefreshSystems, header }: CatalogueViewProps) {
  const catalogue = useCatalogue(system);
  const container = useRef<HTMLDivElement>(null);
  useSlashToSearch(container);

  const data = catalogue.data;
  const go = (tab: CatalogueTab, item: string | null = null) => onPlace({ systemId: system.id, tab, item });

  return (
    <div className="catalogue panel" ref={container}>
      {header}
      <Tabs current={place.tab} catalogue={data} system={system} onSelect={(tab) => go(tab)} />
      <div className="catalogue-body" {...tabPanelProps('catalogue', place.tab)}>
        {!data ? (
          <Unloaded query={catalogue} title="The catalogue could not be loaded" label="Reading the catalogue…" frame="catalogue-message" />
        ) : (
          <TabContent
            tab={place.tab}
            item={place.item}
            catalogue={data}
            system={system}
            go={go}
            replace={(tab, item) => onPlace({ systemId: system.id, tab, item }, { replace: true })}
            onRefresh={onRefreshSystems}
          />
        )}
      </div>
    </div>
  );
}

interface TabContentProps {
  tab: CatalogueTab;
  item: string | null;
  catalogue: Catalogue;
  system: SystemSummary;
  go: (tab: CatalogueTab, item?: string | null) => void;
  replace: (tab: CatalogueTab, item: string | null) => void;
  onRefresh: () => void;
}

function TabContent({ tab, item, catalogue, system, go, replace, onRefresh }: TabContentProps) {
  switch (tab) {
    case 'entities':
      return (
        <EntitiesTab
          system={system}
          catalogue={catalogue}
          entityId={item}
          onOpenEntity={(id) => go('entities', id)}
          onOpenOperation={(id) => go('operations', id)}
        />
      );
    case 'operations':
      return (
        <OperationsTab
          catalogue={catalogue}
          operationId={item}
          onOpenEntity={(id) => go('entities', id)}
          onSelectOperation={(id) => replace('operations', id)}
        />
      );
    case 'auth':
      return <AuthTab catalogue={catalogue} />;
    case 'servers':
      return <ServersTab catalogue={catalogue} />;
    case 'problems':
      return <ProblemsTab system={system} catalogue={catalogue} onRefresh={onRefresh} />;
  }
}

interface TabsProps {
  current: CatalogueTab;
  catalogue: Catalogue | undefined;
  system: SystemSummary;
  onSelect: (tab: CatalogueTab) => void;
}

function Tabs({ current, catalogue, system, onSelect }: TabsProps) {
  const counts: Partial<Record<CatalogueTab, number>> = catalogue
    ? {
        entities: catalogue.entities.length,
        operations: catalogue.operations.length,
        auth: catalogue.securitySchemes.length,
        servers: catalogue.servers.length,
      }
    : {};
  const problems = problemCount(system, catalogue);

  return (
    <TabList
      tabs={catalogueTabs}
      current={current}
      onSelect={onSelect}
      label="Catalogue"
      idPrefix="catalogue"
      render={(tab) => (
        <>
          {tabLabels[tab]}
          {tab === 'problems' ? (
            problems === null ? (
              <span className="spinner spinner-sm" aria-label="validating" />
            ) : (
              <span className={problems > 0 ? 'tab-count tab-count-warning' : 'tab-count'}>{problems}</span>
            )
          ) : (
            counts[tab] !== undefined && <span className="tab-count">{counts[tab]!.toLocaleString()}</span>
          )}
        </>
      )}
    />
  );
}
