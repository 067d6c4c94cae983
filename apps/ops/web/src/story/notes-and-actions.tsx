import type { ReactNode } from 'react';
import type { ConsignmentStory } from '../api/ops-api.types';
import { formatInstant } from '../shared/duration-format';
import { displayValue, humanizeField } from './display-value';

export function NotesList(props: { notes: ConsignmentStory['notes'] }): ReactNode {
  if (props.notes.length === 0) {
    return <p className="muted">No notes.</p>;
  }
  return (
    <ol className="notes">
      {[...props.notes]
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
        .map((note) => (
          <li key={note.id} className="note">
            <p className="note__meta">
              <strong>{note.author}</strong> <span className="muted">{formatInstant(note.createdAt)}</span>
            </p>
            <p className="note__text">{note.text}</p>
          </li>
        ))}
    </ol>
  );
}

export function ActionLog(props: { actions: ConsignmentStory['actions'] }): ReactNode {
  if (props.actions.length === 0) {
    return <p className="muted">No officer actions yet.</p>;
  }
  return (
    <table className="data-table" data-testid="action-log">
      <caption className="visually-hidden">Officer actions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Action</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {[...props.actions]
          .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
          .map((action) => (
            <tr key={action.id}>
              <td className="nowrap">{formatInstant(action.at)}</td>
              <td>{action.actor}</td>
              <td>{humanizeField(action.type.toLowerCase())}</td>
              <td className="wrap">
                {action.detail === null || action.detail === undefined ? '' : displayValue(action.detail)}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
