import { useMemo } from 'react';
import { Plot } from '../../ui-kit/Plot';
import { StatGrid } from '../../ui-kit/StatGrid';
import { formatCount, formatDuration } from '../../ui-kit/format';
import { downloadModel } from './model-download';
import type { FinishedModel } from './model-run';
import { LossCurves } from './TrainingProgress';

const STOP_REASONS = {
  completed: 'ran every epoch',
  patience: 'early stopping (validation loss stopped improving)',
  stopped: 'stopped by you',
  diverged: 'stopped: the loss diverged',
};

/** Test metrics in the rating scale, the training-mean baseline beside them, and predicted against true ratings. */
export function TrainingResult({
  finished,
  name,
  modelKey,
}: {
  finished: FinishedModel;
  name: string;
  modelKey: string;
}) {
  const { result } = finished;
  const test = result.test;
  const boxes = useMemo(() => {
    if (!test) return [];
    const byTrue = new Map<number, number[]>();
    test.labels.forEach((label, i) =>
      byTrue.set(label, [...(byTrue.get(label) ?? []), test.predictions[i]]),
    );
    return [...byTrue.keys()]
      .sort((a, b) => a - b)
      .map((label) => ({
        type: 'box',
        name: String(label),
        y: byTrue.get(label),
        boxpoints: false,
        marker: { color: '#3b6ea8' },
      }));
  }, [test]);
  const boxLayout = useMemo(
    () => ({
      xaxis: { title: { text: 'true rating' } },
      yaxis: { title: { text: 'predicted rating' } },
      showlegend: false,
    }),
    [],
  );
  return (
    <>
      <StatGrid
        name={`${name} result`}
        stats={[
          { label: 'Test RMSE', value: test ? test.rmse.toFixed(4) : '–' },
          { label: 'Test MAE', value: test ? test.mae.toFixed(4) : '–' },
          {
            label: 'Predict the training mean',
            value: test ? test.trainMeanRmse.toFixed(4) : '–',
            hint: 'RMSE of always predicting the training labels’ mean',
          },
          {
            label: 'Validation RMSE',
            value: result.validation ? result.validation.rmse.toFixed(4) : '–',
          },
          { label: 'Parameters', value: formatCount(result.params.trainable) },
          {
            label: 'Epochs',
            value: `${result.epochsRun} (best ${result.bestEpoch + 1})`,
            hint: STOP_REASONS[result.stopReason],
          },
          { label: 'Training time', value: formatDuration(result.trainingSeconds * 1000) },
          { label: 'Speed', value: `${formatCount(result.samplesPerSecond)} samples/s` },
          { label: 'Backend', value: result.backend },
        ]}
      />
      <LossCurves batchLosses={finished.batchLosses} epochs={finished.epochs} name={name} />
      {test && (
        <Plot
          title={`${name}: predicted vs true ratings (test)`}
          data={boxes}
          layout={boxLayout}
          height={260}
        />
      )}
      <p>
        <button type="button" onClick={() => void downloadModel(modelKey)}>
          Download the model (TensorFlow.js layers format)
        </button>{' '}
        <span className="note">
          model.json + weights; the TensorFlow.js converter turns them into a Keras model.
        </span>
      </p>
    </>
  );
}
