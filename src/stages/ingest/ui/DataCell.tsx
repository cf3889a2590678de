import { Cell } from '../../../app/components/Cell';
import { ErrorBox } from '../../../ui-kit/ErrorBox';
import { useStore } from '../../../ui-kit/store';
import { ColumnMappingForm } from './ColumnMappingForm';
import { cancelLoad, chooseFiles, dismissMapping, loadFiles, loadSample } from './data-actions';
import { DataCharts } from './DataCharts';
import { dataStore } from './data-store';
import { DataSummaryView } from './DataSummaryView';
import { LoadProgressView } from './LoadProgressView';
import { UploadZone } from './UploadZone';
import { useNow } from '../../../ui-kit/use-now';

export function DataCell() {
  const { loaded, loading, error, pendingMapping } = useStore(dataStore, (state) => state);
  const now = useNow(loading !== null);
  return (
    <Cell
      id="data"
      intro={
        <>
          The ratings the study starts from. The bundled sample loads on open; upload the real
          Netflix Prize files (or any rating subset) to study your own.
        </>
      }
      onRun={() => void loadSample()}
      runLabel="Load the sample"
    >
      <UploadZone disabled={loading !== null} onFiles={(files) => void chooseFiles(files)} />
      {pendingMapping && (
        <ColumnMappingForm
          inspections={pendingMapping.inspections}
          onConfirm={(layouts) => void loadFiles(pendingMapping.files, layouts)}
          onCancel={dismissMapping}
        />
      )}
      {loading && <LoadProgressView loading={loading} now={now} onCancel={cancelLoad} />}
      {error && loaded && (
        <ErrorBox
          title="That load did not replace your data."
          message={`${error} The dataset loaded before is still in use.`}
        />
      )}
      {loaded && (
        <>
          <DataSummaryView result={loaded} />
          <DataCharts summary={loaded.summary} />
        </>
      )}
    </Cell>
  );
}
