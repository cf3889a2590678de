import { useRef, useState, type DragEvent } from 'react';

export interface UploadZoneProps {
  disabled: boolean;
  onFiles: (files: File[]) => void;
}

/** Drop files here or choose them; several at once, any of the formats the loader recognises. */
export function UploadZone({ disabled, onFiles }: UploadZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className={over ? 'upload-zone over' : 'upload-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        Drop rating files here: Kaggle’s <code>netflix-prize-data.zip</code> as it is,{' '}
        <code>combined_data_*.txt</code>, <code>mv_*.txt</code>, <code>movie_titles.csv</code>,{' '}
        <code>.gz</code> files, MovieLens <code>ratings.csv</code> + <code>movies.csv</code>, or any
        user,item,rating,date CSV. They are read here, in this tab, and never uploaded.
      </p>
      <label className="button">
        Choose files…
        <input
          ref={input}
          type="file"
          multiple
          disabled={disabled}
          aria-label="Choose rating files"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            onFiles(files);
          }}
        />
      </label>
    </div>
  );
}
