import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { AssignableUser, HoldSummary } from '../api/ops-api.types';
import { useSession } from '../app/session-context';
import { CATEGORY_LABELS } from '../shared/hold-labels';
import {
  type ActionField,
  actionRequestBody,
  type ActionValues,
  fieldErrorMap,
  HOLD_ACTIONS,
  type HoldActionKind,
  needsSecondOfficer,
  validateAction,
} from './hold-actions';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog for one hold action: the native <dialog> makes the page behind it inert and closes on
 * Esc; Tab is kept inside explicitly; server field errors are shown next to their fields.
 */
export function ActionDialog(props: {
  kind: HoldActionKind;
  hold: HoldSummary;
  onClose: () => void;
  onDone: (result: HoldSummary) => void;
}): ReactNode {
  const { kind, hold, onClose, onDone } = props;
  const spec = HOLD_ACTIONS[kind];
  const { api } = useSession();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<ActionValues>({});
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ActionField['name'], string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [officers, setOfficers] = useState<AssignableUser[] | null>(null);
  const idBase = `action-${kind}`;
  const twoOfficer = kind === 'release' && needsSecondOfficer(hold);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    if (kind !== 'assign') {
      return;
    }
    // Without the list (an older server, a network error) the supervisor can still type the officer's id.
    api.assignableUsers().then(setOfficers, () => setOfficers([]));
  }, [api, kind]);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab') {
      return;
    }
    const focusable = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      return;
    }
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const showErrors = (errors: ReturnType<typeof fieldErrorMap>): void => {
    setFieldErrors(errors.byField);
    setFormErrors(errors.form);
    // Focus the first field in error, else the form message, so keyboard users land on the problem.
    window.requestAnimationFrame(() => {
      const invalid = dialogRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? formErrorRef.current)?.focus();
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const local = validateAction(kind, values);
    if (local.length > 0) {
      showErrors(fieldErrorMap(kind, local));
      return;
    }
    setBusy(true);
    setFieldErrors({});
    setFormErrors([]);
    try {
      const result = await api.holdAction(hold.consignmentId, kind, actionRequestBody(kind, values));
      onDone(result);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const mapped = fieldErrorMap(kind, caught.fieldErrors);
        showErrors(caught.fieldErrors.length > 0 ? mapped : { byField: {}, form: [caught.message] });
      } else {
        showErrors({ byField: {}, form: ['The action failed. Try again.'] });
      }
    } finally {
      setBusy(false);
    }
  };

  const renderField = (field: ActionField, index: number): ReactNode => {
    const id = `${idBase}-${field.name}`;
    const error = fieldErrors[field.name];
    const describedBy = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ');
    const common = {
      id,
      name: field.name,
      value: values[field.name] ?? '',
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': describedBy || undefined,
      'aria-required': field.required,
      ...(index === 0 ? { 'data-autofocus': true } : {}),
    };
    const update = (value: string): void => setValues((current) => ({ ...current, [field.name]: value }));
    let control: ReactNode;
    if (field.name === 'userId' && officers !== null && officers.length === 0) {
      control = <input {...common} autoComplete="off" onChange={(event) => update(event.target.value)} />;
    } else if (field.kind === 'select') {
      const options =
        field.name === 'userId'
          ? (officers ?? []).map((user) => ({
              value: user.id,
              label: `${user.displayName} (${user.roles.join(', ')})`,
            }))
          : (field.options ?? []);
      control = (
        <select {...common} onChange={(event) => update(event.target.value)}>
          <option value="">
            {field.name === 'userId' && officers === null ? 'Loading officers…' : 'Choose…'}
          </option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    } else {
      control = <textarea {...common} rows={4} onChange={(event) => update(event.target.value)} />;
    }
    return (
      <div key={field.name} className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor={id}>
          {field.name === 'userId' && officers !== null && officers.length === 0
            ? 'Officer user id'
            : field.label}
          {field.required && <span className="field__required"> (required)</span>}
        </label>
        {field.hint && (
          <p className="field__hint" id={`${id}-hint`}>
            {field.hint}
          </p>
        )}
        {control}
        {error && (
          <p className="field__error" id={`${id}-error`}>
            <span aria-hidden="true">✖ </span>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${idBase}-title`}
      aria-describedby={`${idBase}-description`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) {
          onClose();
        }
      }}
      onKeyDown={trapTab}
      data-testid={`dialog-${kind}`}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <header className="dialog__head">
          <h2 id={`${idBase}-title`}>
            {spec.label}: <span className="mono">{hold.consignmentId}</span>
          </h2>
          <button
            type="button"
            className="dialog__close"
            aria-label="Close"
            onClick={onClose}
            disabled={busy}
          >
            ×
          </button>
        </header>
        <div className="dialog__body">
          <p id={`${idBase}-description`}>{spec.description}</p>
          {twoOfficer && (
            <div className="notice notice--two-officer" data-testid="two-officer-notice">
              <strong>Two-officer rule.</strong> This hold includes{' '}
              {hold.categories
                .filter((category) => ['NUCLEAR', 'CHEMICAL_BIOLOGICAL', 'MISSILE'].includes(category))
                .map((category) => CATEGORY_LABELS[category])
                .join(', ')}{' '}
              goods:{' '}
              {hold.status === 'AWAITING_SECOND_OFFICER'
                ? 'another officer has released it; your release completes it if you are a different officer.'
                : 'your release is recorded and the hold then awaits a second, different officer.'}
            </div>
          )}
          {formErrors.length > 0 && (
            <div className="alert alert--error" role="alert" tabIndex={-1} ref={formErrorRef}>
              {formErrors.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
          {spec.fields.map(renderField)}
        </div>
        <footer className="dialog__foot">
          <button type="button" className="button button--quiet" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${spec.weighty ? 'button--primary button--weighty' : 'button--primary'}`}
            disabled={busy}
            {...(spec.fields.length === 0 ? { 'data-autofocus': true } : {})}
          >
            {busy ? 'Working…' : spec.submitLabel}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
