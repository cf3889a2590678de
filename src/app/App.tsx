import { useEffect } from 'react';
import { ClusterCell } from '../stages/cluster/ui/ClusterCell';
import { ExploreCell } from '../stages/explore/ui/ExploreCell';
import { DataCell } from '../stages/ingest/ui/DataCell';
import { loadSample } from '../stages/ingest/ui/data-actions';
import { SubsetCell } from '../stages/subset/ui/SubsetCell';
import { StatusBar } from './components/StatusBar';

let sampleRequested = false;

/** Loads the bundled sample once per page, so that the notebook opens on real figures. */
function useSampleOnOpen(): void {
  useEffect(() => {
    if (sampleRequested) return;
    sampleRequested = true;
    void loadSample();
  }, []);
}

export function App() {
  useSampleOnOpen();
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Prize Lab</h1>
          <p className="tagline">
            How recommenders are built and how they compare, on Netflix Prize data, live in your
            browser. Your data never leaves this tab.
          </p>
        </div>
        <StatusBar />
      </header>
      <main className="notebook">
        <DataCell />
        <SubsetCell />
        <ExploreCell />
        <ClusterCell />
      </main>
    </div>
  );
}
