import { NumberInput } from '../../../ui-kit/OptionFields';
/** The training loop's options, which every model cell has. */
export interface FitFieldValues {
  learningRate: number;
  batchSize: number;
  epochs: number;
  patience: number;
}

/** Learning rate, batch size, epochs and patience, with the same bounds in every model cell. */
export function FitFields(props: {
  options: FitFieldValues;
  disabled: boolean;
  onChange: (patch: Partial<FitFieldValues>) => void;
}) {
  const { options, disabled, onChange } = props;
  return (
    <>
      <NumberInput
        label="Learning rate"
        value={options.learningRate}
        min={1e-5}
        max={1}
        step={0.0001}
        disabled={disabled}
        onValue={(learningRate) => onChange({ learningRate })}
      />
      <NumberInput
        label="Batch size"
        value={options.batchSize}
        min={1}
        max={8192}
        disabled={disabled}
        onValue={(batchSize) => onChange({ batchSize })}
      />
      <NumberInput
        label="Epochs at most"
        value={options.epochs}
        min={1}
        max={1000}
        disabled={disabled}
        onValue={(epochs) => onChange({ epochs })}
      />
      <NumberInput
        label="Patience"
        value={options.patience}
        min={1}
        max={100}
        disabled={disabled}
        onValue={(patience) => onChange({ patience })}
      />
    </>
  );
}
