// Spec & export: the spec workbench. A left outline of the spec hierarchy (business case → use cases →
// flows → triggers, outcomes and mappings; requirements, inputs, tests, questions, sign-off) with how
// ready each part is, and one section at a time beside it (#/spec/<section>). Sections live beside it.
import { RefreshButton } from '../../components/RefreshButton';
import { Page } from '../../shell/Page';
import { areaById } from '../../shell/areas';
import { useSubRoute } from '../../shell/use-hash-route';
import { useApp, useWorkspace } from '../../state/app-context';
import { QuestionsPanel } from '../QuestionsPanel';
import { BusinessCasePanel } from './BusinessCasePanel';
import { ExportPanel } from './ExportPanel';
import { InputsPanel } from './InputsPanel';
import { outline } from './readiness';
import { RequirementsPanel } from './RequirementsPanel';
import { sectionFromSegment, type SectionId } from './sections';
import { SignOffPanel } from './SignOffPanel';
import { SpecOutline } from './SpecOutline';
import { TestCasesPanel } from './TestCasesPanel';
import { UseCasesPanel } from './UseCasesPanel';
import { useSpecData, type SpecData } from './queries';

export function SpecificationArea() {
  const { reloadAll } = useApp();
  const workspace = useWorkspace();
  const [segments] = useSubRoute('spec');
  const section = sectionFromSegment(segments[0]);
  const data = useSpecData();
  const area = areaById('spec');

  return (
    <Page title={area.title} description={area.description} actions={<RefreshButton onClick={reloadAll} />}>
      <div className="spec-workbench">
        <SpecOutline items={outline(data, workspace.counts)} current={section} />
        <div className="spec-main">
          <Section id={section} data={data} focus={segments[1]} />
        </div>
      </div>
    </Page>
  );
}

function Section({ id, data, focus }: { id: SectionId; data: SpecData; focus?: string }) {
  switch (id) {
    case 'business-case':
      return <BusinessCasePanel integration={data.integration} />;
    case 'requirements':
      return <RequirementsPanel requirements={data.requirements} />;
    case 'use-cases':
      return <UseCasesPanel useCases={data.useCases} flows={data.flows} focus={focus} />;
    case 'inputs':
      return <InputsPanel inputs={data.inputs} systems={data.systems} />;
    case 'test-cases':
      return <TestCasesPanel testCases={data.testCases} useCases={data.useCases} flows={data.flows} />;
    case 'questions':
      return <QuestionsPanel />;
    case 'sign-off':
      return <SignOffPanel integration={data.integration} changeLog={data.changeLog} signOff={data.signOff} />;
    case 'export':
      return <ExportPanel />;
  }
}
