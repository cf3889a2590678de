import { useState } from 'react';
import { layoutProblem } from '../compute/delimited-layout';
import type { DelimitedLayout, FileInspection } from '../contract';

type RoleKey = 'userColumn' | 'itemColumn' | 'ratingColumn' | 'timeColumn';
const ROLES: { key: RoleKey; label: string }[] = [
  { key: 'userColumn', label: 'User' },
  { key: 'itemColumn', label: 'Item' },
  { key: 'ratingColumn', label: 'Rating' },
  { key: 'timeColumn', label: 'Date / time' },
];

export interface ColumnMappingFormProps {
  inspections: FileInspection[];
  onConfirm: (layouts: Record<string, DelimitedLayout>) => void;
  onCancel: () => void;
}

/** Shows how each delimited file's columns were read, with its first rows, for the person to confirm or fix. */
export function ColumnMappingForm({ inspections, onConfirm, onCancel }: ColumnMappingFormProps) {
  const delimited = inspections.filter((inspection) => inspection.proposal);
  const [layouts, setLayouts] = useState<Record<string, DelimitedLayout>>(() =>
    Object.fromEntries(
      delimited.flatMap((i) => (i.proposal?.layout ? [[i.name, i.proposal.layout]] : [])),
    ),
  );
  const problems = delimited.filter((i) => !i.proposal?.layout);
  const mappingProblems = delimited.flatMap((i) => {
    const problem = layouts[i.name] && layoutProblem(layouts[i.name], i.proposal!.columns);
    return problem ? [[i.name, problem] as const] : [];
  });
  const mappingProblem = new Map(mappingProblems);
  const update = (name: string, patch: Partial<DelimitedLayout>) =>
    setLayouts((current) => ({ ...current, [name]: { ...current[name], ...patch } }));

  return (
    <form
      className="mapping"
      aria-label="Column mapping"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(layouts);
      }}
    >
      <h3>Confirm the columns</h3>
      {problems.map((inspection) => (
        <p key={inspection.name} className="error" role="alert">
          {inspection.name} cannot be read as ratings: {inspection.proposal?.problem}.
        </p>
      ))}
      {delimited
        .filter((inspection) => layouts[inspection.name])
        .map((inspection) => {
          const layout = layouts[inspection.name];
          const proposal = inspection.proposal!;
          return (
            <fieldset key={inspection.name}>
              <legend>{inspection.name}</legend>
              <div className="mapping-roles">
                {ROLES.map((role) => (
                  <label key={role.key}>
                    {role.label}
                    <select
                      value={layout[role.key]}
                      onChange={(e) =>
                        update(inspection.name, { [role.key]: Number(e.target.value) })
                      }
                    >
                      {proposal.columns.map((column, index) => (
                        <option key={index} value={index}>
                          {column}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                <label>
                  Time format
                  <select
                    value={layout.timeFormat}
                    onChange={(e) =>
                      update(inspection.name, {
                        timeFormat: e.target.value as DelimitedLayout['timeFormat'],
                      })
                    }
                  >
                    <option value="iso-date">date (YYYY-MM-DD)</option>
                    <option value="unix-seconds">unix seconds</option>
                    <option value="unix-milliseconds">unix milliseconds</option>
                  </select>
                </label>
                <label>
                  Lowest rating
                  <input
                    type="number"
                    step="any"
                    value={layout.ratingMin}
                    onChange={(e) => update(inspection.name, { ratingMin: Number(e.target.value) })}
                  />
                </label>
                <label>
                  Highest rating
                  <input
                    type="number"
                    step="any"
                    value={layout.ratingMax}
                    onChange={(e) => update(inspection.name, { ratingMax: Number(e.target.value) })}
                  />
                </label>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={layout.hasHeader}
                    onChange={(e) => update(inspection.name, { hasHeader: e.target.checked })}
                  />
                  First row is a header
                </label>
              </div>
              {mappingProblem.has(inspection.name) && (
                <p className="error" role="alert">
                  {inspection.name} cannot be loaded this way: {mappingProblem.get(inspection.name)}
                  .
                </p>
              )}
              <table className="preview">
                <caption>First rows</caption>
                <thead>
                  <tr>
                    {proposal.columns.map((column, index) => (
                      <th key={index}>{column}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {proposal.preview.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          );
        })}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={problems.length > 0 || mappingProblems.length > 0}
        >
          Load with these columns
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
